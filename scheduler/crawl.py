"""Running one crawl now: lock, run record, every selected source's spider, stats into the record."""

import logging
import os
import signal
import socket
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.config import SOURCE_KINDS, Config, SourceConfig
from crawler.run_urls import RunUrls
from scheduler.database import open_database
from scheduler.exit_codes import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK
from scheduler.lock import crawl_lock
from storage.ingest import sync_sources
from storage.models import CrawlRun, RunCounts, SourceRun

STAT_KEYS = {
    "pages": "response_received_count",
    "articles_new": "tracker/articles_new",
    "articles_updated": "tracker/articles_updated",
    "articles_unchanged": "tracker/articles_unchanged",
    "off_topic": "tracker/off_topic",
    "statements_new": "tracker/statements_new",
}


@dataclass(slots=True)
class RunSummary:
    """How a crawl went, as recorded in crawl_runs."""

    run_id: int
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def take(self, stats: Counter[str], sources: tuple[SourceConfig, ...], interrupted: bool) -> None:
        """Fill in the counts, errors by kind, source shares and status from the crawl's statistics."""
        self.counts = {name: int(stats.get(key, 0)) for name, key in STAT_KEYS.items()}
        self.errors = {
            k.removeprefix("tracker/errors/"): int(v) for k, v in stats.items() if k.startswith("tracker/errors/")
        }
        self.per_source = per_source(stats, sources)
        self.status = run_status(self, interrupted)

    def record(self, row: RunCounts) -> None:
        """Write how it ended into a run's (or a worker's) row."""
        row.finished_at = datetime.now(UTC)
        row.status = self.status
        for name, value in self.counts.items():
            setattr(row, name, value)
        row.errors = sum(self.errors.values())
        row.error_kinds = self.errors

    @property
    def exit_code(self) -> int:
        """EXIT_FAILED when the run failed, EXIT_INTERRUPTED when stopped by a signal, else EXIT_OK."""
        return {"failed": EXIT_FAILED, "interrupted": EXIT_INTERRUPTED}.get(self.status, EXIT_OK)


