"""The reference for crawl_throughput.py: a bare Scrapy crawl of a sitemap that extracts each page with
trafilatura and stores nothing, with the network settings the tracker is given.

    python benchmarks/reference_crawl.py SITEMAP_URL
"""

import sys
from collections.abc import Iterator
from typing import Any

import trafilatura
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "ROBOTSTXT_OBEY": False,
    "LOG_LEVEL": "WARNING",
    "TELNETCONSOLE_ENABLED": False,
}


class ReferenceSpider(SitemapSpider):
    """Every page of the sitemap, extracted and dropped."""

    name = "reference"

    def __init__(self, sitemap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, int]]:
        text = trafilatura.extract(response.text, url=response.url) or ""
        yield {"chars": len(text)}


def main() -> None:
    """Crawl the sitemap given on the command line."""
    process = CrawlerProcess(SETTINGS)
    process.crawl(ReferenceSpider, sitemap=sys.argv[1])
    process.start()


if __name__ == "__main__":
    main()
