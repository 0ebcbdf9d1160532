"""CSV export: RFC 4180 round trip, formula-like cells neutralized."""

import csv
import io

from storage.export import STATEMENT_COLUMNS, safe_cell, statement_rows, write_csv
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
    assert row["urls"] == "https://a.example/1 https://b.example/2"
    assert row["appearances"] == "2"
    assert row["date"] == "2025-01-28"
