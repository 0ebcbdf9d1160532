"""`sanctuary-tracker quotes`: run the quote engine over text or HTML files."""

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from pipelines.extract import ExtractionError, extract_article
from pipelines.quotes import Quote, extract_quotes
from storage.export import safe_cell

HTML_SUFFIXES = {".html", ".htm"}
# The fields of the JSON-lines contract, as CSV columns.
CSV_COLUMNS = [
    "source",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_kind",
    "speaker_start",
    "speaker_end",
    "mention",
    "title",
    "organization",
    "cue",
    "statement",
]


def read_article_text(path: Path) -> str:
    """The text quotes are found in: the file as read for .txt, the extracted text for HTML."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return extract_article(path.read_bytes()).text
    return decode_text(path.read_bytes(), str(path))


def decode_text(raw: bytes, name: str) -> str:
    """Plain text as UTF-8; text that is not UTF-8 is read as Windows-1252 (what such files usually are,
    as for pages), with a note."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        click.echo(f"note: {name} is not UTF-8; read as Windows-1252", err=True)
        return raw.decode("cp1252", errors="replace")


def quotes_of(paths: tuple[str, ...]) -> Iterator[tuple[str, Quote | None, str | None]]:
    """(path, quote, error) for every quote in every file ("-": standard input, plain text); a file that
    cannot be read yields its error."""
    for name in paths:
        try:
            text = decode_text(sys.stdin.buffer.read(), "stdin") if name == "-" else read_article_text(Path(name))
        except (OSError, ExtractionError) as exc:
            yield name, None, str(exc)
            continue
        for q in extract_quotes(text):
            yield name, q, None


@click.command("quotes")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per quote; csv: the same fields as columns; table: a readable summary.",
)
def quotes_command(paths: tuple[str, ...], fmt: str) -> None:
    """Find direct quotes in PATHS (.txt or .html; - reads plain text from standard input) and attribute
    them to their speakers."""
    failed = 0
    out = sys.stdout
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    for name, q, error in quotes_of(paths):
        if error is not None:
            failed += 1
            click.echo(f"error: {name}: {error}", err=True)
        elif q is not None and writer is not None:
            row = {"source": name, **q.as_dict()}
            writer.writerow([safe_cell(row[c]) for c in CSV_COLUMNS])
        elif q is not None and fmt == "jsonl":
            out.write(json.dumps({"source": name, **q.as_dict()}, ensure_ascii=False) + "\n")
        elif q is not None:
            who = q.speaker or "(unattributed)"
            title = f" ({q.title})" if q.title else ""
            out.write(f"{name}\t#{q.statement}\t{who}{title}\t{q.text[:80]}\n")
    if failed:
        raise SystemExit(1)
