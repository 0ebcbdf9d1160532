"""`sanctuary-tracker runs` and `sanctuary-tracker sources`: what the crawls did and which sources fail."""

import sys

import click
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.config import resolve_db_url
from scheduler.database import open_database
from scheduler.exit_codes import EXIT_USAGE
from scheduler.options import config_option, database_url, db_option, load_or_exit
from scheduler.output import emit, output_option
from storage.cells import cell_text
from storage.health import source_health
from storage.models import CrawlRun, CrawlWorker, RunCounts


@click.command("runs")
@config_option
@db_option
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="How many recent runs (0: all)."
)
@click.option(
    "--workers",
    "workers_of",
    type=click.IntRange(min=1),
    metavar="RUN",
    help="List the processes of one distributed run instead: host, pid, role, how each ended, what it did.",
)
@output_option
def runs_command(config_path: str | None, db_url: str | None, limit: int, workers_of: int | None, fmt: str) -> None:
    """List recent crawl runs: when, how they ended, what they added, errors by kind."""
    url = database_url(db_url, config_path)
    with open_database(url, write=False) as sessions, sessions.begin() as session:
        if workers_of is not None:
            emit(WORKER_COLUMNS, _worker_rows(session, workers_of), fmt, f"Processes of run {workers_of}")
            return
        workers = dict(
            session.execute(select(CrawlWorker.run_id, func.count()).group_by(CrawlWorker.run_id)).tuples().all()
        )
        rows = [
            (
                r.id,
                cell_text(r.started_at),
                _took(r),
                r.status,
                ",".join(r.sources),
                workers.get(r.id, 1),
                *(getattr(r, name) for name in COUNT_COLUMNS),
                _error_kinds(r),
            )
            for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit or None))
        ]
    emit(["run", "started", "took", "status", "sources", "workers", *COUNT_NAMES, "errors"], rows, fmt, "Crawl runs")


# The counts a run and each of its processes report: column name, attribute.
COUNTS = (
    ("pages", "pages"),
    ("new", "articles_new"),
    ("updated", "articles_updated"),
    ("unchanged", "articles_unchanged"),
    ("off_topic", "off_topic"),
    ("statements", "statements_new"),
)
COUNT_NAMES = [name for name, _ in COUNTS]
COUNT_COLUMNS = [attribute for _, attribute in COUNTS]
WORKER_COLUMNS = ["worker", "host", "pid", "role", "started", "took", "status", *COUNT_NAMES, "cpu_s", "errors"]


def _took(row: RunCounts) -> str:
    return f"{(row.finished_at - row.started_at).total_seconds():.0f}s" if row.finished_at else ""


def _error_kinds(row: RunCounts) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(row.error_kinds.items()))


def _worker_rows(session: Session, run_id: int) -> list[tuple[object, ...]]:
    """The processes of a distributed run, first started first."""
    if session.get(CrawlRun, run_id) is None:
        click.echo(f"error: no run {run_id} (sanctuary-tracker runs lists them)", err=True)
        sys.exit(EXIT_USAGE)
    query = select(CrawlWorker).where(CrawlWorker.run_id == run_id).order_by(CrawlWorker.id)
    return [
        (
            w.id,
            w.host,
            w.pid,
            w.role,
            cell_text(w.started_at),
            _took(w),
            w.status,
            *(getattr(w, name) for name in COUNT_COLUMNS),
            f"{w.cpu_seconds:.1f}",
            _error_kinds(w),
        )
        for w in session.scalars(query)
    ]


@click.command("sources")
@config_option
@db_option
@output_option
def sources_command(config_path: str | None, db_url: str | None, fmt: str) -> None:
    """Show each configured source's health: last success, items last time, empty runs, error rate."""
    config = load_or_exit(config_path)
    url = resolve_db_url(db_url, config)
    with open_database(url, write=False) as sessions, sessions.begin() as session:
        health = source_health(session, [s.name for s in config.sources])
    rows = [
        (
            h.source,
            h.status,
            cell_text(h.last_success) if h.last_success else "never",
            h.items_last_run,
            h.consecutive_empty,
            f"{h.error_rate:.0%}",
            h.runs,
            h.reason,
        )
        for h in health
    ]
    emit(
        ["source", "status", "last_success", "items_last_run", "empty_runs", "error_rate", "runs", "why"],
        rows,
        fmt,
        "Source health",
    )
