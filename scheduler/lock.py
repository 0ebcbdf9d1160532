"""The crawl lock shared by cron runs and the daemon, so two crawls of one database never overlap.

For SQLite it is a file lock beside the database file (keyed by the resolved path); for PostgreSQL a
session advisory lock held by a connection of the crawl, so it holds across machines and however the URL
is spelled, and the server releases it if the crawl dies.
"""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

LOCK_POLL_SECONDS = 1.0
# The advisory lock key of the crawl (a fixed 63-bit number: "sanctuary-tracker crawl" in hex, truncated).
ADVISORY_KEY = 0x73616E6374756172


class LockHeld(RuntimeError):
    """Another crawl holds the lock."""


def lock_path(db_url: str) -> Path:
    """Where the lock file for a SQLite database lives: beside the file."""
    url = make_url(db_url)
    return Path(url.database or "tracker.db").expanduser().resolve().with_suffix(".crawl.lock")


@contextmanager
def crawl_lock(db_url: str, wait: float = 0) -> Iterator[str]:
    """Hold the crawl lock for this database (yielding what holds it); raise LockHeld at once, or after
    `wait` seconds of trying."""
    url = make_url(db_url)
    if url.get_backend_name() == "postgresql":
        with _advisory_lock(db_url, wait) as held:
            yield held
    elif url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        with _file_lock(lock_path(db_url), wait) as held:
            yield held
    else:
        yield "no lock (a database in memory is this process's alone)"


@contextmanager
def _file_lock(path: Path, wait: float) -> Iterator[str]:
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
            yield str(path)
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(db_url: str, wait: float) -> Iterator[str]:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            deadline = time.monotonic() + wait
            while not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_KEY}).scalar():
                connection.rollback()
                if time.monotonic() >= deadline:
                    holder = connection.execute(
                        text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = :low LIMIT 1"),
                        {"low": ADVISORY_KEY & 0xFFFFFFFF},
                    ).scalar()
                    raise LockHeld(
                        f"another crawl is running (PostgreSQL advisory lock, server pid {holder or 'unknown'})"
                    )
                time.sleep(LOCK_POLL_SECONDS)
            connection.commit()
            try:
                yield f"PostgreSQL advisory lock {ADVISORY_KEY}"
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                connection.commit()
    finally:
        engine.dispose()
