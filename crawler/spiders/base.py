"""What every tracker spider shares: choosing its sources from the config, article requests, failures."""

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler import signals as tracker_signals
from crawler.config import Config, ConfigError, SourceConfig, config_from_settings
from crawler.items import PageItem
from crawler.resolver import PrivateAddressError, refused_name

HTML_TYPES = (b"text/html", b"application/xhtml")
PDF_TYPES = (b"application/pdf", b"application/x-pdf")


ERROR_KINDS = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "DNSLookupError": "dns",
    "CannotResolveHostError": "dns",  # Scrapy 2.14 and later
    "DownloadConnectionRefusedError": "refused",
    "ConnectionRefusedError": "refused",
    "DownloadCancelledError": "too_large",
    "CancelledError": "too_large",
    "DownloadFailedError": "connection_lost",
    "ResponseNeverReceived": "connection_lost",
    "ConnectionLost": "connection_lost",
    "ConnectionDone": "connection_lost",
    "ResponseFailed": "connection_lost",
    "ResponseDataLossError": "connection_lost",
}


DNS_ERRORS = frozenset(name for name, kind in ERROR_KINDS.items() if kind == "dns")


def error_kind(failure: Failure) -> str:
    """A short name for why a request failed: http_503, timeout, dns, refused, too_large, ..."""
    error = failure.value
    if isinstance(error, HttpError):
        status = error.response.status
        location = (error.response.headers.get(b"Location") or b"").decode("latin-1").lower()
        if 300 <= status < 400 and location and not location.startswith(("http://", "https://", "/")):
            return "unsafe_redirect"  # e.g. to file:, never followed
        return f"http_{status}"
    if isinstance(error, IgnoreRequest) and "max redirections" in str(error):
        return "redirect_loop"
    if isinstance(error, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(error):
        return "too_large"  # a compressed body that would decompress past the size limit
    request = getattr(failure, "request", None)
    if isinstance(error, PrivateAddressError) or (
        type(error).__name__ in DNS_ERRORS and request is not None and refused_name(urlsplit(request.url).hostname)
    ):
        # A name that resolved to a private address: Twisted reports the refusal as a failed lookup.
        return "private_address"
    name = type(error).__name__ if error is not None else "unknown"
    return ERROR_KINDS.get(name, name)


def _charset(content_type: bytes) -> str | None:
    """The charset a Content-Type header declares, if any."""
    for part in content_type.decode("latin-1").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class TrackerSpider(scrapy.Spider):
    """Base of the tracker's spiders: `-a source=NAME[,NAME]`, `-a since=YYYY-MM-DD`."""

    kind: ClassVar[str] = ""
    allowed_domains: list[str]

    def __init__(self, source: str | None = None, since: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source_names = tuple(n for n in (source or "").split(",") if n)
        try:
            self.since = date.fromisoformat(since) if since else None
        except ValueError as exc:
            raise ValueError(f"since must be YYYY-MM-DD, got {since!r}") from exc
        self.sources: tuple[SourceConfig, ...] = ()
        self.config: Config | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "TrackerSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        config = config_from_settings(crawler.settings)
        chosen = [s for s in config.select(spider.source_names) if s.kind == cls.kind]
        if spider.source_names and not chosen:
            raise ConfigError(f"none of {', '.join(spider.source_names)} is a {cls.kind!r} source")
        spider.sources = tuple(chosen)
        spider.config = config
        if chosen and all(s.allowed_domains for s in chosen):
            spider.allowed_domains = [d for s in chosen for d in s.allowed_domains]
        return spider

    async def start(self) -> AsyncIterator[Any]:
        requests = (request for source in self.sources for request in self.source_requests(source))
        seeding = self.crawler.settings.get("TRACKER_SEEDING")
        if seeding is None:
            for request in requests:
                yield request
            return
        # A distributed run: one of its processes queues the first requests (crawler/frontier/seeding.py).
        async for request in seeding.seed(self.name, requests):
            yield request

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        """The first requests for one source."""
        raise NotImplementedError

    def meta_for(self, source: SourceConfig, **extra: Any) -> dict[str, Any]:
        """Request meta naming the source, so middlewares and pipelines know where a page came from."""
        return {
            "source": source.name,
            "outlet": source.outlet,
            "issuer": source.issuer,
            "allow_private": source.allow_private,
            **extra,
        }

    def source_of(self, response: Response) -> SourceConfig:
        """The configured source a response was fetched for."""
        return next(s for s in self.sources if s.name == response.meta["source"])

    def is_recent(self, published: date | None) -> bool:
        """Whether an entry passes --since (entries without a date always do)."""
        return self.since is None or published is None or published >= self.since

    def article_requests(self, url: str, source: SourceConfig, published: date | None) -> Iterator[scrapy.Request]:
        """The request for an article page, counted as found by its source (fetched or not: another source
        may fetch it, or it may be stored already). A link that is not http(s) ("mailto:", "javascript:",
        a garbled URL) is recorded as bad_link and skipped: one such link must not end the feed."""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            self.count_error("bad_link", source.name)
            self.logger.info("skipped a link that is not http(s): %.200s", url)
            return
        try:
            request = scrapy.Request(
                url,
                callback=self.parse_article,
                errback=self.on_error,
                meta=self.meta_for(source, article=True, published=published),
            )
        except ValueError:
            self.count_error("bad_link", source.name)
            return
        self.count(f"tracker/source/{source.name}/found")
        yield request

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        """Hand an HTML page on to the pipelines; anything else is recorded as not_html."""
        content_type = (response.headers.get(b"Content-Type", b"") or b"").lower()
        source = response.meta["source"]
        is_pdf = content_type.startswith(PDF_TYPES) or response.body.startswith(b"%PDF-")
        if not (is_pdf or content_type.startswith(HTML_TYPES)):
            self.count_error("not_html", source)
            return
        self.count(f"tracker/source/{source}/pages")
        yield PageItem(
            url=response.url,
            status=response.status,
            body=response.body,
            source=source,
            outlet=response.meta.get("outlet"),
            fetched_at=datetime.now(UTC),
            published_hint=response.meta.get("published"),
            content_type="application/pdf" if is_pdf else "text/html",
            charset=_charset(content_type),
            issuer=response.meta.get("issuer"),
        )

    def on_error(self, failure: Failure) -> None:
        """Record a failed request by kind instead of stopping the crawl."""
        kind = error_kind(failure)
        request = getattr(failure, "request", None)
        if request is not None:
            self.crawler.signals.send_catch_log(signal=tracker_signals.request_handled, request=request)
        ignored = isinstance(failure.value, IgnoreRequest) and not isinstance(failure.value, HttpError)
        if ignored and kind not in ("redirect_loop", "too_large"):
            return  # skipped on purpose (already stored, robots.txt, a challenge): counted where decided
        self.count_error(kind, request.meta.get("source") if request else None)
        self.logger.warning("%s: %s", kind, request.url if request else failure.getErrorMessage())

    def count_error(self, kind: str, source: str | None = None) -> None:
        """Add one failure of this kind to the crawl's stats, and to its source's."""
        self.count(f"tracker/errors/{kind}")
        if source:
            self.count(f"tracker/source/{source}/errors")

    def count(self, key: str, n: int = 1) -> None:
        """Add to a crawl statistic."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, n)
