"""The crawl's CPU work in worker processes: the page chain off Scrapy's reactor, on every core, each page
under a CPU-time limit.

A worker runs one page at a time with a CPU-time alarm (ITIMER_PROF): a page past `cpu_seconds` of
extraction, topics and quotes stops at its next Python step and is recorded as `cpu_limit`. A page stuck
where the alarm cannot reach it (inside C code) is caught by a wall-clock limit in the crawl: the pool's
workers are killed and replaced, the page is recorded as `cpu_limit`, and the pages that shared the pool
are run again on the new one.

Each worker has one page waiting for it besides the one it runs, so that it starts the next page as soon
as it is done, not after its result has crossed to the crawl and the crawl, busy with downloads and
storage, has sent another. A page's clock starts when it is sent, so its wall-clock limit covers the page
ahead of it too.
"""

import asyncio
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from crawler.config import TopicRule
from crawler.items import PageItem
from pipelines.page_chain import PageOutcome, process_page, without_body
from pipelines.stages import topic_matcher
from pipelines.topics import TopicMatcher
from storage.open_registry import OpenRegistry
from storage.registry_entry import RegistryEntry

# Wall-clock time a page may take in a worker, as a multiple of its CPU-time limit, plus a margin (a
# worker shares its core with others): past it the worker is presumed stuck in C code.
WALL_FACTOR = 3
WALL_MARGIN = 10.0
# Pages sent to the pool beyond one per worker, per worker.
PREFETCH = 1
PR_SET_PDEATHSIG = 1  # prctl(2)


class PageCpuLimit(BaseException):
    """The page used more CPU time than its limit. A BaseException, like KeyboardInterrupt: libraries that
    catch every Exception around their own steps (trafilatura does) must not swallow it."""


@dataclass(frozen=True, slots=True)
class ChainSetup:
    """What a worker needs to run the chain: the topic rules and the CPU-time limit per page."""

    topics: tuple[TopicRule, ...]
    min_topic_matches: int
    cpu_seconds: float


_worker: dict[str, Any] = {}


def _start_worker(setup: ChainSetup, crawl_pid: int) -> None:
    """Per worker process, once: tied to the crawl's life, the topic matcher and the registries, the CPU
    alarm's handler."""
    _die_with(crawl_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's to handle: it drains, then stops us
    signal.signal(signal.SIGPROF, _over_limit)
    _worker["setup"] = setup
    _worker["tools"] = chain_tools(setup)
    # What was loaded so far lives as long as the worker: out of the collector's sight, it is not walked by
    # every full collection during the crawl, nor by the one at exit (which made closing the pool take
    # 0.4 s after every crawl).
    gc.freeze()


def _die_with(crawl_pid: int) -> None:
    """End this worker when the crawl process ends, however it ends (a SIGKILLed crawl leaves no workers
    behind): Linux's parent-death signal, and a check that the crawl did not end before it was set."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != crawl_pid:
        os._exit(0)


def _over_limit(_signum: int, _frame: Any) -> None:
    raise PageCpuLimit


def chain_tools(setup: ChainSetup) -> tuple[TopicMatcher, list[RegistryEntry], OpenRegistry]:
    """What the chain runs with: the compiled topic rules and the curated and open-data registries."""
    from storage.open_registry import shipped_open_registry
    from storage.registry_file import shipped_registry

    return topic_matcher(setup), shipped_registry(), shipped_open_registry()


def _run_page(item: PageItem) -> PageOutcome:
    """In a worker: the chain over one page, under the CPU-time alarm."""
    setup: ChainSetup = _worker["setup"]
    signal.setitimer(signal.ITIMER_PROF, setup.cpu_seconds)
    try:
        outcome = process_page(item, *_worker["tools"])
    except PageCpuLimit:
        outcome = PageOutcome.failed("cpu_limit", f"over {setup.cpu_seconds:g} s of CPU time")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return without_body(outcome)


class PagePool:
    """A pool of `workers` processes running the page chain (`run`: tests give their own); started by
    `start` or on the first page. `wall_seconds` is the wall-clock limit from sending a page (default:
    from the CPU limit)."""

    def __init__(
        self,
        setup: ChainSetup,
        workers: int,
        run: Callable[[PageItem], PageOutcome] = _run_page,
        wall_seconds: float | None = None,
    ) -> None:
        self.setup = setup
        self.workers = max(1, workers)
        self.run = run
        self.wall_seconds = wall_seconds or (1 + PREFETCH) * setup.cpu_seconds * WALL_FACTOR + WALL_MARGIN
        self._pool: ProcessPoolExecutor | None = None
        self._free: asyncio.Semaphore | None = None

    @property
    def started(self) -> bool:
        """Whether the workers are running."""
        return self._pool is not None

    def start(self) -> None:
        """Start the workers now rather than with the first page (they take a second to start)."""
        if self._pool is None:
            self._running().submit(os.getpid)

    async def process(self, item: PageItem) -> PageOutcome:
        """The chain's outcome for the page, from a worker; the outcome's page is `item` itself."""
        if self._free is None:
            self._free = asyncio.Semaphore(self.workers * (1 + PREFETCH))
        async with self._free:
            outcome = await self._attempt(item, retry=True)
        if outcome.draft is not None:
            outcome.draft.page = item
        return outcome

    async def _attempt(self, item: PageItem, retry: bool) -> PageOutcome:
        pool = self._running()
        future: Future[PageOutcome] = pool.submit(self.run, item)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.wall_seconds)
        except TimeoutError:
            if self._pool is not pool and retry:
                # Its pool was replaced for a page sent before it, on whose worker it may have waited.
                return await self._attempt(item, retry=False)
            self._replace(pool)
            return PageOutcome.failed("cpu_limit", f"no result after {self.wall_seconds:g} s; worker replaced")
        except BrokenProcessPool:
            # A worker died (killed for another page, or out of memory), or the page was waiting in a pool
            # that was: once more on a new pool.
            self._replace(pool)
            if retry:
                return await self._attempt(item, retry=False)
            return PageOutcome.failed("worker_crashed", "the worker processing this page died")

    def _running(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),  # no fork of a process with the reactor's threads
                initializer=_start_worker,
                initargs=(self.setup, os.getpid()),
            )
        return self._pool

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        """Kill the pool's workers (one is stuck or dead) and start afresh on the next page."""
        if self._pool is not pool:
            return  # another page already replaced it
        self._pool = None
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        # Not cancelled: the pages waiting in it fail with BrokenProcessPool, and are sent to the new pool.
        pool.shutdown(wait=False, cancel_futures=False)

    def close(self) -> None:
        """Stop the workers (after the crawl's last page)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