def scrapy_settings(
    config: Config,
    db_url: str,
    refetch: bool,
    log_level: str,
    log_file: str | None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """The Scrapy settings for a run of the tracker; `overrides` win over everything else."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("TRACKER_CONFIG", config.path)
    settings.set("TRACKER_CONFIG_OBJECT", config)
    settings.set("TRACKER_DB_URL", db_url)
    settings.set("TRACKER_REFETCH", refetch)
    settings.set("LOG_LEVEL", log_level)
    settings.set("DOWNLOAD_TIMEOUT", config.download_timeout)
    settings.set("RETRY_TIMES", config.retry_times)
    settings.set("AUTOTHROTTLE_ENABLED", config.autothrottle)
    settings.set("CONCURRENT_REQUESTS", config.concurrent_requests)
    settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", config.concurrent_requests_per_domain)
    settings.set("DOWNLOAD_DELAY", config.download_delay)
    settings.set("ROBOTSTXT_OBEY", config.obey_robots)
    settings.set("DOWNLOAD_SLOTS", download_slots(config.sources))
    if log_file:
        settings.set("LOG_FILE", log_file)
    if config.contact:
        settings.set("USER_AGENT", f"{settings.get('USER_AGENT')} contact: {config.contact}")
    # The hosts that may resolve to private addresses: those of sources that allow them.
    settings.set(
        "TRACKER_PRIVATE_HOSTS",
        sorted({urlsplit(u).hostname or "" for s in config.sources if s.allow_private for u in s.urls} - {""}),
    )
    # One for every spider of the run: a URL found by several sources is fetched once, stored URLs read once.
    settings.set("TRACKER_RUN_URLS", RunUrls())
    settings.update(overrides or {}, priority="cmdline")
    return settings


def download_slots(sources: tuple[SourceConfig, ...]) -> dict[str, dict[str, float | int]]:
    """Scrapy download slots for the hosts of sources with politeness of their own (a delay, a number of
    requests at once); where two sources share a host, the politer setting wins."""
    slots: dict[str, dict[str, float | int]] = {}
    for source in sources:
        for url in source.urls:
            host = urlsplit(url).hostname
            if not host:
                continue
            slot = slots.setdefault(host, {})
            if source.download_delay is not None:
                slot["delay"] = max(float(slot.get("delay", 0.0)), source.download_delay)
            if source.concurrent_requests_per_domain is not None:
                slot["concurrency"] = min(int(slot.get("concurrency", 10**6)), source.concurrent_requests_per_domain)
    return {host: slot for host, slot in slots.items() if slot}


def run_crawl(
    config: Config,
    db_url: str,
    sources: tuple[SourceConfig, ...],
    since: date | None = None,
    refetch: bool = False,
    log_level: str = "WARNING",
    log_file: str | None = None,
    overrides: dict[str, Any] | None = None,
    wait_lock: float = 0,
) -> RunSummary:
    """Crawl the sources into the database under the crawl lock; raises LockHeld if another crawl runs
    (after waiting up to `wait_lock` seconds for it to end)."""
    with crawl_lock(db_url, wait_lock), open_database(db_url) as sessions:
        with sessions.begin() as session:
            _close_abandoned_runs(session)
            sync_sources(session, [(s.name, s.kind, s.url, s.outlet) for s in config.sources])
            run = CrawlRun(
                sources=[s.name for s in sources], status="running", pid=os.getpid(), host=socket.gethostname()
            )
            session.add(run)
        summary = RunSummary(run.id, "failed")
        try:
            settings = scrapy_settings(config, db_url, refetch, log_level, log_file, overrides)
            stats, interrupted = crawl_spiders(settings, sources, since)
            summary.take(stats, sources, interrupted)
        except Exception:
            logging.getLogger(__name__).exception("crawl failed")
            summary.errors = {"exception": 1}
            raise
        finally:
            with sessions.begin() as session:
                row = session.get(CrawlRun, summary.run_id)
                assert row is not None
                summary.record(row)
                session.add_all(
                    SourceRun(run_id=summary.run_id, source=name, **counts)
                    for name, counts in summary.per_source.items()
                )
    return summary


def _close_abandoned_runs(session: Session) -> None:
    """Runs still marked running were killed (we hold the lock, so none is really running): say so. A
    distributed run is left to its frontier (storage/run_workers.py)."""
    for run in session.scalars(select(CrawlRun).where(CrawlRun.status == "running", CrawlRun.frontier.is_(None))):
        run.status = "killed"
        run.finished_at = run.finished_at or datetime.now(UTC)


SOURCE_STATS = ("found", "pages", "articles_new", "statements_new", "errors", "challenges")


def per_source(stats: Counter[str], sources: tuple[SourceConfig, ...]) -> dict[str, dict[str, int]]:
    """Each source's share of the crawl, from the tracker/source/<name>/... statistics."""
    return {s.name: {k: int(stats.get(f"tracker/source/{s.name}/{k}", 0)) for k in SOURCE_STATS} for s in sources}


def run_status(summary: RunSummary, interrupted: bool) -> str:
    """ok, partial, failed or interrupted: how a run went, from its errors and the pages of its sources."""
    if interrupted:
        return "interrupted"
    if not summary.errors:
        return "ok"
    # Failed: something went wrong and no source delivered a single page.
    return "partial" if any(s["pages"] for s in summary.per_source.values()) else "failed"


# Scrapy loggers that report download failures the run record already counts.
RECORDED_FAILURE_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt")


@dataclass(slots=True)
class _Signals:
    received: int = 0
    previous: dict[int, Any] = field(default_factory=dict)


def _stop_on_signals(process: CrawlerProcess) -> _Signals:
    """Handle SIGINT and SIGTERM for the crawl: the first stops it after the pages in flight (saying so on
    a terminal), the second at once."""
    from twisted.internet import reactor

    seen = _Signals()

    def on_signal(signum: int, _frame: object) -> None:
        seen.received += 1
        if seen.received == 1:
            if sys.stderr.isatty() or signum == signal.SIGINT:
                print("stopping after pages in flight; press Ctrl-C again to stop now", file=sys.stderr, flush=True)
            reactor.callFromThread(process.stop)
        else:
            reactor.callFromThread(_stop_now, reactor)

    for signum in (signal.SIGINT, signal.SIGTERM):
        seen.previous[signum] = signal.signal(signum, on_signal)
    return seen


def _stop_now(reactor: Any) -> None:
    if reactor.running:
        reactor.stop()


def crawl_spiders(
    settings: Settings, sources: tuple[SourceConfig, ...], since: date | None
) -> tuple[Counter[str], bool]:
    """Run the spiders to the end; (summed stats, whether a signal cut the crawl short).

    On SIGINT or SIGTERM the crawl stops after the pages in flight and every item pipeline closes, so what
    was stored stays whole; a second signal stops it at once (each article is one transaction, so a store
    cut short leaves nothing half written). Either way the run counts as interrupted."""
    process = CrawlerProcess(settings)
    # trafilatura warns about every page it discards; those are counted as parse errors instead.
    logging.getLogger("trafilatura").setLevel(logging.DEBUG if settings.get("LOG_LEVEL") == "DEBUG" else logging.ERROR)
    if not settings.get("LOG_FILE") and settings.get("LOG_LEVEL") not in ("INFO", "DEBUG"):
        # A dead host, a refused connection or a robots.txt that cannot be fetched is a recorded failure of
        # its source (the run record counts it by kind); on stderr, retried 3 times with a traceback each,
        # it buried the one-line summary cron mails. A log file or --verbose still gets every line.
        for name in RECORDED_FAILURE_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    crawlers = []
    for kind in SOURCE_KINDS:  # each kind's spider is the one of that name in crawler/spiders/
        names = [s.name for s in sources if s.kind == kind]
        if names:
            crawler = process.create_crawler(process.spider_loader.load(kind))
            crawlers.append(crawler)
            process.crawl(crawler, source=",".join(names), since=since.isoformat() if since else None)
    signals = _stop_on_signals(process)
    try:
        process.start(install_signal_handlers=False)
    finally:
        for signum, previous in signals.previous.items():
            signal.signal(signum, previous)
    total: Counter[str] = Counter()
    interrupted = signals.received > 0
    for crawler in crawlers:
        assert crawler.stats is not None
        stats = crawler.stats.get_stats()
        interrupted = interrupted or stats.get("finish_reason") == "shutdown"
        for key, value in stats.items():
            if isinstance(value, int) and (key.startswith("tracker/") or key == "response_received_count"):
                total[key] += value
        total["tracker/errors/robots"] += int(stats.get("robotstxt/forbidden", 0))
    if not total["tracker/errors/robots"]:
        del total["tracker/errors/robots"]
    return total, interrupted
