"""The crawl lock shared by cron runs and the daemon, so two crawls never overlap."""

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

LOCK_POLL_SECONDS = 1.0


class LockHeld(RuntimeError):
    """Another crawl holds the lock."""


def lock_path(db_url: str) -> Path:
    """Where the lock for a database lives: beside a SQLite file, else in the temp folder."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().with_suffix(".crawl.lock")
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"sanctuary-tracker-{digest}.lock"


@contextmanager
def crawl_lock(db_url: str, wait: float = 0) -> Iterator[Path]:
    """Hold the crawl lock for this database; raise LockHeld at once, or after `wait` seconds of trying."""
    path = lock_path(db_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    with path.open("a+") as fh:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "unknown"
                    raise LockHeld(f"another crawl is running (pid {holder}; lock {path})") from exc
                time.sleep(LOCK_POLL_SECONDS)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield path
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
