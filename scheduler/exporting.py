"""Writing CSV exports to a file or stdout."""

import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from storage.db import make_engine, make_sessionmaker
from storage.export import ARTICLE_COLUMNS, STATEMENT_COLUMNS, article_rows, statement_rows, write_csv


def export_csv(db_url: str, what: str, output: str, since: date | None, until: date | None, speaker: str | None) -> int:
    """Export `statements` or `articles` to `output` ('-' for stdout); returns rows written."""
    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            if what == "statements":
                columns, rows = STATEMENT_COLUMNS, statement_rows(session, since, until, speaker)
            else:
                columns, rows = ARTICLE_COLUMNS, article_rows(session)
            if output == "-":
                return write_csv(sys.stdout, columns, rows)
            return _write_atomic(Path(output), columns, rows)
    finally:
        engine.dispose()


def _write_atomic(target: Path, columns: list[str], rows: Iterable[list[object]]) -> int:
    """Write beside the target and rename into place, so a failed export leaves no half file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as fh:
        n = write_csv(fh, columns, rows)
    partial.replace(target)
    return n
