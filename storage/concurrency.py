"""Several writers on one database: per-key advisory locks on PostgreSQL, and retried transactions."""

import random
import time
import zlib
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
OFFICIAL_NAMES = 1
OFFICIAL_STATEMENTS = 2
ATTEMPTS = 5
# Messages of failures that a fresh attempt of the same transaction can get past.
TRANSIENT = ("database is locked", "deadlock detected", "could not serialize", "database table is locked")


def lock(session: Session, namespace: int, key: str | int) -> None:
    """Serialize writers on one key until the transaction ends (PostgreSQL; SQLite has one writer anyway)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    number = key if isinstance(key, int) else zlib.crc32(key.encode("utf-8"))
    session.execute(
        text("SELECT pg_advisory_xact_lock(:namespace, :key)"),
        {"namespace": namespace, "key": (number & 0x7FFFFFFF) - (number & 0x80000000)},
    )


def in_transaction(sessions: sessionmaker[Session], work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
    """Run `work` in its own transaction, again from the start when another writer got in the way (a
    unique key it just took, a lock, a deadlock): nothing is lost and nothing is half written."""
    for attempt in range(1, attempts + 1):
        try:
            with sessions.begin() as session:
                return work(session)
        except (IntegrityError, OperationalError, DBAPIError) as exc:
            transient = isinstance(exc, IntegrityError) or any(t in str(exc).lower() for t in TRANSIENT)
            if not transient or attempt == attempts:
                raise
            time.sleep(random.uniform(0, 0.05 * 2**attempt))
    raise AssertionError("unreachable")
