"""The Scrapy scheduler of a distributed run: scrapy-redis's, over the run's leased queues and one
seen-request filter for every spider kind."""

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Self

import scrapy
from redis import Redis
from redis.exceptions import RedisError
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler import signals as tracker_signals
from crawler.frontier import codec
from crawler.frontier.connection import connect, safe_url
from crawler.frontier.keys import ACTIVE_RUN, RunKeys
from crawler.frontier.queue import LEASE_META, LeasedQueue

log = logging.getLogger(__name__)

# The error kind of a process that lost Redis mid-run: the crawl stops, and the command exits with its own code.
FRONTIER_LOST = "frontier_lost"
FRONTIER_ERROR_STAT = f"tracker/errors/{FRONTIER_LOST}"


@dataclass(frozen=True, slots=True)
class FrontierRun:
    """What a process needs to take part in a distributed run (handed to Scrapy as TRACKER_FRONTIER)."""

    url: str
    run_id: int
    lease_seconds: int
    # False for a process that only seeds: its spiders queue their first requests and it fetches nothing.
    fetch: bool = True

    @property
    def keys(self) -> RunKeys:
        """The run's Redis keys."""
        return RunKeys(self.run_id)


class FrontierScheduler(Scheduler):  # type: ignore[misc]
    """Requests go to the run's queue in Redis unless the run has seen them; requests come from it under a
    lease, released when the request is done (see crawler/frontier/queue.py)."""

    def __init__(self, server: Redis, run: FrontierRun, crawler: Crawler) -> None:
        super().__init__(
            server,
            persist=True,  # the run outlives any one worker
            dupefilter=RFPDupeFilter(server, key=run.keys.seen),
            serializer=codec,
        )
        self.run = run
        self.crawler = crawler
        self.stats = crawler.stats
        self.lost = False
        self.queue: LeasedQueue

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run = crawler.settings.get("TRACKER_FRONTIER")
        if not isinstance(run, FrontierRun):
            raise TypeError("FrontierScheduler needs the TRACKER_FRONTIER setting (a FrontierRun)")
        return cls(connect(run.url), run, crawler)

    def open(self, spider: scrapy.Spider) -> None:
        self.spider = spider
        self.queue = LeasedQueue(self.server, spider, self.run.keys, self.run.lease_seconds)
        self.crawler.signals.connect(self._handled, signal=tracker_signals.request_handled)

    def close(self, reason: str) -> None:
        """Leave the run's queue to the other workers."""

    def enqueue_request(self, request: scrapy.Request) -> bool:
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                self._handled(request)  # a redirect to a page the run already has: nothing left to do
                return False
            self.queue.push(request)
        except RedisError as exc:
            self._lost(exc)
            return False
        except (TypeError, ValueError) as exc:  # meta JSON cannot hold; a raise here would stall the engine
            log.error("cannot queue %s: %s", request.url, exc)
            if self.stats:
                self.stats.inc_value("tracker/errors/unqueueable")
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> scrapy.Request | None:
        if not self.run.fetch:
            return None
        try:
            request: scrapy.Request | None = self.queue.pop()
        except RedisError as exc:
            self._lost(exc)
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        """Work waiting or leased anywhere, or first requests still to come, in a run still open: the spider
        stays open."""
        if not self.run.fetch or self.lost:
            return False
        try:
            pipe = self.server.pipeline(transaction=False)  # one round trip: the engine asks this often
            pipe.get(ACTIVE_RUN)
            pipe.sismember(self.run.keys.seeded, self.spider.name)
            self.queue.count_into(pipe)
            active, seeded, waiting, leased = pipe.execute()
            if active != str(self.run.run_id).encode():
                return False  # closed by another worker (or lost by Redis)
            return not seeded or int(waiting) + int(leased) > 0
        except RedisError as exc:
            self._lost(exc)
            return False

    def _handled(self, request: scrapy.Request, **_: Any) -> None:
        lease = request.meta.get(LEASE_META)
        if lease:
            try:
                self.queue.release(lease)
            except RedisError as exc:
                self._lost(exc)

    def _lost(self, exc: RedisError) -> None:
        """Redis is gone: stop this worker (its leases go back to the queue for others when they expire)."""
        if self.lost:
            return
        self.lost = True
        log.error("lost the frontier at %s: %s", safe_url(self.run.url), exc)
        if self.stats:
            self.stats.inc_value(FRONTIER_ERROR_STAT)
        asyncio.get_running_loop().call_soon(self._stop)  # not from inside the engine's call into the scheduler

    def _stop(self) -> None:
        engine = self.crawler.engine
        if engine is not None and engine.running and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=FRONTIER_LOST))
