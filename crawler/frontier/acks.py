"""Releasing a request's lease once everything its response led to is done."""

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler import signals as tracker_signals
from crawler.frontier.queue import LEASE_META


class LeaseReleaseMiddleware:
    """Spider middleware of a distributed run. A response's request is done when its callback's output is
    all handled: new requests queued (that happens as they are yielded) and items through the pipelines
    (item_scraped, item_dropped or item_error). Then request_handled releases the lease; a worker killed
    before that leaves the lease to run out and the request to be fetched again."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        # lease -> [items still in the pipelines, whether the callback's output has ended]
        self.pending: dict[str, list[int]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(middleware.item_done, signal=signal)
        return middleware

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Spider | None = None
    ) -> Iterator[Any]:
        lease = self._start(response)
        try:
            for output in result:
                self._count(lease, output)
                yield output
        finally:
            self._end(lease, response)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        lease = self._start(response)
        try:
            async for output in result:
                self._count(lease, output)
                yield output
        finally:
            self._end(lease, response)

    def item_done(self, item: Any, response: Response | None = None, **_: Any) -> None:
        """An item left the pipelines (stored, dropped or failed)."""
        lease = _lease(response)
        if lease in self.pending:
            self.pending[lease][0] -= 1
            self._maybe_done(lease, response)

    def _start(self, response: Response) -> str | None:
        lease = _lease(response)
        if lease:
            self.pending.setdefault(lease, [0, 0])
        return lease

    def _count(self, lease: str | None, output: Any) -> None:
        if lease and not isinstance(output, Request):
            self.pending[lease][0] += 1

    def _end(self, lease: str | None, response: Response) -> None:
        if lease in self.pending:
            self.pending[lease][1] = 1
            self._maybe_done(lease, response)

    def _maybe_done(self, lease: str, response: Response | None) -> None:
        items, ended = self.pending[lease]
        if ended and items <= 0 and response is not None and response.request is not None:
            del self.pending[lease]
            self.crawler.signals.send_catch_log(signal=tracker_signals.request_handled, request=response.request)


def _lease(response: Response | None) -> str | None:
    request = getattr(response, "request", None)
    return request.meta.get(LEASE_META) if request is not None else None
