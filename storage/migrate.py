"""Schema migrations with Alembic: the one source of the schema for SQLite and PostgreSQL."""

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect


class SchemaOutOfDate(RuntimeError):
    """The database was made by an older version of the tracker."""


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("storage").joinpath("migrations")))
    config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
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
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to `revision`."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def ensure_schema(engine: Engine) -> None:
    """Set up an empty database; refuse one that is behind, naming the command that migrates it."""
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is None and not set(inspect(engine).get_table_names()) - {"apscheduler_jobs"}:
        upgrade(engine)
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
