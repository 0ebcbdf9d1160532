"""`db` (schema revision and migration), `reprocess` (re-run the pipeline over stored pages) and `demo`."""

import sys
from pathlib import Path

import click

from crawler.config import resolve_db_url
from scheduler.exit_codes import EXIT_USAGE
from scheduler.options import config_option, database_url, db_option, load_or_exit, parse_date


@click.group()
def db() -> None:
    """Database schema: show the migration revision, or migrate to the latest."""


@db.command("upgrade")
@config_option
@db_option
def db_upgrade(config_path: str | None, db_url: str | None) -> None:
    """Migrate the database schema to this version's (back up first)."""
    from sqlalchemy import create_engine

    from storage.migrate import current_revision, head_revision, known_revisions, upgrade

    url = database_url(db_url, config_path)
    engine = create_engine(url)
    try:
        before = current_revision(engine)
        if before is not None and before not in known_revisions():
            click.echo(
                f"error: the schema is at {before}, made by a newer version of the tracker than this one "
                f"(which knows up to {head_revision()}); upgrade sanctuary-tracker instead",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        upgrade(engine)
        click.echo(f"schema: {before or 'empty'} -> {head_revision()}")
    finally:
        engine.dispose()


@db.command("current")
@config_option
@db_option
def db_current(config_path: str | None, db_url: str | None) -> None:
    """Show the schema revision of the database and the one this version needs."""
    from sqlalchemy import create_engine

    from storage.migrate import current_revision, head_revision

    engine = create_engine(database_url(db_url, config_path))
    try:
        click.echo(f"database: {current_revision(engine) or 'empty'}; this version: {head_revision()}")
    finally:
        engine.dispose()


@click.command()
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-output"),
    show_default=True,
    help="Where the demo database and CSV go (replaced on each run).",
)
def demo(output_dir: Path) -> None:
    """Crawl a bundled demo site served on 127.0.0.1 (no network) and show what the tracker finds."""
    from scheduler.demo import run_demo

    sys.exit(run_demo(output_dir))


@click.command()
@config_option
@db_option
@click.option("--since", help="Only pages fetched on or after this day (YYYY-MM-DD).")
def reprocess(config_path: str | None, db_url: str | None, since: str | None) -> None:
    """Re-run extraction, topics, quotes and storage over stored pages (no network).

    Run it after upgrading: a better extractor or quote engine improves the existing database without
    duplicates. Running it twice changes nothing the second time.
    """
    from scheduler.reprocess import reprocess as run_reprocess

    config = load_or_exit(config_path)
    url = resolve_db_url(db_url, config)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r{done}/{total} pages", nl=done == total, err=True)

    counts = run_reprocess(url, config, parse_date(since), progress)
    click.echo(
        f"{sum(counts.values())} pages: {counts['articles_new']} new articles, "
        f"{counts['articles_updated']} updated, {counts['articles_unchanged']} unchanged, "
        f"{counts['off_topic']} off topic, {counts['failed']} failed extraction; "
        f"{counts['statements_joined']} statements joined by re-linking"
    )
