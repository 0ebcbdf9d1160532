"""Taking part in a distributed run: open it (and queue its first requests) or join the one open, fetch
from the shared frontier until nothing is left, and record this process's part in `crawl_workers`.

Every process keeps its own Scrapy engine, page workers and database connection; Redis holds the run's
queues, leases and seen-request filter (crawler/frontier/), PostgreSQL the one store. Statements are
never stored twice across processes: storing a statement takes the identity lock (storage/concurrency.py).
"""

import logging
import os
import resource
import socket
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.orm import Session, sessionmaker

from crawler.config import Config, ConfigError, SourceConfig
from crawler.frontier import runs
from crawler.frontier.connection import connect, safe_url
from crawler.frontier.scheduler import FRONTIER_LOST, FrontierRun
from crawler.frontier.seeding import Seeding
from scheduler.crawl import RunSummary, crawl_spiders, run_status, scrapy_settings
from scheduler.database import open_database
from scheduler.lock import LOCK_POLL_SECONDS, LockHeld
from storage.ingest import sync_sources
from storage.models import CrawlRun, CrawlWorker
from storage.run_workers import add_up_workers, mark_stale_distributed_runs

log = logging.getLogger(__name__)

# auto: join the open run, else open one; seed: open a run and queue its first requests, fetch nothing;
# join: fetch for the open run only.
Mode = Literal["auto", "seed", "join"]


class NoOpenRun(RuntimeError):
    """A worker was told to join, and no run is open on the frontier."""


@dataclass(frozen=True, slots=True)
class Part:
    """This process's part in a run."""

    run_id: int
    sources: tuple[SourceConfig, ...]
    role: str


def run_frontier_crawl(
    config: Config,
    db_url: str,
    frontier_url: str,
    sources: tuple[SourceConfig, ...],
    mode: Mode = "auto",
    since: date | None = None,
    refetch: bool = False,
    log_level: str = "WARNING",
    log_file: str | None = None,
    overrides: dict[str, Any] | None = None,
    wait: float = 0,
) -> RunSummary:
    """Take part in the frontier's run (see Mode) and return this process's summary (with the run's id).
    Raises FrontierUnavailable when Redis cannot be reached, LockHeld
    when a seeder finds a run still open after `wait` seconds, NoOpenRun when there is nothing to join."""
    server = connect(frontier_url)
    with open_database(db_url) as sessions:
        with sessions.begin() as session:
            sync_sources(session, [(s.name, s.kind, s.url, s.outlet) for s in config.sources])
        part = _take_part(server, sessions, config, sources, frontier_url, mode, wait)
        with sessions.begin() as session:
            worker = CrawlWorker(run_id=part.run_id, host=socket.gethostname(), pid=os.getpid(), role=part.role)
            session.add(worker)
        summary = RunSummary(part.run_id, "failed")
        started, cpu = time.monotonic(), _cpu_seconds()
        interrupted = False
        try:
            frontier = FrontierRun(frontier_url, part.run_id, config.lease_seconds, fetch=mode != "seed")
            extra = {**frontier_settings(frontier), **(overrides or {})}
            settings = scrapy_settings(config, db_url, refetch, log_level, log_file, extra)
            stats, interrupted = crawl_spiders(settings, part.sources, since)
            summary.take(stats, part.sources, interrupted)
        except Exception:
            log.exception("crawl failed")
            summary.errors = {"exception": 1}
            raise
        finally:
            elapsed = (time.monotonic() - started, _cpu_seconds() - cpu)
            _finish(server, sessions, worker.id, summary, interrupted, *elapsed)
    return summary


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the page workers, joined when the crawl ends)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def frontier_settings(frontier: FrontierRun) -> dict[str, Any]:
    """The Scrapy settings that make a crawl take part in a distributed run."""
    return {
        "SCHEDULER": "crawler.frontier.scheduler.FrontierScheduler",
        "TRACKER_FRONTIER": frontier,
        "TRACKER_SEEDING": Seeding(frontier.url, frontier.run_id, frontier.lease_seconds),
        # Last before the engine, so it counts the items that really reach the pipelines.
        "SPIDER_MIDDLEWARES": {"crawler.frontier.acks.LeaseReleaseMiddleware": 1},
    }


