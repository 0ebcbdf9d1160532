"""Sitemaps: sitemap indexes, urlsets and Google News sitemaps, honouring --since."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import SourceConfig
from crawler.parsing import FeedError, parse_sitemap
from crawler.spiders.base import TrackerSpider


class SitemapSpider(TrackerSpider):
    """Crawls the pages listed in the configured sitemaps, following sitemap indexes."""

    name = "sitemap"
    kind = "sitemap"

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        assert source.url
        yield self._sitemap_request(source.url, source)

    def _sitemap_request(self, url: str, source: SourceConfig) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, meta=self.meta_for(source))

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
                yield self._sitemap_request(url, source)
            else:
                yield from self.article_requests(url, source, entry.published)
