"""The filter options shared by `statements` and `export`, turned into a StatementFilter."""

from collections.abc import Callable
from typing import Any

import click

from scheduler.options import date_callback
from storage.queries import SORTS, StatementFilter

FILTER_OPTIONS = [
    click.option("--official", help="Said by this official (name or alias; a partial name matches too)."),
    click.option("--title", help="Speaker's title contains this text (e.g. Mayor)."),
    click.option("--organization", help="Speaker's organization contains this text."),
    click.option("--jurisdiction", help="Speaker's jurisdiction or organization contains this text."),
    click.option("--since", callback=date_callback, help="Said on or after this day (YYYY-MM-DD)."),
    click.option("--until", callback=date_callback, help="Said on or before this day (YYYY-MM-DD)."),
    click.option("--topic", help="The statement or its paragraph is on this topic (e.g. sanctuary-policy)."),
    click.option("--outlet", help="Reported by an outlet whose name contains this text."),
    click.option(
        "--search",
        callback=lambda _ctx, _param, value: _checked_search(value),
        help='Full-text search in the quote: words (all must occur, any form: "raid" finds "raids"), '
        '"a phrase", OR between two items, -word to exclude, prefix*.',
    ),
    click.option("--officials-only", is_flag=True, help="Only speakers who hold or held a public role."),
    click.option("--role", help="The speaker held a role with this title on the day (e.g. senator, mayor)."),
    click.option("--sort", type=click.Choice(SORTS), default="date", show_default=True, help="Order of rows."),
]


def _checked_search(value: str | None) -> str | None:
    """The search as typed, once it parses; a query that wants nothing is a usage error."""
    from storage.search import SearchSyntaxError, parse_query

    if value is not None:
        try:
            parse_query(value)
        except SearchSyntaxError as exc:
            raise click.BadParameter(str(exc)) from exc
    return value


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared filter options to a command."""
    for option in reversed(FILTER_OPTIONS):
        f = option(f)
    return f


def statement_filter(options: dict[str, Any]) -> StatementFilter:
    """The StatementFilter named by the filter options (removing them from `options`)."""
    names = (
        "official",
        "title",
        "organization",
        "jurisdiction",
        "since",
        "until",
        "topic",
        "outlet",
        "search",
        "officials_only",
        "role",
    )
    return StatementFilter(**{name: options.pop(name) for name in names})
