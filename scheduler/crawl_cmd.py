"""`crawl` (one run now) and `schedule` (the daemon that runs crawls on each source's schedule)."""

import sys
from typing import TYPE_CHECKING, Any

import click

from crawler.config import Config, ConfigError, resolve_db_url
from crawler.progress import progress_settings
from scheduler.exit_codes import EXIT_FRONTIER_UNREACHABLE, EXIT_LOCKED, EXIT_OK, EXIT_USAGE
from scheduler.lock import LockHeld
from scheduler.options import config_option, db_option, frontier_or_exit, load_or_exit, parse_date

if TYPE_CHECKING:
    from scheduler.crawl import RunSummary


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
    help="If another crawl holds the lock (or, with --seed-only, a distributed run is still open), wait up to "
    "this long for it instead of exiting 75.",
)
@click.option(
    "--frontier",
    "frontier_url",
    metavar="redis://HOST:PORT/DB",
    help="Take part in a distributed run whose requests are shared through this Redis (default: "
    "TRACKER_FRONTIER_URL, else [frontier] url in the config; none: crawl alone).",
)
@click.option(
    "--seed-only",
    is_flag=True,
    help="With a frontier: open a run and queue its first requests for the workers; fetch nothing.",
)
@click.option("--join", is_flag=True, help="With a frontier: fetch for the open run only; never open one.")
def crawl(
    config_path: str | None,
    db_url: str | None,
    source_names: tuple[str, ...],
    since: str | None,
    refetch: bool,
    log_file: str | None,
    verbose: bool,
    wait_lock: float,
    frontier_url: str | None,
    seed_only: bool,
    join: bool,
) -> None:
    """Crawl the configured sources into the database.

    With a frontier (Redis), any number of processes on any number of machines share one run: the first
    opens it and queues its first requests, the others join it, and each fetches until nothing is left.

    Exit codes: 0 done (possibly with recorded errors), 1 the run failed, 2 bad usage or config,
    68 the database server cannot be reached, 69 the frontier cannot be reached (or was lost mid-run),
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
    frontier = frontier_or_exit(frontier_url, config)
    if (seed_only or join) and not frontier:
        click.echo("error: --seed-only and --join need a frontier (--frontier or TRACKER_FRONTIER_URL)", err=True)
        sys.exit(EXIT_USAGE)
    if seed_only and join:
        click.echo("error: --seed-only and --join exclude each other", err=True)
        sys.exit(EXIT_USAGE)
    progress = progress_settings() if sys.stderr.isatty() and not verbose else None
    if frontier:
        summary = _frontier_crawl(
            config,
            url,
            frontier,
            sources,
            "seed" if seed_only else "join" if join else "auto",
            parse_date(since),
            refetch,
            "INFO" if verbose else "WARNING",
            log_file,
            progress,
            wait_lock,
        )
        sys.exit(summary.exit_code)
    try:
        summary = run_crawl(
            config,
            url,
            sources,
            parse_date(since),
            refetch,
            "INFO" if verbose else "WARNING",
            log_file,
            overrides=progress,
            wait_lock=wait_lock,
        )
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    _print_summary(summary)
    sys.exit(summary.exit_code)


def _frontier_crawl(config: Config, db_url: str, frontier: str, *args: Any) -> "RunSummary":
    """A crawl that takes part in a distributed run, its failures as one line and an exit code."""
    from crawler.frontier.connection import FrontierUnavailable
    from crawler.frontier.scheduler import FRONTIER_LOST
    from scheduler.frontier_crawl import NoOpenRun, run_frontier_crawl

    try:
        summary = run_frontier_crawl(config, db_url, frontier, *args)
    except FrontierUnavailable as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FRONTIER_UNREACHABLE)
    except NoOpenRun as exc:
        click.echo(f"{exc}: nothing to do")
        sys.exit(EXIT_OK)
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    _print_summary(summary)
    if summary.errors.get(FRONTIER_LOST):
        click.echo(f"error: lost the frontier mid-run; this worker stopped (run {summary.run_id} goes on)", err=True)
        sys.exit(EXIT_FRONTIER_UNREACHABLE)
    return summary


def _print_summary(summary: "RunSummary") -> None:
    c = summary.counts
    click.echo(
        f"run {summary.run_id} {summary.status}: {c.get('pages', 0)} responses, "
        f"{c.get('articles_new', 0)} new articles ({c.get('articles_updated', 0)} updated, "
        f"{c.get('articles_unchanged', 0)} unchanged, {c.get('off_topic', 0)} off topic), "
        f"{c.get('statements_new', 0)} new statements"
    )
    if summary.errors:
        click.echo("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.errors.items())))


@click.command()
@config_option
@db_option
@click.option("--max-runs", type=int, help="Stop after this many crawls (default: run until stopped).")
@click.option(
    "--frontier",
    "frontier_url",
    metavar="redis://HOST:PORT/DB",
    help="Open each scheduled crawl as a distributed run on this Redis for `sanctuary-tracker worker` "
    "processes to fetch (default: TRACKER_FRONTIER_URL, else [frontier] url in the config).",
)
def schedule(config_path: str | None, db_url: str | None, max_runs: int | None, frontier_url: str | None) -> None:
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
    frontier = frontier_or_exit(frontier_url, config)
    try:
        sys.exit(run_daemon(config, resolve_db_url(db_url, config), max_runs, frontier))
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
