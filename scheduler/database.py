"""Opening the tracker's database for a command: engine, sessions, and the curated registry in sync.

Whatever keeps a database from opening (a malformed URL, a file that is not a database, a server that
refuses the connection or the password, a missing driver, a read command given a file that does not
exist) is one line naming the problem, exit 2.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from scheduler.exit_codes import EXIT_DATABASE_UNREACHABLE, EXIT_USAGE
from storage.db import make_engine, make_sessionmaker, sqlite_path
from storage.migrate import SchemaOutOfDate
from storage.registry import sync_registry
from storage.registry_file import shipped_registry


class DatabaseUnavailable(click.ClickException):
    """The database cannot be opened; shown as one line, exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        """Print the one line."""
        click.echo(f"error: {self.message}", err=True)


class DatabaseUnreachable(DatabaseUnavailable):
    """The database server cannot be reached or refused the login: exit 68, so a service manager (or the
    operator of a fleet of workers) can tell it from a mistake in the command."""

    exit_code = EXIT_DATABASE_UNREACHABLE


@contextmanager
def open_database(db_url: str, write: bool = True) -> Iterator[sessionmaker[Session]]:
    """A session factory on the database. Writers get it created if new and the shipped official registry
    synced into it; readers (`write=False`) need it to exist and write nothing, so they work on a
    read-only file."""
    where = _safe(db_url)
    if not write:
        _must_exist(db_url)
    try:
        engine = make_engine(db_url)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUnavailable(f"{where} is not a database URL ({exc})") from exc
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseUnavailable(
            f"no driver for {where}: the tracker works with SQLite and with PostgreSQL once the postgres extra "
            "is installed (pip install 'sanctuary-tracker[postgres]')"
        ) from exc
    except OperationalError as exc:
        unavailable = DatabaseUnreachable if make_url(db_url).get_backend_name() != "sqlite" else DatabaseUnavailable
        raise unavailable(f"cannot open the database {where}: {_first_line(exc)}") from exc
    except DatabaseError as exc:
        raise DatabaseUnavailable(f"{where} is not a database the tracker can read: {_first_line(exc)}") from exc
    except SchemaOutOfDate as exc:
        raise DatabaseUnavailable(str(exc)) from exc
    try:
        sessions = make_sessionmaker(engine)
        if write:
            with sessions.begin() as session:
                sync_registry(session, shipped_registry())
        yield sessions
    finally:
        engine.dispose()


def _must_exist(db_url: str) -> None:
    try:
        path = sqlite_path(db_url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"{db_url!r} is not a database URL") from exc
    if path is not None and not path.exists():
        raise DatabaseUnavailable(f"no database at {path} (a crawl creates it; check --db or TRACKER_DB_URL)")


def _safe(db_url: str) -> str:
    """The URL with its password hidden."""
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(db_url)


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__
