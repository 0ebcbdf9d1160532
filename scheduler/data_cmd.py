"""`statements` (query) and `export` (CSV): the research side of the database."""

import sys
from typing import Any

import click

from scheduler.exit_codes import EXIT_USAGE
from scheduler.filters import filter_options, statement_filter
from scheduler.options import config_option, database_url, db_option
from scheduler.output import emit, output_option

# Rows a `statements` table shows unless --limit says otherwise (csv/json/jsonl give every row).
TABLE_ROWS = 50


@click.command()
@click.argument("what", type=click.Choice(["statements", "appearances", "articles", "officials"]))
@click.option("--output", "-o", help="CSV file to write ('-': stdout).")
@config_option
@db_option
@filter_options
@click.option("--bom", is_flag=True, help="Start the file with a UTF-8 byte-order mark (for Excel).")
@click.option("--raw", is_flag=True, help="Cells as stored: no apostrophe before formula-like text.")
@click.option("--describe", is_flag=True, help="Print each column with its type and meaning, and export nothing.")
@click.option("--mkdir", is_flag=True, help="Create the output file's folder if it does not exist.")
def export(
    what: str,
    output: str | None,
    config_path: str | None,
    db_url: str | None,
    bom: bool,
    raw: bool,
    describe: bool,
    mkdir: bool,
    **options: Any,
) -> None:
    """Export statements, appearances, articles or officials as CSV.

    UTF-8, RFC 4180 quoting, formula-like cells neutralized, streamed in constant memory. A file export
    gets a sidecar FILE.meta.json with the export time, extractor version and filter. Columns are listed
    in the README and stay stable.
    """
    from scheduler.exporting import ExportTargetError, export_csv
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
    try:
        n = export_csv(url, what, output, flt, sort, bom, raw, mkdir)
    except (ExportTargetError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if output != "-":
        click.echo(f"wrote {n} {what} to {output}", err=True)


@click.command()
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
    with open_database(url, write=False) as sessions, sessions.begin() as session:
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
