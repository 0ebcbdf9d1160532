"""Queries, full-text search and exports on SQLite and on a real PostgreSQL server."""

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text

from scheduler.cli import cli
from scheduler.database import open_database
from storage.export import COLUMNS, rows, write_csv
from storage.migrate import current_revision, head_revision, upgrade
from storage.queries import StatementFilter
from storage.records import ArticleRecord
from tests.test_identity import person
from tests.test_storage import store

QUOTES = [
    # speaker, title, organization, words, published, outlet, topics
    (
        "Daniel Lurie",
        "Mayor",
        "San Francisco",
        "We value our immigrant communities and we stand with you.",
        date(2025, 1, 28),
        "ABC7 News",
        ["sanctuary-policy"],
    ),
    (
        "David Chiu",
        "City Attorney",
        "San Francisco",
        "Our policy says you cannot deputize local police as ICE agents.",
        date(2025, 1, 28),
        "ABC7 News",
        ["sanctuary-policy", "immigration-enforcement"],
    ),
    (
        "David Chiu",
        "City Attorney",
        "San Francisco",
        "The lawyers in my office stood up, fought back and we won.",
        date(2025, 2, 10),
        "KQED",
        ["sanctuary-policy"],
    ),
    (
        "Karen Bass",
        "Mayor",
        "Los Angeles",
        "Raids at car washes terrorize working families in our city.",
        date(2025, 6, 9),
        "Los Angeles Times",
        ["immigration-enforcement"],
    ),
    (
        "José Núñez",
        "Council member",
        "Harborview",
        'He said "=SUM(A1)" was a joke, nothing more, and we agreed.',
        date(2025, 3, 3),
        'The Bay Ledger, "fictional"',
        ["sanctuary-policy"],
    ),
]


def fill(url: str) -> None:
    with open_database(url) as sessions:
        for i, (speaker, title, org, words, published, outlet, topics) in enumerate(QUOTES):
            quotes = [person(speaker, words, 0, title, org, topics={t: 0.5 for t in topics})]
            record = ArticleRecord(
                f"https://news{i}.example/{i}",
                outlet,
                "t",
                None,
                published,
                "en",
                f"Body {i}: {words}",
                topics,
                "test",
                quotes,
            )
            with sessions.begin() as session:
                store(session, record)


def reprint_bass(url: str) -> None:
    """A second outlet reports Bass's words a day later: one statement, two outlets, two articles."""
    words = QUOTES[3][3]
    with open_database(url) as sessions, sessions.begin() as session:
        store(
            session,
            ArticleRecord(
                "https://wire.example/bass", "Wire", "t", None, date(2025, 6, 10), "en", f"Body: {words}",
                ["immigration-enforcement"], "test", [person("Karen Bass", words, 0, "Mayor", "Los Angeles")],
            ),
        )  # fmt: skip


def found(url: str, what: str = "statements", **kwargs) -> list[list[object]]:
    with open_database(url) as sessions, sessions.begin() as session:
        return list(rows(session, what, StatementFilter(**kwargs)))


@pytest.mark.parametrize(
    ("kwargs", "speakers"),
    [
        ({}, ["Daniel Lurie", "David Chiu", "David Chiu", "José Núñez", "Karen Bass"]),
        ({"official": "Chiu"}, ["David Chiu", "David Chiu"]),
        ({"official": "Dan Lurie"}, ["Daniel Lurie"]),  # an alias from the registry
        ({"title": "mayor"}, ["Daniel Lurie", "Karen Bass"]),
        ({"jurisdiction": "Los Angeles"}, ["Karen Bass"]),
        ({"since": date(2025, 2, 1), "until": date(2025, 5, 1)}, ["David Chiu", "José Núñez"]),
        ({"topic": "immigration-enforcement"}, ["David Chiu", "Karen Bass"]),
        ({"outlet": "kqed"}, ["David Chiu"]),
        ({"search": "immigrant communities"}, ["Daniel Lurie"]),
        ({"search": "lawyers WON"}, ["David Chiu"]),
        ({"role": "mayor"}, ["Daniel Lurie", "Karen Bass"]),  # a role held on the day of the statement
        ({"role": "city attorney", "until": date(2025, 1, 31)}, ["David Chiu"]),
        ({"officials_only": True}, ["Daniel Lurie", "David Chiu", "David Chiu", "José Núñez", "Karen Bass"]),
        # One query language, the same answers on SQLite and PostgreSQL: stems, phrases, OR, exclusion,
        # prefixes, and no stop words dropped ("the" is searched like any word).
        ({"search": "communities OR lawyers"}, ["Daniel Lurie", "David Chiu"]),
        ({"search": "raid"}, ["Karen Bass"]),
        ({"search": "terrorized families"}, ["Karen Bass"]),
        ({"search": '"car washes"'}, ["Karen Bass"]),
        ({"search": '"washes car"'}, []),
        ({"search": "our -city"}, ["Daniel Lurie", "David Chiu"]),
        ({"search": "the -police"}, ["David Chiu"]),
        ({"search": "deput*"}, ["David Chiu"]),
        ({"search": 'NEAR(lawyers office) AND "'}, []),  # FTS5 syntax typed by a user is words
        ({"search": "'; DROP TABLE statements; --"}, []),
        ({"official": "%"}, []),
        ({"outlet": "_"}, []),
    ],
)
def test_filters_and_full_text_search(db_url, kwargs, speakers):
    fill(db_url)
    assert [r[1] for r in found(db_url, **kwargs)] == speakers
    assert len(found(db_url)) == 5  # nothing was dropped by a hostile filter


