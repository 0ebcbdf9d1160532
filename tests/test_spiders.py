"""Spiders stay thin: feed and sitemap callbacks turn saved documents into article requests."""

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from crawler.config import SourceConfig
from crawler.middlewares import META_REFRESH_HEAD, HeadMetaRefreshMiddleware
from crawler.spiders.feed import FeedSpider
from crawler.spiders.sitemap import SitemapSpider
from crawler.spiders.urls import UrlListSpider
from tests.test_parsing import INDEX, NEWS, RSS

SOURCE = SourceConfig("news", "feed", "News", ("https://news.example/feed",))


def make_spider(cls, **kwargs):
    """A spider bound to a crawler (for its stats), as Scrapy builds it."""
    crawler = get_crawler(cls)
    return cls.from_crawler(crawler, **kwargs)


def response(cls, url, body):
    return cls(url, body=body, request=Request(url, meta={"source": "news", "outlet": "News"}))


def test_feed_spider_requests_entries_after_since():
    spider = make_spider(FeedSpider, since="2025-01-01")
    spider.sources = (SOURCE,)
    requests = list(spider.parse_feed(response(XmlResponse, "https://news.example/feed", RSS)))
    assert [r.url for r in requests] == ["https://news.example/a", "https://news.example/b"]
    assert all(r.meta["article"] and r.meta["source"] == "news" for r in requests)
    later = make_spider(FeedSpider, since="2025-02-01")
    later.sources = (SOURCE,)
    # Entries without a date are kept; dated entries before --since are not.
    assert [r.url for r in later.parse_feed(response(XmlResponse, "https://news.example/feed", RSS))] == [
        "https://news.example/b"
    ]


def test_sitemap_spider_follows_index_and_requests_pages():
    source = SourceConfig("news", "sitemap", "News", ("https://news.example/sitemap.xml",))
    spider = make_spider(SitemapSpider, since="2025-03-01")
    spider.sources = (source,)
    children = list(spider.parse_sitemap(response(XmlResponse, "https://news.example/sitemap.xml", INDEX)))
    assert [r.url for r in children] == ["https://news.example/s2.xml.gz"]  # s1 is older than --since
    assert children[0].callback == spider.parse_sitemap
    pages = list(spider.parse_sitemap(response(XmlResponse, "https://news.example/s2.xml", NEWS)))
    assert [r.url for r in pages] == ["https://news.example/n1", "https://news.example/n2"]
    assert pages[0].callback == spider.parse_article


def test_url_list_spider_and_article_items():
    source = SourceConfig("list", "urls", "Outlet", ("https://a.example/1", "https://a.example/2"))
    spider = make_spider(UrlListSpider)
    assert [r.url for r in spider.source_requests(source)] == ["https://a.example/1", "https://a.example/2"]
    page = response(HtmlResponse, "https://a.example/1", b"<html><body><p>x</p></body></html>")
    page.headers[b"Content-Type"] = b"text/html; charset=utf-8"
    [item] = list(spider.parse_article(page))
    assert (item.url, item.source, item.outlet, item.status) == ("https://a.example/1", "news", "News", 200)
    assert spider.crawler.stats.get_value("tracker/source/news/pages") == 1


def test_every_download_failure_of_scrapy_has_an_error_kind():
    # Scrapy 2.14 renamed its download errors (DNSLookupError became CannotResolveHostError): a failure
    # recorded under a class name instead of its kind hides dead sources from `sources` health.
    from scrapy import exceptions
    from twisted.python.failure import Failure

    from crawler.spiders.base import error_kind

    expected = {
        "CannotResolveHostError": "dns",
        "DownloadTimeoutError": "timeout",
        "DownloadConnectionRefusedError": "refused",
        "DownloadCancelledError": "too_large",
        "DownloadFailedError": "connection_lost",
        "ResponseDataLossError": "connection_lost",
    }
    for name, kind in expected.items():
        error = getattr(exceptions, name, None)
        if error is not None:  # not every allowed Scrapy version has every class
            assert error_kind(Failure(error())) == kind, name


@pytest.mark.parametrize(
    ("status", "body", "challenge"),
    [
        (200, b"<html><head><title>Just a moment...</title></head><body>cf-chl</body></html>", True),
        (200, b"<html><head><TITLE> Attention Required! | Cloudflare</TITLE></head></html>", True),
        (200, b'<div class="g-recaptcha" data-sitekey="x"></div>', True),
        (200, b"<script src='https://js.hCaptcha.com/1/api.js'></script>", True),
        (200, b"<p>Please enable JS and disable any ad blocker</p>", True),
        (403, b"<html><body>Forbidden</body></html>", True),
        (403, b"Forbidden", False),  # a bare refusal is an HTTP error, not a page
        (200, b"<html><head><title>Sanctuary city vote</title></head><body>Access denied to ICE</body></html>", False),
    ],
)
def test_challenge_pages_are_recognised_by_their_markers(status, body, challenge):
    from crawler.challenge import is_challenge

    assert is_challenge(status, body) is challenge


def _meta_refresh_response(head: str, filler: int) -> HtmlResponse:
    body = f"<html><head>{head}</head><body>{'<p>news</p>' * filler}</body></html>".encode()
    return HtmlResponse("https://news.example/old", body=body, request=Request("https://news.example/old"))


def test_meta_refresh_is_followed_from_the_head_without_decoding_the_page(monkeypatch):
    decoded: list[int] = []
    text = TextResponse.text

    def counting_text(self):
        decoded.append(len(self.body))
        return text.fget(self)

    monkeypatch.setattr(TextResponse, "text", property(counting_text))
    middleware = HeadMetaRefreshMiddleware.from_crawler(get_crawler())
    refresh = '<meta http-equiv="refresh" content="0; url=/moved">'

    moved = middleware.process_response(Request("https://news.example/old"), _meta_refresh_response(refresh, 5000))
    assert isinstance(moved, Request) and moved.url == "https://news.example/moved"

    page = _meta_refresh_response("<title>No refresh</title>", 5000)
    assert middleware.process_response(Request("https://news.example/old"), page) is page
    # A small page is read whole, as Scrapy does.
    small = _meta_refresh_response(refresh, 1)
    assert isinstance(middleware.process_response(Request("https://news.example/old"), small), Request)
    assert len(page.body) > 50_000 and max(decoded) <= META_REFRESH_HEAD
