"""`sanctuary-tracker schedule`: the APScheduler daemon. Each crawl runs in its own process, since
Twisted's reactor cannot restart; jobs persist in the tracker's database."""

import logging
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from types import FrameType

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_SCHEDULER_STARTED,
    JobExecutionEvent,
    SchedulerEvent,
)
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler

from crawler.config import Config
from scheduler.jobs import JobSpec, build_jobs

log = logging.getLogger("sanctuary_tracker.daemon")
JOBS_TABLE = "apscheduler_jobs"
# A scheduled crawl waits this long for another crawl (cron's, say) to release the lock.
WAIT_LOCK_SECONDS = 3600

_children: set[subprocess.Popen[bytes]] = set()
_children_lock = threading.Lock()


# The database URL of this daemon: kept in the process, never in the stored job state (it may hold a
# password), and handed to each crawl in its environment, never on its command line (visible in `ps`).
_db_url: str | None = None
# With a frontier, a scheduled crawl only opens a distributed run and queues its first requests; the
# fleet's workers (`sanctuary-tracker worker`) fetch.
_frontier_url: str | None = None


def run_scheduled_crawl(config_path: str | None, sources: list[str]) -> int:
    """The job: one crawl of these sources in a child process; returns its exit code."""
    assert _db_url is not None, "run_daemon sets the database URL before scheduling"
    argv = [sys.executable, "-m", "scheduler", "crawl", "--wait-lock", str(WAIT_LOCK_SECONDS)]
    env = {**os.environ, "TRACKER_DB_URL": _db_url}
    if _frontier_url:
        argv.append("--seed-only")
        env["TRACKER_FRONTIER_URL"] = _frontier_url
    if config_path:
        argv += ["--config", config_path]
    for name in sources:
        argv += ["--source", name]
    child = subprocess.Popen(argv, env=env)
    with _children_lock:
        _children.add(child)
    try:
        code = child.wait()
    finally:
        with _children_lock:
            _children.discard(child)
    log.info("crawl of %s ended with exit code %s", ", ".join(sources), code)
    return code


def make_scheduler(config: Config, db_url: str, jobs: list[JobSpec]) -> BlockingScheduler:
    """A blocking scheduler with the jobs, stored in the tracker's database (schedules survive restarts)."""
    scheduler = BlockingScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=db_url, tablename=JOBS_TABLE)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": config.misfire_grace},
        timezone=UTC,
    )
    for job in jobs:
        scheduler.add_job(
            run_scheduled_crawl,
            trigger=job.trigger(),
            args=[config.path, list(job.sources)],
            id=job.id,
            name=f"crawl {', '.join(job.sources)} ({job.schedule})",
            replace_existing=True,
            next_run_time=datetime.now(UTC),
        )
    return scheduler


def run_daemon(config: Config, db_url: str, max_runs: int | None = None, frontier_url: str | None = None) -> int:
    """Run the scheduler until SIGTERM or SIGINT (or `max_runs` crawls); returns the exit code. With a
    frontier, each scheduled crawl opens a distributed run for the workers instead of fetching."""
    global _db_url, _frontier_url
    _db_url, _frontier_url = db_url, frontier_url
    jobs = build_jobs(config)
    scheduler = make_scheduler(config, db_url, jobs)
    wanted = {j.id for j in jobs}
    finished = 0

    def on_job_end(event: JobExecutionEvent) -> None:
        nonlocal finished
        finished += 1
        if max_runs is not None and finished >= max_runs:
            scheduler.shutdown(wait=False)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.warning("received %s: stopping; crawls in progress finish what they stored", signal.Signals(signum).name)
        with _children_lock:
            for child in _children:
                child.send_signal(signal.SIGTERM)
        scheduler.shutdown(wait=False)

    def on_start(_event: SchedulerEvent) -> None:
        # Jobs stored by an earlier config that no longer has them would otherwise run after a restart.
        for job in scheduler.get_jobs():
            if job.id not in wanted:
                log.info("removing job %s: no longer in the config", job.id)
                job.remove()
        for job in scheduler.get_jobs():
            log.info("scheduled: %s, next run %s", job.name, job.next_run_time)

    scheduler.add_listener(on_job_end, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    scheduler.add_listener(on_start, EVENT_SCHEDULER_STARTED)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    scheduler.start()
    _wait_for_children()
    return 0


def _wait_for_children() -> None:
    """After the scheduler stops, let crawls in progress end (they record themselves as interrupted)."""
    with _children_lock:
        children = list(_children)
    for child in children:
        child.wait()
