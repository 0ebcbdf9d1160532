"""Sitemaps: sitemap indexes, urlsets and Google News sitemaps, honouring --since."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import DEFAULT_MAX_SITEMAP_DEPTH, DEFAULT_MAX_SITEMAPS, SourceConfig
from crawler.parsing import FeedError, parse_sitemap
from crawler.spiders.base import TrackerSpider


class SitemapSpider(TrackerSpider):
    """Crawls the pages listed in the configured sitemaps, following sitemap indexes."""

    name = "sitemap"
    kind = "sitemap"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetched: dict[str, int] = {}  # sitemaps requested per source
        self.limited: set[str] = set()  # sources whose limit was reached (recorded once)

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        assert source.url
        request = self._sitemap_request(source.url, source, 0)
        if request is not None:
            yield request

    def _sitemap_request(self, url: str, source: SourceConfig, depth: int) -> scrapy.Request | None:
        """The request for a sitemap at this depth of indexes, or None past the configured limits (recorded
        once per source as sitemap_limit): an index that points to ever new indexes must end."""
        max_depth = self.config.max_sitemap_depth if self.config else DEFAULT_MAX_SITEMAP_DEPTH
        max_count = self.config.max_sitemaps if self.config else DEFAULT_MAX_SITEMAPS
        fetched = self.fetched.get(source.name, 0)
        if depth > max_depth or fetched >= max_count:
            if source.name not in self.limited:
                self.limited.add(source.name)
                self.count_error("sitemap_limit", source.name)
                self.logger.warning(
                    "sitemap limit for %s after %s sitemaps at depth %s (crawler.max_sitemaps %s, "
                    "crawler.max_sitemap_depth %s): the rest is skipped",
                    source.name,
                    fetched,
                    depth,
                    max_count,
                    max_depth,
                )
            return None
        self.fetched[source.name] = fetched + 1
        return scrapy.Request(
            url,
            callback=self.parse_sitemap,
            errback=self.on_error,
            meta=self.meta_for(source, sitemap_depth=depth),
        )

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """Follow child sitemaps of an index; request the pages of a urlset."""
        source = self.source_of(response)
        problems: list[str] = []
        try:
            sitemap = parse_sitemap(response.body, problems)
        except FeedError as exc:
            self.count_error("bad_sitemap", source.name)
            self.logger.warning("bad sitemap %s: %s", response.url, exc)
            return
        if problems:
            # What came before the parser's limit is crawled; the rest is lost, and recorded as such.
            self.count_error("bad_sitemap", source.name)
            self.logger.warning("bad sitemap %s: %s", response.url, problems[0])
        for entry in sitemap.entries:
            if not self.is_recent(entry.published):
                continue
            url = response.urljoin(entry.url)
            if sitemap.is_index:
                request = self._sitemap_request(url, source, response.meta.get("sitemap_depth", 0) + 1)
                if request is not None:
                    yield request
            else:
                yield from self.article_requests(url, source, entry.published)
