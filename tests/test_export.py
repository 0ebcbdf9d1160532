"""CSV export: RFC 4180 round trip, formula-like cells neutralized."""

import csv
import io

from storage.cells import safe_cell
from storage.export import STATEMENT_COLUMNS, statement_rows, write_csv
from storage.queries import StatementFilter
from tests.test_storage import article, quote, store


def test_formula_cells_are_neutralized():
    assert [safe_cell(v) for v in ("=1+1", "+x", "-2", "@SUM(A1)", "\tx", "plain", None)] == [
        "'=1+1",
        "'+x",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "plain",
        "",
    ]


def test_statements_csv_round_trip(session):
    tricky = '=HYPERLINK("x") said, "no" \n and José — “curly”'
    store(session, article("https://a.example/1", [quote(tricky, 0)]))
    store(session, article("https://b.example/2", [quote(tricky, 0)]))
    out = io.StringIO()
    assert write_csv(out, STATEMENT_COLUMNS, statement_rows(session, StatementFilter())) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["quote"] == "'" + tricky
    assert row["speaker"] == "David Chiu"
    assert row["outlets"] == "Outlet 1; Outlet 2"
    assert row["urls"] == "https://a.example/1; https://b.example/2"
    assert row["appearances"] == "2"
    assert row["date"] == "2025-01-28"


def test_raw_cells_timestamps_in_utc_and_articles_counted_not_pieces(session):
    # One article quotes the statement in two segments split by its attribution: one appearance.
    store(
        session,
        article("https://a.example/1", [quote("=We will not comply,", 0), quote("ever, with any of it.", 0, start=40)]),
    )
    out = io.StringIO()
    write_csv(out, STATEMENT_COLUMNS, statement_rows(session, StatementFilter()), raw=True)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["quote"].startswith("=We will not comply")  # --raw: as stored, no apostrophe
    assert row["appearances"] == "1"
    assert row["first_seen_at"] == "2025-01-29T12:00:00Z"


def test_every_column_is_described_in_the_cli_the_sidecar_and_the_readme(tmp_path):
    from click.testing import CliRunner

    from scheduler.cli import cli
    from storage.export import COLUMNS, DICTIONARY
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for kind, columns in DICTIONARY.items():
        described = CliRunner().invoke(cli, ["export", kind, "--describe"])
        assert described.exit_code == 0
        assert [line.split("\t")[0] for line in described.stdout.splitlines()] == COLUMNS[kind]
        for name, _, meaning in columns:
            assert f"| {kind} | `{name}` |" in readme and meaning in readme, (kind, name)
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert CliRunner().invoke(cli, ["db", "upgrade", "--db", db]).exit_code == 0  # exports read an existing database
    target = tmp_path / "s.csv"
    assert CliRunner().invoke(cli, ["export", "statements", "--db", db, "--output", str(target)]).exit_code == 0
    import json

    meta = json.loads((tmp_path / "s.csv.meta.json").read_text())
    assert [c["name"] for c in meta["columns"]] == COLUMNS["statements"] and meta["exported_at"].endswith("Z")
    missing = CliRunner().invoke(cli, ["export", "statements", "--db", db])
    assert missing.exit_code == 2 and "--output" in missing.output
