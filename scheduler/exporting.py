"""Writing exports: to a file (atomically, with a snapshot sidecar) or to stdout."""

import glob
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import IO

from sqlalchemy import select

from scheduler.database import open_database
from storage.export import COLUMNS, DICTIONARY, rows, write_csv
from storage.models import Article
from storage.queries import StatementFilter

# Temporary export files end so, and start with a dot and the target's name.
PARTIAL = ".partial"


class ExportTargetError(Exception):
    """The output path cannot take an export (a directory, a missing or unwritable folder)."""


def check_target(output: str, mkdir: bool = False) -> Path:
    """The export's target file, checked before any work: not a directory, in a folder that exists (made
    with `mkdir`) and can be written. Stale temporary files of earlier failed exports to it are removed."""
    target = Path(output)
    if target.is_dir():
        raise ExportTargetError(f"{output} is a directory; give a file name")
    folder = target.parent
    if not folder.is_dir():
        if not mkdir:
            raise ExportTargetError(f"folder {folder} does not exist (--mkdir creates it)")
        folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        raise ExportTargetError(f"cannot write in {folder}")
    for stale in folder.glob(f".{glob.escape(target.name)}.*{PARTIAL}"):
        if stale.is_file() or stale.is_symlink():
            stale.unlink()  # (our own temporary names only; a symlink is removed, never followed)
    return target


def export_csv(
    db_url: str,
    what: str,
    output: str,
    flt: StatementFilter,
    sort: str = "date",
    bom: bool = False,
    raw: bool = False,
    mkdir: bool = False,
) -> int:
    """Export `what` for the filter to `output` ('-' for stdout); returns the rows written.

    A file is written to a new temporary file beside its target (created exclusively under a random name,
    so nothing planted there is followed) and renamed into place: a failed export leaves neither a half
    file nor its temporary one. A sidecar `<output>.meta.json`, written the same way, records the snapshot:
    export time, extractor version, filter, rows.
    """
    exported_at = datetime.now(UTC)
    target = None if output == "-" else check_target(output, mkdir)
    with open_database(db_url, write=False) as sessions, sessions.begin() as session:
        data = rows(session, what, flt, sort)
        if target is None:
            return write_csv(sys.stdout, COLUMNS[what], data, bom, raw)
        with replacing(target) as fh:
            n = write_csv(fh, COLUMNS[what], data, bom, raw)
        extractors = sorted(set(session.scalars(select(Article.extractor_version).distinct())))
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
    with replacing(target.with_name(target.name + ".meta.json")) as fh:
        fh.write(json.dumps(meta, indent=2) + "\n")
    return n


@contextmanager
def replacing(target: Path) -> Iterator[IO[str]]:
    """A text file that replaces `target` when the block ends without error; on error, nothing changes."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.chmod(name, 0o666 & ~_umask())  # mkstemp makes it private; a written file gets the usual mode
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
