"""`sanctuary-tracker init` and `sanctuary-tracker config check`: start a config, and check one without
fetching anything."""

import sys
from importlib.resources import files
from pathlib import Path

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from crawler.config import resolve_db_url
from scheduler.exit_codes import EXIT_USAGE
from scheduler.options import config_option, load_or_exit


@click.command("init")
@click.argument("path", default="tracker.toml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace an existing file.")
def init_command(path: str, force: bool) -> None:
    """Write a commented starter config to PATH (default tracker.toml): database, contact, sources,
    schedules, topics, and where allow_private goes."""
    target = Path(path)
    if target.exists() and not force:
        click.echo(f"error: {path} exists; --force replaces it", err=True)
        sys.exit(EXIT_USAGE)
    target.write_text(files("crawler").joinpath("starter_config.toml").read_text(encoding="utf-8"), encoding="utf-8")
    click.echo(f"wrote {path}; check it with: sanctuary-tracker config check --config {path}")


@click.group("config")
def config_group() -> None:
    """Check a config."""


@config_group.command("check")
@config_option
def check(config_path: str | None) -> None:
    """Validate the config and list what a crawl would fetch, without fetching anything (exit 2 and a
    one-line error when the config is wrong)."""
    config = load_or_exit(config_path)
    url = resolve_db_url(None, config)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        click.echo(f"error: database URL {url!r} is not a URL (e.g. sqlite:///tracker.db)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"config: {config.path or '(shipped defaults)'}")
    click.echo(f"database: {shown}")
    click.echo(f"topics: {', '.join(t.name for t in config.topics)} (an article needs {config.min_topic_matches})")
    click.echo(f"sources: {len(config.sources)}")
    for source in config.sources:
        extras = [f"every {source.schedule or config.default_schedule}"]
        if source.allow_private:
            extras.append("private addresses allowed")
        click.echo(f"  {source.name} ({source.kind}, {'; '.join(extras)})")
        for url_ in source.urls:
            click.echo(f"    {url_}")
