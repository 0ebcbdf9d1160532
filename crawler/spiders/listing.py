"""Official newsrooms without a feed: listing pages read with configured selectors, page by page."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import SourceConfig
from crawler.discovery import parse_listing
from crawler.spiders.base import TrackerSpider


class ListingSpider(TrackerSpider):
    """Follows a newsroom's listing pages (up to max_pages) and crawls the releases they link to."""

    name = "listing"
    kind = "listing"

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        assert source.url
        yield self._page_request(source.url, source, 1)

    def _page_request(self, url: str, source: SourceConfig, page: int) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error, meta=self.meta_for(source, listing_page=page)
        )

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """Request the releases on this page, then the next page while under max_pages."""
        source = self.source_of(response)
        assert source.selectors is not None
        found, next_url = parse_listing(response.text, response.url, source.selectors)
        if not found:
            self.count_error("empty_listing", source.name)
        stale = 0
        for item in found:
            if self.is_recent(item.published):
                yield from self.article_requests(item.url, source, item.published)
            else:
                stale += 1
        page = response.meta["listing_page"]
        # Newsrooms list newest first: a page of releases all older than --since ends the walk.
        if next_url and page < source.max_pages and not (found and stale == len(found)):
            yield self._page_request(next_url, source, page + 1)