def test_exports_round_trip_through_csv(db_url):
    fill(db_url)
    for what in ("statements", "appearances", "articles", "officials"):
        out = io.StringIO()
        data = found(db_url, what)
        assert write_csv(out, COLUMNS[what], data) == len(data) > 0
        parsed = list(csv.reader(io.StringIO(out.getvalue())))
        assert parsed[0] == COLUMNS[what]
        assert len(parsed) == len(data) + 1
    statements = list(csv.DictReader(io.StringIO(_csv(db_url, "statements"))))
    nunez = next(r for r in statements if r["speaker"] == "José Núñez")
    assert nunez["quote"] == 'He said "=SUM(A1)" was a joke, nothing more, and we agreed.'
    assert nunez["outlets"] == 'The Bay Ledger, "fictional"'


def _csv(url: str, what: str) -> str:
    out = io.StringIO()
    write_csv(out, COLUMNS[what], found(url, what))
    return out.getvalue()


def test_export_command_file_sidecar_and_bom(db_url, tmp_path):
    fill(db_url)
    target = tmp_path / "out" / "chiu.csv"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "statements",
            "--db",
            db_url,
            "--official",
            "David Chiu",
            "--output",
            str(target),
            "--bom",
            "--mkdir",
        ],
    )
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        assert [r["speaker"] for r in csv.DictReader(fh)] == ["David Chiu", "David Chiu"]
    meta = json.loads((tmp_path / "out" / "chiu.csv.meta.json").read_text())
    assert meta["rows"] == 2 and meta["filter"] == {"official": "David Chiu"} and meta["extractor_versions"] == ["test"]
    assert not list((tmp_path / "out").glob("*partial"))


