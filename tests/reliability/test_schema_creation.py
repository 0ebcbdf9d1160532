"""Creating the schema is all or nothing (issue 20 item 10): a first-time setup that fails or is killed half
way leaves an empty database that the next command sets up, not half a schema that every command trips on."""

import sqlite3

import pytest
from sqlalchemy import Engine, create_engine, event

from storage.db import make_engine
from storage.migrate import head_revision, upgrade


def tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}


def test_a_migration_failing_half_way_leaves_no_half_schema(tmp_path):
    path = tmp_path / "t.db"
    engine = create_engine(f"sqlite:///{path}")

    def fail_late(conn, cursor, statement, parameters, context, executemany):
        # Fail in the fourth migration, after three have created their tables.
        if statement.startswith("UPDATE appearances SET piece"):
            raise RuntimeError("killed half way")

    # Every engine, including the one the migration opens for itself.
    event.listen(Engine, "before_cursor_execute", fail_late)
    try:
        with pytest.raises(RuntimeError, match="killed half way"):
            upgrade(engine)
    finally:
        event.remove(Engine, "before_cursor_execute", fail_late)
        engine.dispose()
    assert tables(path) == set()  # (before: every table of migrations 1-3 and a version row)
    # The next command sets the database up whole.
    ready = make_engine(f"sqlite:///{path}")
    ready.dispose()
    assert {"statements", "appearances", "officials", "alembic_version"} <= tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select version_num from alembic_version").fetchall() == [(head_revision(),)]


def test_the_head_the_tracker_checks_without_alembic_is_alembics_head():
    from storage.migrate import HEAD

    assert head_revision() == HEAD


def test_a_database_at_the_head_is_opened_without_importing_alembic(tmp_path):
    # Importing Alembic and reading its scripts was 0.3 s of every command's start, to learn each time that
    # the database needed nothing. A database behind the head still gets Alembic's check (and its message).
    import subprocess
    import sys

    path = tmp_path / "t.db"
    make_engine(f"sqlite:///{path}").dispose()
    probe = (
        "import sys; from storage.db import make_engine; "
        f"make_engine('sqlite:///{path}').dispose(); print('alembic' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "False\n"
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = '0008'")
    behind = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert behind.returncode != 0 and "sanctuary-tracker db upgrade" in behind.stderr
