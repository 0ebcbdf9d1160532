"""`sanctuary-tracker quotes`: run the quote engine over text or HTML files."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from pipelines.extract import ExtractionError, extract_article
from pipelines.quotes import Quote, extract_quotes

HTML_SUFFIXES = {".html", ".htm"}


def read_article_text(path: Path) -> str:
    """The text quotes are found in: the file as read for .txt, the extracted text for HTML."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return extract_article(path.read_bytes()).text
    return path.read_text(encoding="utf-8")


def quotes_of(paths: tuple[str, ...]) -> Iterator[tuple[str, Quote | None, str | None]]:
    """(path, quote, error) for every quote in every file; a file that cannot be read yields its error."""
    for name in paths:
        try:
            text = read_article_text(Path(name))
        except (OSError, UnicodeDecodeError, ExtractionError) as exc:
            yield name, None, str(exc)
            continue
        for q in extract_quotes(text):
            yield name, q, None


@click.command("quotes")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per quote; table: a readable summary.",
)
def quotes_command(paths: tuple[str, ...], fmt: str) -> None:
    """Find direct quotes in PATHS (.txt or .html) and attribute them to their speakers."""
    failed = 0
    out = sys.stdout
    for name, q, error in quotes_of(paths):
        if error is not None:
            failed += 1
            click.echo(f"error: {name}: {error}", err=True)
        elif q is not None and fmt == "jsonl":
            out.write(json.dumps({"source": name, **q.as_dict()}, ensure_ascii=False) + "\n")
        elif q is not None:
            who = q.speaker or "(unattributed)"
            title = f" ({q.title})" if q.title else ""
            out.write(f"{name}\t#{q.statement}\t{who}{title}\t{q.text[:80]}\n")
    if failed:
        raise SystemExit(1)
