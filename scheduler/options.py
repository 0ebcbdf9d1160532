"""The options every command shares (--config, --db, dates) and how they become a config and a URL."""

import sys
from datetime import date

import click

from crawler.config import Config, ConfigError, load_config, resolve_db_url, resolve_frontier_url
from scheduler.exit_codes import EXIT_USAGE

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="TOML config (default: the shipped one)."
)
db_option = click.option(
    "--db", "db_url", help="Database URL (else TRACKER_DB_URL, else the config, else sqlite:///tracker.db)."
)


def load_or_exit(config_path: str | None) -> Config:
    """The config, or a one-line error naming the problem and exit code 2."""
    try:
        return load_config(config_path)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def frontier_or_exit(cli_url: str | None, config: Config) -> str | None:
    """The frontier's URL (see resolve_frontier_url), None for none, or a one-line error and exit code 2."""
    try:
        return resolve_frontier_url(cli_url, config)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


def database_url(db_url: str | None, config_path: str | None) -> str:
    """The database URL the --db and --config options name (see resolve_db_url)."""
    return resolve_db_url(db_url, load_or_exit(config_path))


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def date_callback(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """parse_date as a click option callback."""
    return parse_date(value)
