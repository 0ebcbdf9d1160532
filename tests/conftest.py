"""Shared fixtures: the ../shared materials, the demo site on 127.0.0.1, in-memory databases."""

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from scheduler.demo import demo_config as site_config
from scheduler.demo import demo_routes
from scheduler.site_server import serve
from storage.db import make_engine, make_sessionmaker

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRACKER_SHARED_DIR", REPO.parent / "shared"))


# The founding article and its gold quotes ship with the tests; the research corpora do not.
SEED = REPO / "tests" / "files" / "seed"
REQUIRE_CORPORA = os.environ.get("TRACKER_REQUIRE_CORPORA") == "1"


def shared(*parts: str) -> Path:
    """A path under ../shared (the research corpora: PolNeAR, the news pages, the official scorer).

    Where it is missing the test is skipped with a reason, so a clone tests green; with
    TRACKER_REQUIRE_CORPORA=1 (set by .ci/run) it fails instead, so CI never skips these tests.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = (
            f"{path} is missing: this test reads the research corpora from ../shared beside the repo "
            "(or TRACKER_SHARED_DIR); the README says where they come from"
        )
        if REQUIRE_CORPORA:
            pytest.fail(message)
        pytest.skip(message)
    return path


def optional(module: str, extra: str) -> None:
    """Skip a test whose optional extra is not installed, with the install command; in CI (which installs
    every extra) fail instead, so CI never skips it."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        message = f"{module} is missing: pip install -e '.[{extra}]' to run this test"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def research_db(tmp_path: Path) -> Path:
    """A SQLite tracker database with the research test's five statements (Karen Bass's reported by a
    second outlet) and two days of crawl records for two sources."""
    from datetime import datetime

    from scheduler.database import open_database
    from storage.models import CrawlRun, SourceRun
    from tests.test_research import fill, reprint_bass

    path = tmp_path / "tracker.db"
    url = f"sqlite:///{path}"
    fill(url)
    reprint_bass(url)
    with open_database(url) as sessions, sessions.begin() as session:
        for day, errors in ((1, 0), (2, 5)):
            run = CrawlRun(started_at=datetime(2025, 6, day, 6), finished_at=datetime(2025, 6, day, 7), status="ok")
            session.add(run)
            session.flush()
            session.add(SourceRun(run_id=run.id, source="kqed", pages=10, errors=errors, articles_new=3))
            session.add(SourceRun(run_id=run.id, source="abc7", pages=4, errors=0, articles_new=1))
    return path


@pytest.fixture
def seed_text() -> str:
    return (SEED / "abc7-sf-sanctuary.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed_gold() -> dict:
    return json.loads((SEED / "abc7-sf-sanctuary.gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session in one transaction on a fresh database (SQLite and PostgreSQL)."""
    engine = make_engine(db_url)
    with make_sessionmaker(engine).begin() as s:
        yield s
    engine.dispose()


PG_ADMIN_URL = os.environ.get("TRACKER_TEST_PG_URL")  # e.g. postgresql+psycopg://postgres:postgres@127.0.0.1/postgres


def _pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    if not PG_ADMIN_URL:
        if os.environ.get("CI"):
            pytest.fail("TRACKER_TEST_PG_URL is not set: CI must run the PostgreSQL tests (see .ci/run)")
        pytest.skip("PostgreSQL tests need TRACKER_TEST_PG_URL (see README: Testing with PostgreSQL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL, once for SQLite and once for a real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        yield from _pg_database()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database (for tests that only make sense there: several processes on one store)."""
    yield from _pg_database()


@pytest.fixture
def demo_site() -> Iterator[str]:
    with serve(demo_routes()) as base:
        yield base


def demo_config(base: str, tmp_path: Path) -> Path:
    """The demo's config for a site at base, with the database in tmp_path."""
    path = tmp_path / "config.toml"
    database = f'\n[database]\nurl = "sqlite:///{tmp_path / "tracker.db"}"\n'
    path.write_text(site_config(base) + database, encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the sanctuary-tracker command in its own process (Twisted's reactor cannot restart)."""
    return subprocess.run(
        [sys.executable, "-c", "from scheduler.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
