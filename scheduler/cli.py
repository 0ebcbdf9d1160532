"""The `sanctuary-tracker` command: the composition root over crawler, pipelines and storage."""

import sys
from pathlib import Path
from typing import Any

import click

from crawler.config import ConfigError, resolve_db_url
from scheduler.config_cmd import config_group, init_command
from scheduler.exit_codes import EXIT_LOCKED, EXIT_USAGE
from scheduler.filters import filter_options, statement_filter
from scheduler.health_cmd import runs_command, sources_command
from scheduler.lock import LockHeld
from scheduler.officials_cmd import officials
from scheduler.options import config_option, database_url, db_option, load_or_exit, parse_date
from scheduler.output import emit, output_option
from scheduler.quotes_cmd import quotes_command
from scheduler.statement_cmd import statement

# Rows a `statements` table shows unless --limit says otherwise (csv/json/jsonl give every row).
TABLE_ROWS = 50


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def cli() -> None:
    """Track what officials say about sanctuary policy and immigration enforcement."""


@cli.command()
@config_option
@db_option
@click.option("--source", "source_names", multiple=True, help="Crawl only this source (repeatable).")
@click.option("--since", help="Skip feed and sitemap entries dated before this day (YYYY-MM-DD).")
@click.option("--refetch", is_flag=True, help="Fetch pages again even if already stored.")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the crawl log to this file.")
@click.option("-v", "--verbose", is_flag=True, help="Log each request (INFO) instead of warnings only.")
@click.option(
    "--wait-lock",
    type=float,
    default=0,
    metavar="SECONDS",
    help="If another crawl holds the lock, wait up to this long for it instead of exiting 75.",
)
def crawl(
    config_path: str | None,
    db_url: str | None,
    source_names: tuple[str, ...],
    since: str | None,
    refetch: bool,
    log_file: str | None,
    verbose: bool,
    wait_lock: float,
) -> None:
    """Crawl the configured sources into the database.

    Exit codes: 0 done (possibly with recorded errors), 1 the run failed, 2 bad usage or config,
    75 another crawl holds the lock, 130 stopped by SIGTERM/SIGINT (what was stored is whole).
    A live progress line is shown when stderr is a terminal; under cron the command is quiet unless
    something fails.
    """
    from scheduler.crawl import run_crawl  # Scrapy loads only for commands that crawl

    config = load_or_exit(config_path)
    try:
        sources = config.select(source_names)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not sources:
        click.echo("error: the config has no sources", err=True)
        sys.exit(EXIT_USAGE)
    url = resolve_db_url(db_url, config)
    try:
        summary = run_crawl(
            config,
            url,
            sources,
            parse_date(since),
            refetch,
            "INFO" if verbose else "WARNING",
            log_file,
            overrides={"EXTENSIONS": {"crawler.progress.ProgressExtension": 500}}
            if sys.stderr.isatty() and not verbose
            else None,
            wait_lock=wait_lock,
        )
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    c = summary.counts
    click.echo(
        f"run {summary.run_id} {summary.status}: {c.get('pages', 0)} responses, "
        f"{c.get('articles_new', 0)} new articles ({c.get('articles_updated', 0)} updated, "
        f"{c.get('articles_unchanged', 0)} unchanged, {c.get('off_topic', 0)} off topic), "
        f"{c.get('statements_new', 0)} new statements"
    )
    if summary.errors:
        click.echo("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.errors.items())))
    sys.exit(summary.exit_code)


@cli.command()
@click.argument("what", type=click.Choice(["statements", "appearances", "articles", "officials"]))
@click.option("--output", "-o", help="CSV file to write ('-': stdout).")
@config_option
@db_option
@filter_options
@click.option("--bom", is_flag=True, help="Start the file with a UTF-8 byte-order mark (for Excel).")
@click.option("--raw", is_flag=True, help="Cells as stored: no apostrophe before formula-like text.")
@click.option("--describe", is_flag=True, help="Print each column with its type and meaning, and export nothing.")
def export(
    what: str,
    output: str | None,
    config_path: str | None,
    db_url: str | None,
    bom: bool,
    raw: bool,
    describe: bool,
    **options: Any,
) -> None:
    """Export statements, appearances, articles or officials as CSV.

    UTF-8, RFC 4180 quoting, formula-like cells neutralized, streamed in constant memory. A file export
    gets a sidecar FILE.meta.json with the export time, extractor version and filter. Columns are listed
    in the README and stay stable.
    """
    from scheduler.exporting import export_csv
    from storage.export import DICTIONARY

    if describe:
        for name, kind, meaning in DICTIONARY[what]:
            click.echo(f"{name}\t{kind}\t{meaning}")
        return
    if output is None:
        raise click.UsageError("--output is required (a file, or - for stdout)")
    sort = options.pop("sort")
    flt = statement_filter(options)
    url = database_url(db_url, config_path)
    n = export_csv(url, what, output, flt, sort, bom, raw)
    if output != "-":
        click.echo(f"wrote {n} {what} to {output}", err=True)


@cli.command()
@config_option
@db_option
@filter_options
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help=f"At most this many rows; 0 for all (default: {TABLE_ROWS} in a table, all in csv/json/jsonl).",
)
@output_option
def statements(config_path: str | None, db_url: str | None, limit: int | None, fmt: str, **options: Any) -> None:
    """Query statements: who said what, when, and which outlets reported it."""
    from scheduler.database import open_database
    from storage.export import STATEMENT_COLUMNS, statement_rows
    from storage.queries import count_statements

    sort = options.pop("sort")
    flt = statement_filter(options)
    url = database_url(db_url, config_path)
    if limit is None:
        limit = TABLE_ROWS if fmt == "table" else 0
    with open_database(url) as sessions, sessions.begin() as session:
        found = list(statement_rows(session, flt, sort, limit or None))
        total = count_statements(session, flt) if limit and len(found) == limit else len(found)
    if total > len(found):
        click.echo(f"showing {len(found)} of {total}; --limit 0 for all", err=True)
    if fmt == "table":
        columns = ["date", "speaker", "title", "quote", "outlets"]
        table = [(r[5], r[1], r[3], _short(str(r[6]), 90), r[7]) for r in found]
        emit(columns, table, fmt, f"Statements ({len(found)} of {total})")
    else:
        emit(STATEMENT_COLUMNS, found, fmt)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@cli.group()
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


@cli.command()
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


@cli.command()
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


@cli.command()
@config_option
@db_option
@click.option("--max-runs", type=int, help="Stop after this many crawls (default: run until stopped).")
def schedule(config_path: str | None, db_url: str | None, max_runs: int | None) -> None:
    """Run the scheduler daemon: crawl each source on its schedule (config `schedule`, default 1h).

    Each crawl runs in its own process and shares the crawl lock with cron runs. Schedules are kept in
    the database and survive restarts. SIGTERM or SIGINT stops the daemon; a crawl in progress finishes
    what it stored and its run is recorded as interrupted.
    """
    import logging

    from scheduler.daemon import run_daemon

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    config = load_or_exit(config_path)
    if not config.sources:
        click.echo("error: the config has no sources", err=True)
        sys.exit(EXIT_USAGE)
    try:
        sys.exit(run_daemon(config, resolve_db_url(db_url, config), max_runs))
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


cli.add_command(quotes_command)
cli.add_command(officials)
cli.add_command(statement)
cli.add_command(init_command)
cli.add_command(config_group)
cli.add_command(runs_command)
cli.add_command(sources_command)


def main() -> None:
    """Console-script entry point."""
    cli()
