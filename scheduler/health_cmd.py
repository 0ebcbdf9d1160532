"""`sanctuary-tracker runs` and `sanctuary-tracker sources`: what the crawls did and which sources fail."""

import click
from sqlalchemy import select

from crawler.config import resolve_db_url
from scheduler.database import open_database
from scheduler.options import config_option, database_url, db_option, load_or_exit
from scheduler.output import emit, output_option
from storage.cells import cell_text
from storage.health import source_health
from storage.models import CrawlRun


@click.command("runs")
@config_option
@db_option
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="How many recent runs (0: all)."
)
@output_option
def runs_command(config_path: str | None, db_url: str | None, limit: int, fmt: str) -> None:
    """List recent crawl runs: when, how they ended, what they added, errors by kind."""
    url = database_url(db_url, config_path)
    with open_database(url, write=False) as sessions, sessions.begin() as session:
        rows = [
            (
                r.id,
                cell_text(r.started_at),
                f"{(r.finished_at - r.started_at).total_seconds():.0f}s" if r.finished_at else "",
                r.status,
                ",".join(r.sources),
                r.pages,
                r.articles_new,
                r.articles_updated,
                r.articles_unchanged,
                r.off_topic,
                r.statements_new,
                " ".join(f"{k}={v}" for k, v in sorted(r.error_kinds.items())),
            )
            for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit or None))
        ]
    columns = [
        "run",
        "started",
        "took",
        "status",
        "sources",
        "pages",
        "new",
        "updated",
        "unchanged",
        "off_topic",
        "statements",
        "errors",
    ]
    emit(columns, rows, fmt, "Crawl runs")


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
