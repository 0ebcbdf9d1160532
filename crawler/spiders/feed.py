"""RSS 2.0 and Atom feeds: each entry's link is an article."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import SourceConfig
from crawler.discovery import resolve_link
from crawler.parsing import FeedError, parse_feed
from crawler.spiders.base import TrackerSpider


class FeedSpider(TrackerSpider):
    """Crawls the articles listed in the configured feeds."""

    name = "feed"
    kind = "feed"

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        assert source.url
        yield scrapy.Request(
            source.url,
            callback=self.parse_feed,
            errback=self.on_error,
            meta=self.meta_for(source),
            dont_filter=True,
        )

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """Request every entry of the feed that passes --since."""
        source = self.source_of(response)
        problems: list[str] = []
        try:
            entries = parse_feed(response.body, problems)
        except FeedError as exc:
            self.count_error("bad_feed", source.name)
            self.logger.warning("bad feed %s: %s", response.url, exc)
            return
        if problems:
            # What came before the parser's limit is crawled; the rest is lost, and recorded as such.
            self.count_error("bad_feed", source.name)
            self.logger.warning("bad feed %s: %s", response.url, problems[0])
        for entry in entries:
            if not self.is_recent(entry.published):
                continue
            url = resolve_link(response.urljoin(entry.url))
            if url is None:
                # A news-search link whose publisher URL cannot be recovered: recorded, not stored.
                self.count_error("unresolved_link", source.name)
                self.logger.info("unresolved news-search link: %s", entry.url)
                continue
            yield from self.article_requests(url, source, entry.published)


class SearchSpider(FeedSpider):
    """Keyword news-search feeds (Google News, Bing News), their wrapped links resolved to publishers."""

    name = "search"
    kind = "search"