def _take_part(
    server: Redis,
    sessions: sessionmaker[Session],
    config: Config,
    sources: tuple[SourceConfig, ...],
    frontier_url: str,
    mode: Mode,
    wait: float,
) -> Part:
    deadline = time.monotonic() + wait
    holder = f"{socket.gethostname()}:{os.getpid()}"
    while True:
        active = runs.active_run(server)
        if active is not None and mode != "seed":
            return Part(active, _joined_sources(server, config, active), "fetch")
        if active is not None:
            if time.monotonic() >= deadline:
                raise LockHeld(f"distributed run {active} is still open on {safe_url(frontier_url)}")
        elif mode == "join":
            raise NoOpenRun(f"no distributed run is open on {safe_url(frontier_url)}")
        elif runs.lock_opening(server, holder):
            try:
                if runs.active_run(server) is None:
                    run_id = _open_run(server, sessions, sources, frontier_url)
                    return Part(run_id, sources, "seed" if mode == "seed" else "seed+fetch")
            finally:
                runs.unlock_opening(server, holder)
        time.sleep(LOCK_POLL_SECONDS if active is not None else 0.1)


def _open_run(server: Redis, sessions: sessionmaker[Session], sources: tuple[SourceConfig, ...], url: str) -> int:
    with sessions.begin() as session:
        run = CrawlRun(
            sources=[s.name for s in sources],
            status="running",
            pid=os.getpid(),
            host=socket.gethostname(),
            frontier=safe_url(url),
        )
        session.add(run)
        session.flush()
        mark_stale_distributed_runs(session, keep=run.id)
    kinds = sorted({s.kind for s in sources})
    runs.open_run(server, run.id, [s.name for s in sources], kinds)
    log.info("opened distributed run %s on %s: %s", run.id, safe_url(url), ", ".join(s.name for s in sources))
    return run.id


def _joined_sources(server: Redis, config: Config, run_id: int) -> tuple[SourceConfig, ...]:
    names = runs.run_sources(server, run_id)
    if not names:  # closed (its keys gone) between the two looks
        raise NoOpenRun(f"run {run_id} closed as this process joined it")
    try:
        return config.select(names)
    except ConfigError as exc:
        raise ConfigError(f"run {run_id} crawls sources this worker's config does not have: {exc}") from exc


def _finish(
    server: Redis,
    sessions: sessionmaker[Session],
    worker_id: int,
    summary: RunSummary,
    interrupted: bool,
    seconds: float,
    cpu_seconds: float,
) -> None:
    """Record the worker's part; close the run if nothing is left; add the run up from all its workers."""
    lost = bool(summary.errors.get(FRONTIER_LOST))
    ended, errors = False, dict(summary.errors)
    if not interrupted and not lost and "exception" not in summary.errors:
        try:
            abandoned = runs.close_if_drained(server, summary.run_id)
            ended = abandoned is not None or runs.active_run(server) != summary.run_id
            if abandoned:
                errors["abandoned"] = abandoned  # requests whose lease ran out too often: pages that kill workers
            elif ended and abandoned is None and not runs.was_closed(server, summary.run_id):
                # Redis forgot the run (restarted without its data): what was stored is whole, the rest was
                # never fetched. The next run fetches it (stored pages are skipped).
                errors["frontier_reset"] = 1
        except RedisError as exc:
            log.error("lost the frontier while closing run %s: %s", summary.run_id, exc)
            errors[FRONTIER_LOST] = 1
    summary.errors = errors
    with sessions.begin() as session:
        worker = session.get(CrawlWorker, worker_id)
        assert worker is not None
        summary.record(worker)
        worker.per_source = summary.per_source
        worker.seconds, worker.cpu_seconds = round(seconds, 3), round(cpu_seconds, 3)
        run, sources = add_up_workers(session, summary.run_id)
        if ended:
            run.status = run_status(RunSummary(run.id, "", errors=run.error_kinds, per_source=sources), False)
            run.finished_at = datetime.now(UTC)
