"""`sanctuary-tracker frontier`: what the shared frontier of distributed runs holds now."""

import sys

import click

from scheduler.exit_codes import EXIT_FRONTIER_UNREACHABLE, EXIT_USAGE
from scheduler.options import config_option, frontier_or_exit, load_or_exit
from scheduler.output import emit, output_option


@click.group()
def frontier() -> None:
    """Look at the frontier of distributed runs (Redis): the open run, its queues and leases."""


@frontier.command("status")
@config_option
@click.option(
    "--frontier",
    "frontier_url",
    metavar="redis://HOST:PORT/DB",
    help="The Redis of the distributed runs (default: TRACKER_FRONTIER_URL, else [frontier] url in the config).",
)
@output_option
def status(config_path: str | None, frontier_url: str | None, fmt: str) -> None:
    """Show the open run, and for each kind of source its requests waiting, leased, leased past their
    deadline (their worker is gone; they go back to the queue), and whether its first requests are queued.

    Prints "no open run" when none is open. Exit codes: 0, 2 bad usage or config, 69 the frontier cannot be
    reached.
    """
    from redis.exceptions import RedisError

    from crawler.frontier import runs
    from crawler.frontier.connection import FrontierUnavailable, connect, safe_url

    url = frontier_or_exit(frontier_url, load_or_exit(config_path))
    if not url:
        click.echo("error: no frontier (--frontier, TRACKER_FRONTIER_URL or [frontier] url)", err=True)
        sys.exit(EXIT_USAGE)
    try:
        server = connect(url)
        run_id = runs.active_run(server)
        if run_id is None:
            click.echo(f"no open run on {safe_url(url)}")
            return
        rows = [(run_id, *row) for row in runs.kind_status(server, run_id)]
        lost = runs.abandoned(server, run_id)
        sources = ", ".join(runs.run_sources(server, run_id))
    except FrontierUnavailable as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FRONTIER_UNREACHABLE)
    except RedisError as exc:
        click.echo(f"error: lost the frontier at {safe_url(url)}: {exc}", err=True)
        sys.exit(EXIT_FRONTIER_UNREACHABLE)
    title = f"Run {run_id} on {safe_url(url)} ({sources}); abandoned requests: {lost}"
    emit(["run", "kind", "waiting", "leased", "overdue", "seeded"], rows, fmt, title)
