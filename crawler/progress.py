"""A live progress line for crawls run from a terminal; cron runs (no terminal) stay quiet."""

from typing import Any, Self

from rich.console import Console
from rich.status import Status
from scrapy import signals
from scrapy.crawler import Crawler

from crawler.settings import EXTENSIONS


class ProgressExtension:
    """Shows responses, stored articles and dropped pages as the crawl goes; the CLI enables it in
    EXTENSIONS when stderr is a terminal."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.status: Status | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        for signal in (signals.response_received, signals.item_scraped, signals.item_dropped):
            crawler.signals.connect(ext.update, signal=signal)
        return ext

    def opened(self, spider: Any) -> None:
        self.status = Console(stderr=True).status(f"{spider.name}: starting")
        self.status.start()

    def update(self, *args: Any, **kwargs: Any) -> None:
        if self.status is None or self.crawler.stats is None:
            return
        stats = self.crawler.stats
        spider = self.crawler.spider
        self.status.update(
            f"{spider.name if spider else ''}: {stats.get_value('response_received_count', 0)} responses, "
            f"{stats.get_value('tracker/articles_new', 0)} new articles, "
            f"{stats.get_value('tracker/statements_new', 0)} new statements, "
            f"{stats.get_value('item_dropped_count', 0)} pages dropped"
        )

    def closed(self, spider: Any) -> None:
        if self.status is not None:
            self.status.stop()


def progress_settings() -> dict[str, Any]:
    """The settings that add the progress line to a crawl, keeping the extensions the tracker turns off."""
    return {"EXTENSIONS": {**EXTENSIONS, f"{__name__}.ProgressExtension": 500}}
