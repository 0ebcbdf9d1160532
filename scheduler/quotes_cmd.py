"""`sanctuary-tracker quotes`: run the quote engine over text or HTML files."""

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from pipelines.quotes import Quote, extract_quotes
from pipelines.quotes.candidates import Candidate
from pipelines.quotes.extract import explain_quotes
from storage.cells import safe_cell

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
    "rule",
    "official",
    "external_id",
]


class UnreadableFile(Exception):
    """A file with no article text to read quotes from."""


def read_article_text(path: Path) -> str:
    """The text quotes are found in: the file as read for .txt, the extracted text for HTML."""
    if path.suffix.lower() in HTML_SUFFIXES:
        from pipelines.extract import ExtractionError, extract_article  # trafilatura loads only for HTML

        try:
            return extract_article(path.read_bytes()).text
        except ExtractionError as exc:
            raise UnreadableFile(str(exc)) from exc
    return decode_text(path.read_bytes(), str(path))


def decode_text(raw: bytes, name: str) -> str:
    """Plain text as UTF-8; text that is not UTF-8 is read as Windows-1252 (what such files usually are,
    as for pages), with a note."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        click.echo(f"note: {name} is not UTF-8; read as Windows-1252", err=True)
        return raw.decode("cp1252", errors="replace")


Scored = list[tuple[float, Candidate]]


def quotes_of(paths: tuple[str, ...], explain: bool = False) -> Iterator[tuple[str, Quote | None, Scored, str | None]]:
    """(path, quote, scored candidates, error) for every quote in every file ("-": standard input, plain
    text); a file that cannot be read yields its error. The candidates are weighed only with `explain`."""
    for name in paths:
        try:
            text = decode_text(sys.stdin.buffer.read(), "stdin") if name == "-" else read_article_text(Path(name))
        except (OSError, UnreadableFile) as exc:
            yield name, None, [], str(exc)
            continue
        found = explain_quotes(text) if explain else [(q, []) for q in extract_quotes(text)]
        for q, scored in found:
            yield name, q, scored, None


def _explained(score: float, cand: Candidate) -> str:
    m = cand.mention
    who = cand.speaker.name or ("nobody" if m is None else "(unnamed)")
    said = f" as {m.text!r}" if m is not None else ""
    return f"    {score:5.3f}  {who}{said}  [{', '.join(sorted(cand.origins))}]\n"


def official_of(q: Quote) -> tuple[str | None, str | None]:
    """(name, id) of the official of the shipped registry a person speaker is: by full name (the one whose
    role fits the printed title where the name is several people's), or, for a surname alone ("President
    Obama", "Sen. Padilla"), the one person of that surname whose role fits the printed title or
    organization. (None, None) when no one or several fit. The registry is read when first needed."""
    if q.speaker_kind != "person" or not q.speaker:
        return None, None
    surname_only = " " not in q.speaker.strip()
    if surname_only and not (q.title or q.organization):
        return None, None  # never a guess between people who share a surname
    from storage.open_registry import shipped_open_registry

    registry = shipped_open_registry()
    if surname_only:
        entry = registry.by_surname_and_role(q.speaker, q.title, q.organization, None)
    else:
        entry = registry.by_name_and_role(q.speaker, q.title, q.organization, None)
    return (entry.name, entry.external_id) if entry is not None else (None, None)


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
@click.option(
    "--no-registry",
    is_flag=True,
    help="Leave the official and external_id fields empty instead of looking speakers up in the shipped "
    "registry of officials (faster start on a few files).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="After each quote, list the candidate speakers the model weighed, with their scores and the rules "
    "that proposed them; the first is the one chosen (table format only).",
)
def quotes_command(paths: tuple[str, ...], fmt: str, no_registry: bool, explain: bool) -> None:
    """Find direct quotes in PATHS (.txt or .html; - reads plain text from standard input) and attribute
    them to their speakers. Each quote records the rule that attributed it (see pipelines/quotes/cue_rules.py);
    --explain shows why one candidate speaker won."""
    if explain and fmt != "table":
        if fmt != "jsonl":
            raise click.UsageError("--explain prints a readable listing; use it with --format table")
        fmt = "table"
    failed = 0
    out = sys.stdout
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    for name, q, scored, error in quotes_of(paths, explain):
        if error is not None:
            failed += 1
            click.echo(f"error: {name}: {error}", err=True)
            continue
        assert q is not None
        official, external_id = (None, None) if no_registry else official_of(q)
        row = {"source": name, **q.as_dict(), "official": official, "external_id": external_id}
        if writer is not None:
            writer.writerow([safe_cell(row[c]) for c in CSV_COLUMNS])
        elif fmt == "jsonl":
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            who = q.speaker or "(unattributed)"
            title = f" ({q.title})" if q.title else ""
            known = f" = {official}" if official and official != q.speaker else ""
            out.write(f"{name}\t#{q.statement}\t{who}{title}{known}\t{q.text[:80]}\n")
            if explain:
                out.write(f"    rule: {q.rule}\n")
                out.writelines(_explained(score, cand) for score, cand in scored)
    if failed:
        raise SystemExit(1)
