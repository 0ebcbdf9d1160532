"""Engine and session setup: SQLite (WAL, foreign keys on) by default, PostgreSQL supported."""

import sqlite3
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.migrate import ensure_schema


def make_engine(url: str) -> Engine:
    """Create an engine for the URL: the SQLite file's folder is created, an empty database gets the
    schema (Alembic migrations), one made by an older version is refused with the command to migrate it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    ensure_schema(engine)
    return engine


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names (also in its `file:...?uri=true` form), or None for memory and other backends."""
    parsed = make_url(url)
    name = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or name in ("", ":memory:"):
        return None
    if parsed.query.get("uri") in ("true", "1") and name.startswith("file:"):
        name = name.removeprefix("file:").split("?")[0]  # sqlite:///file:x.db?mode=ro&uri=true
    return Path(name).expanduser()


@cache
def shared_engine(url: str) -> Engine:
    """One engine per database URL for the whole process: a crawl's spiders, middlewares and store share
    it, so the schema is checked once. It lives as long as the process (a crawl runs in its own)."""
    return make_engine(url)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory; callers own transactions with `with factory.begin() as session:`."""
    return sessionmaker(engine, expire_on_commit=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    with suppress(sqlite3.OperationalError):  # a read-only database keeps its journal mode; readers need no other
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
