"""GDELT DOC 2.0 discovery: article URLs on the topic from anywhere, then the articles themselves."""

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.config import SourceConfig
from crawler.discovery import DiscoveryError, parse_gdelt
from crawler.spiders.base import TrackerSpider

# GDELT asks for at most one request every five seconds.
GDELT_SLOT = "gdelt-api"


class GdeltSpider(TrackerSpider):
    """Asks the GDELT DOC API (ArtList, JSON) for each configured query and crawls what it lists."""

    name = "gdelt"
    kind = "gdelt"
    custom_settings = {"DOWNLOAD_SLOTS": {GDELT_SLOT: {"concurrency": 1, "delay": 5.0}}}

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        for url in source.urls:
            yield scrapy.Request(
                url,
                callback=self.parse_results,
                errback=self.on_error,
                meta=self.meta_for(source, download_slot=GDELT_SLOT),
                dont_filter=True,
            )

    def parse_results(self, response: Response) -> Iterator[Any]:
        """Request every article GDELT lists; an error answer is recorded, an empty one is no news."""
        source = self.source_of(response)
        try:
            found = parse_gdelt(response.body)
        except DiscoveryError as exc:
            kind = "rate_limited" if "limit requests" in str(exc).lower() else "gdelt_error"
            self.count_error(kind, source.name)
            self.logger.warning("GDELT answered %s for %s: %s", kind, source.name, exc)
            return
        for item in found:
            if self.is_recent(item.published):
                yield from self.article_requests(item.url, source, item.published)
