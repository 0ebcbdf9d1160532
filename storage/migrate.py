"""Schema migrations with Alembic: the one source of the schema for SQLite and PostgreSQL."""

from importlib.resources import files
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The advisory lock PostgreSQL migrations take ("sanctuary-tracker migrate", truncated to 63 bits).
MIGRATION_LOCK = 0x73616E63746D6967
# The newest migration in storage/migrations/versions (a test holds it equal to Alembic's head): a database
# stamped with it needs nothing, and Alembic, 0.3 s of every command's start, is not even imported.
HEAD = "0009"


class SchemaOutOfDate(RuntimeError):
    """The database was made by an older version of the tracker."""


def _config(connection: Connection) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("storage").joinpath("migrations")))
    config.attributes["connection"] = connection
    return config


def _scripts() -> "ScriptDirectory":
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    with_dir = Config()
    with_dir.set_main_option("script_location", str(files("storage").joinpath("migrations")))
    return ScriptDirectory.from_config(with_dir)


def head_revision() -> str:
    """The newest migration shipped with this version."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every migration this version ships."""
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at; None for a database the tracker has not set up."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to `revision`, all or nothing: a migration that fails or is killed half way
    leaves the schema as it was (both databases have transactional DDL). Processes that start on a new
    database together (the workers of a distributed run) migrate one after the other: the others then find
    it at the revision and do nothing."""
    from alembic import command

    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        # (an in-memory SQLite database lives in its engine's one connection; nothing of it outlives a crash)
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            command.upgrade(_config(connection), revision)
        return
    # Python's sqlite3 driver only opens a transaction before DML, so DDL would commit statement by
    # statement: migrate on a connection that opens the transaction itself.
    migrating = create_engine(engine.url, poolclass=NullPool)
    event.listen(migrating, "connect", _no_implicit_transactions)
    # IMMEDIATE: the write lock from the start, so a second process waits and then reads the new revision.
    event.listen(migrating, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with migrating.begin() as connection:
            command.upgrade(_config(connection), revision)
    finally:
        migrating.dispose()


def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def ensure_schema(engine: Engine) -> None:
    """Set up an empty database; refuse one that is behind, naming the command that migrates it."""
    if _stamped(engine) == HEAD:
        return
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is None and not set(inspect(engine).get_table_names()) - {"apscheduler_jobs"}:
        upgrade(engine)
        return
    if current is None:
        current = current_revision(engine)  # another process may have set it up between the two looks
        if current == head_revision():
            return
    if current is not None and current not in known_revisions():
        raise SchemaOutOfDate(
            f"the database schema is at {current}, made by a newer version of the tracker than this one "
            f"(which knows up to {head_revision()}): upgrade sanctuary-tracker, or use a database of this version"
        )
    raise SchemaOutOfDate(
        f"the database schema is at {current or 'an unversioned state'}, this version needs {head_revision()}: "
        "back it up, then run `sanctuary-tracker db upgrade`"
    )


def _stamped(engine: Engine) -> str | None:
    """The revision the database is stamped with, read without Alembic; None if it has none (or no table)."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None
