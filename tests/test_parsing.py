"""Feed and sitemap parsers on saved documents."""

import gzip
from datetime import date

import pytest

from crawler.parsing import FeedError, parse_feed, parse_sitemap

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://news.example/a</link><pubDate>Tue, 28 Jan 2025 18:00:00 -0800</pubDate></item>
<item><title>b</title><guid isPermaLink="true">https://news.example/b</guid></item>
<item><title>no link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link rel="alternate" href="https://news.example/atom-a"/><updated>2025-02-01T10:00:00Z</updated></entry>
<entry><title>b</title><link rel="enclosure" href="https://news.example/x.mp3"/><link href="https://news.example/atom-b"/></entry>
</feed>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/s1.xml</loc><lastmod>2025-01-01</lastmod></sitemap>
<sitemap><loc>https://news.example/s2.xml.gz</loc></sitemap></sitemapindex>"""

NEWS = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/n1</loc><lastmod>2025-03-09</lastmod>
<news:news><news:publication_date>2025-03-08T23:00:00Z</news:publication_date></news:news></url>
<url><loc>https://news.example/n2</loc></url></urlset>"""


def test_rss_links_and_dates():
    entries = parse_feed(RSS)
    assert [(e.url, e.published) for e in entries] == [
        ("https://news.example/a", date(2025, 1, 28)),
        ("https://news.example/b", None),
    ]


def test_atom_alternate_links_only():
    assert [(e.url, e.published) for e in parse_feed(ATOM)] == [
        ("https://news.example/atom-a", date(2025, 2, 1)),
        ("https://news.example/atom-b", None),
    ]


def test_sitemap_index_and_news_dates():
    index = parse_sitemap(INDEX)
    assert index.is_index
    assert [e.url for e in index.entries] == ["https://news.example/s1.xml", "https://news.example/s2.xml.gz"]
    urlset = parse_sitemap(gzip.compress(NEWS))
    assert not urlset.is_index
    assert [(e.url, e.published) for e in urlset.entries] == [
        ("https://news.example/n1", date(2025, 3, 8)),
        ("https://news.example/n2", None),
    ]


@pytest.mark.parametrize("body", [b"", b"<html><body>not a feed</body></html>", b"\x1f\x8b\x08broken-gzip", b"{}"])
def test_bad_documents_raise_feed_error(body):
    with pytest.raises(FeedError):
        parse_feed(body)
    with pytest.raises(FeedError):
        parse_sitemap(body)


def test_gzip_bomb_is_refused():
    from crawler.parsing import gunzip

    with pytest.raises(FeedError, match="exceeds"):
        gunzip(gzip.compress(b"<" * 2_000_000), limit=1_000_000)


def test_documents_past_the_parsers_depth_limit_keep_what_came_before_and_say_so():
    # A feed or sitemap nested deeper than libxml2's limit lost every entry after the nesting, silently.
    nest = b"<x>" * 300 + b"</x>" * 300
    feed = (
        b'<rss version="2.0"><channel><item><link>https://a.example/1</link></item>'
        + nest
        + b"<item><link>https://a.example/2</link></item></channel></rss>"
    )
    problems: list[str] = []
    assert [e.url for e in parse_feed(feed, problems)] == ["https://a.example/1"]
    assert len(problems) == 1 and "cut short" in problems[0] and "depth" in problems[0]
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/1</loc></url>'
        + nest
        + b"<url><loc>https://a.example/2</loc></url></urlset>"
    )
    problems = []
    assert [e.url for e in parse_sitemap(sitemap, problems).entries] == ["https://a.example/1"]
    assert problems
    # A well-formed document reports nothing.
    problems = []
    parse_feed(b'<rss version="2.0"><channel><item><link>https://a.example/1</link></item></channel></rss>', problems)
    assert problems == []