def test_export_never_follows_planted_links_and_leaves_no_temporary_file(db_url, tmp_path, monkeypatch):
    # `export` wrote through a symlink planted at <output>.partial and overwrote its target; a failed export
    # left its .partial behind; -o DIR and missing folders were tracebacks.
    fill(db_url)
    victim, victim_meta = tmp_path / "victim.txt", tmp_path / "victim-meta.txt"
    victim.write_text("keep"), victim_meta.write_text("keep too")
    target = tmp_path / "out.csv"
    (tmp_path / "out.csv.partial").symlink_to(victim)
    (tmp_path / "out.csv.meta.json").symlink_to(victim_meta)
    (tmp_path / ".out.csv.abc123.partial").write_text("left by a killed export")
    result = CliRunner().invoke(cli, ["export", "statements", "--db", db_url, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep" and victim_meta.read_text() == "keep too"
    assert target.read_text().startswith("statement_id,")
    assert not (tmp_path / "out.csv.meta.json").is_symlink()
    assert not list(tmp_path.glob(".out.csv.*"))  # the stale temporary file of the killed export is gone
    # A failure half way leaves the earlier export whole and no temporary file.
    before = target.read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("scheduler.exporting.write_csv", broken)
    failed = CliRunner().invoke(cli, ["export", "statements", "--db", db_url, "-o", str(target)])
    assert failed.exit_code == 2 and "disk full" in failed.output
    assert target.read_bytes() == before and not list(tmp_path.glob(".out.csv.*"))
    monkeypatch.undo()
    for args, message in (
        (["-o", str(tmp_path)], "is a directory"),
        (["-o", str(tmp_path / "new" / "x.csv")], "does not exist (--mkdir creates it)"),
    ):
        refused = CliRunner().invoke(cli, ["export", "statements", "--db", db_url, *args])
        assert refused.exit_code == 2 and message in refused.output
        assert "Traceback" not in refused.output
    assert not (tmp_path / "new").exists()


def test_statements_command_outputs(db_url):
    fill(db_url)
    runner = CliRunner()
    as_json = runner.invoke(cli, ["statements", "--db", db_url, "--search", "car washes", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    [row] = json.loads(as_json.output)
    assert (row["speaker"], row["outlets"]) == ("Karen Bass", ["Los Angeles Times"])  # lists are JSON arrays
    assert row["topics"] == {"immigration-enforcement": 0.5}  # scores are objects
    assert row["first_seen_at"].endswith("Z")
    lines = runner.invoke(cli, ["statements", "--db", db_url, "--format", "jsonl", "--sort", "-date", "--limit", "2"])
    assert [json.loads(line)["speaker"] for line in lines.stdout.splitlines()] == ["Karen Bass", "José Núñez"]
    assert "showing 2 of 5; --limit 0 for all" in lines.stderr  # never cut short silently
    # csv/json/jsonl give every row unless --limit says otherwise; a negative limit is a usage error.
    every = runner.invoke(cli, ["statements", "--db", db_url, "--format", "csv"])
    assert len(every.stdout.splitlines()) == 6 and not every.stderr
    assert runner.invoke(cli, ["statements", "--db", db_url, "--limit", "-1"]).exit_code == 2
    # In a pipe a table is tab-separated rows, never wrapped or cut at 80 columns.
    table = runner.invoke(cli, ["statements", "--db", db_url, "--official", "Lurie"])
    header, row = table.stdout.splitlines()
    assert header.split("\t") == ["date", "speaker", "title", "quote", "outlets"]
    assert row.split("\t")[1:3] == ["Daniel Lurie", "Mayor"]


def test_migrations_from_empty_and_from_the_previous_revision(db_url):
    engine = create_engine(db_url)
    try:
        upgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO officials (name, name_key, surname_key, kind, is_official, curated, created_at) "
                    "VALUES ('Ana Ruiz', 'ana ruiz', 'ruiz', 'person', true, false, CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO statements (uid, official_id, said_on, text, normalized, fingerprint, first_url, "
                    "first_seen_at) VALUES ('u1', 1, '2025-01-01', 'Sanctuary means trust', 'sanctuary means trust', "
                    "'f', 'https://x', CURRENT_TIMESTAMP)"
                )
            )
        # An older schema is refused until migrated, with the command that does it.
        from storage.db import make_engine
        from storage.migrate import SchemaOutOfDate

        with pytest.raises(SchemaOutOfDate, match="sanctuary-tracker db upgrade"):
            make_engine(db_url)
        result = CliRunner().invoke(cli, ["db", "upgrade", "--db", db_url])
        assert result.exit_code == 0 and "0001 -> 0009" in result.output
        assert current_revision(engine) == head_revision()
        # Rows stored before the full-text index existed are searchable after the upgrade.
        assert [r[6] for r in found(db_url, search="trust")] == ["Sanctuary means trust"]
        assert "statements" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_the_title_exported_is_the_one_held_on_the_day(session):
    from storage.export import STATEMENT_COLUMNS, statement_rows
    from storage.registry import sync_registry
    from storage.registry_file import shipped_registry

    sync_registry(session, shipped_registry())
    for day, words in (
        (date(2024, 6, 3), "We hear every neighborhood, every day."),
        (date(2025, 2, 3), "Sanctuary is the law here."),
    ):
        record = ArticleRecord(
            f"https://x.example/{day}", "X", "t", None, day, "en", words, ["x"], "test", [person("Daniel Lurie", words)]
        )
        store(session, record)
    rows = {r[5]: dict(zip(STATEMENT_COLUMNS, r, strict=True)) for r in statement_rows(session, StatementFilter())}
    # Lurie became mayor on 2025-01-08: in June 2024 he held no role the registry knows.
    assert rows[date(2025, 2, 3)]["title_on_date"] == "Mayor"
    assert rows[date(2024, 6, 3)]["title_on_date"] is None
    assert rows[date(2025, 2, 3)]["is_official"] is True
    assert {r["official_id"] for r in rows.values()} == {rows[date(2025, 2, 3)]["official_id"]}
    assert [r[1] for r in statement_rows(session, StatementFilter(role="mayor"))] == ["Daniel Lurie"]


def test_a_database_from_a_newer_version_is_named_as_such(tmp_path):
    from storage.db import make_engine
    from storage.migrate import SchemaOutOfDate

    url = f"sqlite:///{tmp_path / 't.db'}"
    make_engine(url).dispose()  # set up at this version's head
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(SchemaOutOfDate, match="newer version of the tracker"):
        make_engine(url)
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", url])
    assert result.exit_code == 2 and "newer version" in result.output


def test_the_research_views_agree_with_the_exports(db_url):
    fill(db_url)
    reprint_bass(db_url)
    exported = {r[0]: dict(zip(COLUMNS["statements"], r, strict=True)) for r in found(db_url)}
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            viewed = {r.statement_id: r for r in conn.execute(text("SELECT * FROM statement_overview"))}
            pieces = conn.execute(text("SELECT statement_id, outlet, url FROM appearance_overview")).all()
    finally:
        engine.dispose()
    assert set(viewed) == set(exported)
    for uid, row in viewed.items():
        want = exported[uid]
        assert (row.speaker, row.official_id, row.quote) == (want["speaker"], want["official_id"], want["quote"])
        assert row.title_on_date == want["title_on_date"]
        assert row.appearances == want["appearances"] and row.outlets == len(want["outlets"])
        assert sorted(json.loads(row.outlet_list)) == sorted(want["outlets"])
        assert str(row.date) == str(want["date"])
    bass = next(r for r in viewed.values() if r.speaker == "Karen Bass")
    assert (bass.outlets, bass.appearances, str(bass.first_published)) == (2, 2, "2025-06-09")
    assert bass.topics == "immigration-enforcement"
    assert sorted((uid, outlet) for uid, outlet, _ in pieces) == sorted(
        (r[0], r[9]) for r in found(db_url, "appearances")
    )


def test_a_search_that_wants_nothing_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["statements", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--search", "-policy"])
    assert result.exit_code == 2 and "at least one word that is not excluded" in result.output
