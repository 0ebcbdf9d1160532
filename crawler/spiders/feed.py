"""RSS 2.0 and Atom feeds: each entry's link is an article."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import SourceConfig
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
        source = next(s for s in self.sources if s.name == response.meta["source"])
        try:
            entries = parse_feed(response.body)
        except FeedError as exc:
            self.count_error("bad_feed", source.name)
            self.logger.warning("bad feed %s: %s", response.url, exc)
            return
        for entry in entries:
            if self.is_recent(entry.published):
                yield self.article_request(response.urljoin(entry.url), source, entry.published)
