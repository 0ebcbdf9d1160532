"""One way for read commands to print rows: a table on a terminal (tab-separated rows in a pipe), or CSV,
JSON, JSON lines."""

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from storage.cells import cell_text, safe_cell

FORMATS = ("table", "csv", "json", "jsonl")


def output_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --format option of read commands."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format."
    )(f)


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, title: str | None = None) -> None:
    """Print rows in the chosen format."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[safe_cell(v) for v in row] for row in rows])
    elif fmt == "json":
        click.echo(
            json.dumps([dict(zip(columns, row, strict=True)) for row in rows], default=cell_text, ensure_ascii=False)
        )
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), default=cell_text, ensure_ascii=False))
    elif not sys.stdout.isatty():
        # In a pipe a drawn table would wrap at 80 columns and cut cells: plain tab-separated rows instead.
        click.echo("\t".join(columns))
        for row in rows:
            click.echo("\t".join("" if v is None else _one_line(cell_text(v)) for v in row))
    else:
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if v is None else cell_text(v) for v in row))
        Console().print(table)


def _one_line(text: str) -> str:
    """A cell as one line without tabs, for tab-separated output."""
    return " ".join(text.split())
