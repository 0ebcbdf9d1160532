"""The Scrapy item pipeline that runs the page chain: in the crawl's worker processes (one pool for every
spider of the crawl), or in the reactor's own thread with `workers = 0`."""

import logging
from typing import ClassVar, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.config import config_from_settings
from crawler.items import PageItem
from pipelines.page_chain import PageOutcome, process_page
from pipelines.page_pool import ChainSetup, PagePool, chain_tools, default_workers
from pipelines.topics import TopicMatcher
from storage.open_registry import OpenRegistry
from storage.registry_entry import RegistryEntry

log = logging.getLogger(__name__)


class ChainPipeline:
    """Page -> extraction, topics, quotes and storage record; pages with no article are dropped, their
    error kind counted for the run record."""

    # The crawl's spiders (one per source kind) share one pool; the last to close stops it.
    _shared: ClassVar[PagePool | None] = None
    _users: ClassVar[int] = 0

    def __init__(self, crawler: Crawler, setup: ChainSetup, workers: int) -> None:
        self.crawler = crawler
        self.setup = setup
        self.workers = workers
        self._inline: tuple[TopicMatcher, list[RegistryEntry], OpenRegistry] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        config = config_from_settings(crawler.settings)
        setup = ChainSetup(config.topics, config.min_topic_matches, config.page_cpu_seconds)
        workers = default_workers() if config.workers is None else config.workers
        pipeline = cls(crawler, setup, workers)
        crawler.signals.connect(pipeline.request_reached_downloader, signal=signals.request_reached_downloader)
        return pipeline

    def open_spider(self) -> None:
        if self.workers:
            if ChainPipeline._shared is None:
                ChainPipeline._shared = PagePool(self.setup, self.workers)
            ChainPipeline._users += 1

    def request_reached_downloader(self, request: Request) -> None:
        """Start the workers with the first article request that is really fetched (one already stored
        never gets here), so that they start while it downloads; a crawl with nothing new starts none."""
        if request.meta.get("article") and ChainPipeline._shared is not None:
            ChainPipeline._shared.start()

    def close_spider(self) -> None:
        if self.workers:
            ChainPipeline._users -= 1
            if ChainPipeline._users == 0 and ChainPipeline._shared is not None:
                ChainPipeline._shared.close()
                ChainPipeline._shared = None

    async def process_item(self, item: PageItem) -> PageOutcome:
        try:
            if self.workers and ChainPipeline._shared is not None:
                outcome = await ChainPipeline._shared.process(item)
            else:
                outcome = self._run_inline(item)
        except Exception as exc:
            # A defect in a step, not a property of the page: the page is recorded, the crawl goes on.
            log.exception("processing %s failed", item.url)
            self._count("processing", item.source)
            raise DropItem(f"{item.url}: processing failed: {exc}") from exc
        if outcome.error_kind is not None:
            self._count(outcome.error_kind, item.source)
            raise DropItem(f"{item.url}: {outcome.error}")
        return outcome

    def _run_inline(self, item: PageItem) -> PageOutcome:
        if self._inline is None:
            self._inline = chain_tools(self.setup)
        return process_page(item, *self._inline)

    def _count(self, kind: str, source: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value(f"tracker/errors/{kind}")
        stats.inc_value(f"tracker/source/{source}/errors")
