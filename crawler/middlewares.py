"""Downloader middlewares: refuse non-http(s) and private addresses, skip URLs already stored, follow meta
refresh without decoding whole pages."""

from typing import Any, Self
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response

from crawler.challenge import is_challenge
from crawler.config import db_url_from_settings, is_private_host
from crawler.run_urls import RunUrls
from storage.db import make_sessionmaker, shared_engine
from storage.ingest import stored_urls


class _RefusingMiddleware:
    """Base of the middlewares that refuse a request or response and record why."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def refuse(self, request: Request, kind: str, source_stat: str = "errors") -> IgnoreRequest:
        """Count the refusal for the run and for the request's source; the exception to raise."""
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value(f"tracker/errors/{kind}")
        if request.meta.get("source"):
            stats.inc_value(f"tracker/source/{request.meta['source']}/{source_stat}")
        return IgnoreRequest(f"{kind}: {request.url}")


class SafeUrlMiddleware(_RefusingMiddleware):
    """Fetch only http(s) URLs, and a private or loopback address (however it is spelled) only for a source
    that allows it, and then only its own host and port. Names that resolve to private addresses are
    refused by the resolver (crawler/resolver.py)."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        parts = urlsplit(request.url)
        reason = None
        if parts.scheme not in ("http", "https"):
            reason = "unsafe_scheme"
        elif is_private_host(parts.hostname or "") and not self._allowed(request, _host_port(request.url)):
            reason = "private_address"
        if reason:
            raise self.refuse(request, reason)

    def _allowed(self, request: Request, where: tuple[str, int]) -> bool:
        sources = [s for s in getattr(self.crawler.spider, "sources", ()) if s.allow_private]
        name = request.meta.get("source")
        if name is not None:
            # A source's allowance covers its own requests to the hosts and ports of its own URLs.
            sources = [s for s in sources if s.name == name]
        # (robots.txt requests carry no source: the hosts and ports of the allowing sources.)
        return any(_host_port(u) == where for s in sources for u in s.urls)


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


class ChallengeMiddleware(_RefusingMiddleware):
    """Drop bot-challenge and access-denied pages (never circumvented), counted for the source's health."""

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if request.url.endswith("/robots.txt") or not is_challenge(response.status, response.body):
            return response
        raise self.refuse(request, "challenge", "challenges")


class RedirectLoopMiddleware(_RefusingMiddleware):
    """Record a redirect back to a URL already in the chain as a redirect loop, and stop there."""

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        location = response.headers.get(b"Location")
        if not (300 <= response.status < 400 and location):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if target == request.url or target in request.meta.get("redirect_urls", []):
            raise self.refuse(request, "redirect_loop")
        return response


# Scrapy looks for a meta refresh tag in the first 4,096 characters of a page.
META_REFRESH_HEAD = 4096


class HeadMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's meta refresh redirects, read from the page's head only. Scrapy's own decodes the whole
    page for it and keeps the text on the response, which the crawl holds until the page is stored: two to
    four times each page's bytes in the crawl process, for every page waiting for a worker."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if not isinstance(response, HtmlResponse) or len(response.body) <= META_REFRESH_HEAD:
            return super().process_response(request, response)
        head = response.replace(body=response.body[:META_REFRESH_HEAD])
        followed = super().process_response(request, head)
        return response if followed is head else followed


class SkipStoredMiddleware:
    """Skip article URLs whose pages are already stored (unless TRACKER_REFETCH is set), and URLs another
    source of the same run already asked for (TRACKER_RUN_URLS, shared by the run's spiders)."""

    def __init__(self, crawler: Crawler, db_url: str, refetch: bool, run: RunUrls) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.refetch = refetch
        self.run = run
        self.stored: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        run = settings.get("TRACKER_RUN_URLS")
        middleware = cls(
            crawler,
            db_url_from_settings(settings),
            settings.getbool("TRACKER_REFETCH"),
            run if isinstance(run, RunUrls) else RunUrls(),
        )
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        if self.refetch:
            return
        if self.run.stored is None:
            with make_sessionmaker(shared_engine(self.db_url)).begin() as session:
                self.run.stored = stored_urls(session)
        self.stored = self.run.stored

    def process_request(self, request: Request, spider: Spider | None = None) -> Any:
        # Retries and redirects carry the meta of a request already let through.
        if not request.meta.get("article") or request.meta.get("tracker_admitted") == request.url:
            return None
        assert self.crawler.stats is not None
        if request.url in self.stored:
            self.crawler.stats.inc_value("tracker/skipped_stored")
            raise IgnoreRequest(f"already stored: {request.url}")
        if request.url in self.run.seen:
            self.crawler.stats.inc_value("tracker/skipped_duplicate")
            raise IgnoreRequest(f"already requested by another source: {request.url}")
        self.run.seen.add(request.url)
        request.meta["tracker_admitted"] = request.url
        return None
