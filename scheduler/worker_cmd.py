"""`sanctuary-tracker worker`: a long-lived process that fetches for every distributed run opened on the
frontier, one crawl process per run (Twisted's reactor cannot restart), for a fleet under systemd or
Kubernetes."""

import os
import signal
import subprocess
import sys
import threading
from types import FrameType

import click

from crawler.config import resolve_db_url
from scheduler.exit_codes import (
    EXIT_DATABASE_UNREACHABLE,
    EXIT_FRONTIER_UNREACHABLE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from scheduler.options import config_option, db_option, frontier_or_exit, load_or_exit

# Exit codes of a crawl that say the worker itself cannot go on: its service manager restarts it.
FATAL = (EXIT_USAGE, EXIT_DATABASE_UNREACHABLE, EXIT_FRONTIER_UNREACHABLE)


@click.command()
@config_option
@db_option
@click.option(
    "--frontier",
    "frontier_url",
    metavar="redis://HOST:PORT/DB",
    help="The Redis of the distributed runs (default: TRACKER_FRONTIER_URL, else [frontier] url in the config).",
)
@click.option(
    "--poll", type=click.FloatRange(0.1, 60), default=2.0, show_default=True, help="Seconds between looks for a run."
)
@click.option("--max-runs", type=click.IntRange(1), help="Stop after taking part in this many runs (default: never).")
@click.option("-v", "--verbose", is_flag=True, help="Log each request (INFO) instead of warnings only.")
def worker(
    config_path: str | None,
    db_url: str | None,
    frontier_url: str | None,
    poll: float,
    max_runs: int | None,
    verbose: bool,
) -> None:
    """Wait for distributed runs on the frontier and fetch for each until nothing of it is left.

    Runs are opened by `crawl --frontier` (or `crawl --seed-only`, or the `schedule` daemon with a
    frontier); every worker started with the same frontier, database and config takes its share. SIGTERM or
    SIGINT stops the worker after the pages in flight (its unfinished requests go back to the queue).
    Exit codes: 0 done (--max-runs reached), 2 bad usage or config, 68 the database cannot be reached, 69
    the frontier cannot be reached, 130 stopped by SIGTERM/SIGINT.
    """
    from redis.exceptions import RedisError

    from crawler.frontier import runs
    from crawler.frontier.connection import FrontierUnavailable, connect, safe_url

    config = load_or_exit(config_path)
    frontier = frontier_or_exit(frontier_url, config)
    if not frontier:
        click.echo("error: a worker needs a frontier (--frontier, TRACKER_FRONTIER_URL or [frontier] url)", err=True)
        sys.exit(EXIT_USAGE)
    try:
        server = connect(frontier)
    except FrontierUnavailable as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FRONTIER_UNREACHABLE)
    stop = threading.Event()
    child: list[subprocess.Popen[bytes]] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()
        for process in child:
            process.send_signal(signal.SIGTERM)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)
    click.echo(f"worker {os.getpid()} waiting for runs on {safe_url(frontier)}", err=True)
    env = {**os.environ, "TRACKER_DB_URL": resolve_db_url(db_url, config), "TRACKER_FRONTIER_URL": frontier}
    argv = [sys.executable, "-m", "scheduler", "crawl", "--join", *(["--config", config_path] if config_path else [])]
    done, last = 0, None
    while not stop.is_set():
        try:
            run_id = runs.active_run(server)
        except (RedisError, OSError) as exc:
            click.echo(f"error: lost the frontier at {safe_url(frontier)}: {exc}", err=True)
            sys.exit(EXIT_FRONTIER_UNREACHABLE)
        if run_id is None or run_id == last:
            stop.wait(poll)
            continue
        child.append(subprocess.Popen([*argv, *(["--verbose"] if verbose else [])], env=env))
        code = child[0].wait()
        child.clear()
        if code in FATAL:
            sys.exit(code)
        done += 1
        if code == EXIT_OK:
            last = run_id  # nothing of it was left to this worker: wait for the next run
        else:
            stop.wait(poll)
        if max_runs is not None and done >= max_runs:
            break
    sys.exit(EXIT_INTERRUPTED if stop.is_set() else EXIT_OK)
