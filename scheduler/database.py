"""Opening the tracker's database for a command: engine, sessions, and the curated registry in sync."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_engine, make_sessionmaker
from storage.registry import shipped_registry, sync_registry


@contextmanager
def open_database(db_url: str) -> Iterator[sessionmaker[Session]]:
    """A session factory on the database, with the shipped official registry synced into it."""
    engine = make_engine(db_url)
    try:
        sessions = make_sessionmaker(engine)
        with sessions.begin() as session:
            sync_registry(session, shipped_registry())
        yield sessions
    finally:
        engine.dispose()
