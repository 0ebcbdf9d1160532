"""`crawl` (one run now) and `schedule` (the daemon that runs crawls on each source's schedule)."""

import sys

import click

from crawler.config import ConfigError, resolve_db_url
from scheduler.exit_codes import EXIT_LOCKED, EXIT_USAGE
from scheduler.lock import LockHeld
from scheduler.options import config_option, db_option, load_or_exit, parse_date


@click.command()
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


@click.command()
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
