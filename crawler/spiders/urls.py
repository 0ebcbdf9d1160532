"""A fixed list of article URLs."""

from collections.abc import Iterator

import scrapy

from crawler.config import SourceConfig
from crawler.spiders.base import TrackerSpider


class UrlListSpider(TrackerSpider):
    """Crawls the URLs listed in `urls` sources."""

    name = "urls"
    kind = "urls"

    def source_requests(self, source: SourceConfig) -> Iterator[scrapy.Request]:
        for url in source.urls:
            yield from self.article_requests(url, source, None)
