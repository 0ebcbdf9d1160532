"""Writing exports: to a file (atomically, with a snapshot sidecar) or to stdout."""

import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from sqlalchemy import select

from scheduler.database import open_database
from storage.export import COLUMNS, DICTIONARY, rows, write_csv
from storage.models import Article
from storage.queries import StatementFilter


def export_csv(
    db_url: str, what: str, output: str, flt: StatementFilter, sort: str = "date", bom: bool = False, raw: bool = False
) -> int:
    """Export `what` for the filter to `output` ('-' for stdout); returns the rows written.

    A file is written beside its target and renamed into place (a failed export leaves no half file), with
    a sidecar `<output>.meta.json` recording the snapshot: export time, extractor version, filter, rows.
    """
    exported_at = datetime.now(UTC)
    with open_database(db_url) as sessions, sessions.begin() as session:
        data = rows(session, what, flt, sort)
        if output == "-":
            return write_csv(sys.stdout, COLUMNS[what], data, bom, raw)
        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with partial.open("w", encoding="utf-8", newline="") as fh:
            n = write_csv(fh, COLUMNS[what], data, bom, raw)
        extractors = sorted(set(session.scalars(select(Article.extractor_version).distinct())))
    partial.replace(target)
    meta = {
        "export": what,
        "rows": n,
        "exported_at": exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tracker_version": version("sanctuary-tracker"),
        "extractor_versions": extractors,
        "filter": {k: str(v) for k, v in asdict(flt).items() if v},
        "sort": sort,
        "formulas_neutralized": not raw,
        "columns": [{"name": n, "type": t, "description": d} for n, t, d in DICTIONARY[what]],
    }
    target.with_name(target.name + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return n
