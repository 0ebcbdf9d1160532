"""`sanctuary-tracker serve`: Datasette on 127.0.0.1 over a tracker database, read-only, with the research
views, full-text search and canned queries."""

import hashlib
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from scheduler.serve_metadata import CANNED_QUERIES, datasette_metadata
from storage.views import VIEW_DICTIONARY
from tests.conftest import REPO, optional, run_cli

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture
def server(research_db: Path) -> Iterator[str]:
    """The base URL of `serve` running on a free port of 127.0.0.1."""
    optional("datasette", "web")
    command = ["serve", "--db", str(research_db), "--port", "0"]
    process = subprocess.Popen(
        [sys.executable, "-c", "from scheduler.cli import main; main()", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # printed once the socket listens
    try:
        assert line.startswith(f"serving {research_db} read-only at http://127.0.0.1:"), (line, process.stderr)
        yield line.split(" at ")[1].split()[0].rstrip("/")
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str) -> list[dict]:
    with NO_PROXY.open(url, timeout=60) as response:
        return json.loads(response.read())


def test_canned_queries_views_and_search_answer_as_json(server, research_db):
    before = hashlib.sha256(research_db.read_bytes()).hexdigest()
    db = f"{server}/tracker"
    chiu = fetch(f"{db}/statements_by_official.json?official=Chiu&_shape=array")
    assert [r["speaker"] for r in chiu] == ["David Chiu", "David Chiu"]
    assert [r["date"] for r in chiu] == ["2025-02-10", "2025-01-28"]
    assert fetch(f"{db}/statements_by_official.json?official=Dan%20Lurie&_shape=array")[0]["speaker"] == "Daniel Lurie"
    weeks = {r["week_of"]: r["statements"] for r in fetch(f"{db}/statements_by_week.json?_shape=array")}
    assert weeks == {"2025-01-27": 2, "2025-02-10": 1, "2025-03-03": 1, "2025-06-09": 1}  # Mondays
    outlets = {r["outlet"]: r["statements"] for r in fetch(f"{db}/statements_by_outlet.json?_shape=array")}
    assert outlets["ABC7 News"] == 2 and outlets["Wire"] == 1
    several = fetch(f"{db}/statements_reported_by_several_outlets.json?_shape=array")
    assert [(r["speaker"], r["outlets"]) for r in several] == [("Karen Bass", 2)]
    assert sorted(json.loads(several[0]["outlet_list"])) == ["Los Angeles Times", "Wire"]
    found = fetch(f"{db}/statement_overview.json?_search=lawyers&_shape=array")
    assert [r["speaker"] for r in found] == ["David Chiu"] and found[0]["title_on_date"] == "City Attorney"
    assert len(fetch(f"{db}/appearance_overview.json?_shape=array")) == 6
    described = fetch(f"{server}/-/metadata.json")["databases"]["tracker"]["tables"]["statement_overview"]
    assert described["columns"]["title_on_date"].startswith("Title of the role held on the day said")
    assert hashlib.sha256(research_db.read_bytes()).hexdigest() == before  # read-only


def test_every_view_column_is_described_and_only_those(research_db):
    engine = create_engine(f"sqlite:///{research_db}")
    try:
        views = inspect(engine).get_view_names()
        columns = {view: [c["name"] for c in inspect(engine).get_columns(view)] for view in views}
    finally:
        engine.dispose()
    assert set(views) == set(VIEW_DICTIONARY)
    for view, described in VIEW_DICTIONARY.items():
        assert [name for name, _, _ in described] == columns[view]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for view, described in VIEW_DICTIONARY.items():
        for name, _, meaning in described:
            assert f"| {view} | `{name}` |" in readme and meaning in readme, (view, name)
    tables = datasette_metadata("tracker")["databases"]["tracker"]["tables"]
    assert tables["statement_overview"]["fts_table"] == "statements_fts" and tables["pages"] == {"hidden": True}


def test_print_metadata_and_databases_serve_cannot_open():
    printed = run_cli("serve", "--db", "sqlite:///x/tracker.db", "--print-metadata")
    assert printed.returncode == 0
    assert set(json.loads(printed.stdout)["databases"]["tracker"]["queries"]) == set(CANNED_QUERIES)
    refused = run_cli("serve", "--db", "postgresql+psycopg://u@127.0.0.1/x")
    assert refused.returncode == 2 and "SQLite" in refused.stderr and "Traceback" not in refused.stderr
    missing = run_cli("serve", "--db", "sqlite:////nonexistent/tracker.db")
    assert missing.returncode == 2 and "no database at" in missing.stderr
