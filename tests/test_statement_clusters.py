"""Statement identity in the database: pieces from several outlets, in any order, on SQLite and PostgreSQL.

The speech and its speakers are fictional (Harborview, Mayor Ana Ortega, Sheriff Amos Reed).
"""

import random
from datetime import date

from sqlalchemy import select

from storage.ingest import store_article, store_page
from storage.models import Appearance, Article, Statement, StatementAlias
from storage.records import ArticleRecord, PageRecord
from tests.test_identity import person
from tests.test_storage import SEEN

A = "We will not hand our jail records to federal agents without a warrant signed by a judge."
B = "Our deputies are here to keep every neighborhood safe, whoever lives in it."
C = "If Washington wants to change that, it can take us to court and we will be there."
OTHER = "The council meets again on Tuesday to vote on the new budget for the county jail."
DAY = date(2025, 6, 9)


def record(
    url: str,
    quotes: list[tuple[str, str]],
    published: date | None = DAY,
    run: bool = False,
    title: str | None = "Mayor",
) -> ArticleRecord:
    """An article quoting (speaker, words) pairs; with `run`, its quotes are one statement split by attribution."""
    start, records = 0, []
    for n, (speaker, words) in enumerate(quotes):
        records.append(person(speaker, words, 0 if run else n, title, title and "Harborview", start=start))
        start += len(words) + 10
    return ArticleRecord(url, url.split("/")[2], "t", None, published, "en", f"body {url}", ["x"], "test", records)


ARTICLES = [
    record("https://ledger.example/1", [("Ana Ortega", f"{A} {B}"), ("Ana Ortega", OTHER)]),
    record("https://courier.example/2", [("Ana Ortega", f"{B} {C}")]),
    # A reprint two days later without a date of its own, quoting C only.
    record("https://reprints.example/3", [("Ana Ortega", C.upper())], published=None),
    # A transcript: contractions spelled out, a filler kept, the title written in full.
    record(
        "https://radio.example/4",
        [
            (
                "Ana Ortega",
                "We will not hand our jail records to, uh, federal agents without a warrant signed by a judge.",
            )
        ],
    ),
    # A short phrase lifted from B, and an elided A.
    record("https://wire.example/5", [("Ana Ortega", "keep every neighborhood safe")]),
    record(
        "https://daily.example/6",
        [("Ana Ortega", "We will not hand our jail records … without a warrant signed by a judge.")],
    ),
    # The same words from another speaker never join hers.
    record("https://sheriff.example/7", [("Amos Reed", A)]),
]


def store(session, rec: ArticleRecord) -> None:
    page_id = store_page(session, PageRecord(rec.url, 200, rec.url.encode(), SEEN, None), "article")
    store_article(session, page_id, rec, SEEN)


def partition(session) -> set[frozenset[tuple[str, int]]]:
    groups: dict[int, set[tuple[str, int]]] = {}
    for statement_id, url, start in session.execute(
        select(Appearance.statement_id, Article.url, Appearance.start).join(Article)
    ):
        groups.setdefault(statement_id, set()).add((url, start))
    return {frozenset(g) for g in groups.values()}


def test_pieces_from_every_outlet_end_as_one_statement(session):
    for rec in ARTICLES:
        store(session, rec)
    statements = session.scalars(select(Statement).order_by(Statement.id)).all()
    by_words = {s.text: s for s in statements}
    speech = by_words[f"{A} {B} {C}"]
    reporters = session.scalars(select(Article.url).join(Appearance).where(Appearance.statement_id == speech.id))
    assert sorted(set(reporters)) == sorted(a.url for a in ARTICLES[:6])
    assert speech.said_on == DAY and speech.date_precision == "day"
    assert OTHER in by_words  # her other statement that day stays apart
    assert len(statements) == 3  # the speech, the budget line, the sheriff's words


def test_the_same_pages_in_any_order_give_the_same_statements(db_url):
    from storage.db import make_engine, make_sessionmaker

    expected = None
    for seed in range(4):
        order = ARTICLES[:]
        random.Random(seed).shuffle(order)
        engine = make_engine(db_url)
        with make_sessionmaker(engine).begin() as session:
            for table in (StatementAlias, Appearance, Statement, Article):
                session.execute(table.__table__.delete())
            for rec in order:
                store(session, rec)
            found = partition(session)
        engine.dispose()
        expected = expected or found
        assert found == expected
    assert expected is not None and len(expected) == 3


def test_an_undated_page_alone_gives_an_undated_statement(session):
    store(session, record("https://reprints.example/3", [("Ana Ortega", C)], published=None))
    statement = session.scalars(select(Statement)).one()
    assert statement.said_on is None and statement.date_precision == "unknown"
    # A dated page reporting the same words dates it.
    store(session, record("https://courier.example/2", [("Ana Ortega", f"{B} {C}")]))
    statement = session.scalars(select(Statement)).one()
    assert statement.said_on == DAY and statement.date_precision == "day"


def test_a_bridge_joins_statements_and_their_ids_keep_resolving(session):
    store(session, record("https://ledger.example/1", [("Ana Ortega", A)]))
    store(session, record("https://courier.example/2", [("Ana Ortega", C)]))
    first, second = session.scalars(select(Statement).order_by(Statement.id)).all()
    ids = first.uid, second.uid
    # One article quotes A and C in one run ('"A," Ortega said. "C."'): the two are one statement.
    store(session, record("https://daily.example/6", [("Ana Ortega", A), ("Ana Ortega", C)], run=True))
    statement = session.scalars(select(Statement)).one()
    assert statement.uid == ids[0]
    assert session.scalars(select(StatementAlias.uid)).all() == [ids[1]]


def test_reprints_are_read_once_and_move_together(session):
    from storage.statements import _pieces

    # Five outlets reprint A, five reprint C, on the same day: two statements, each read as one piece.
    for n in range(5):
        store(session, record(f"https://ledger{n}.example/1", [("Ana Ortega", A)]))
        store(session, record(f"https://courier{n}.example/2", [("Ana Ortega", C)]))
    ids = session.scalars(select(Statement.id).order_by(Statement.id)).all()
    assert len(ids) == 2
    pieces = _pieces(session, list(ids))
    assert sorted((p.text, p.copies) for p in pieces.values()) == sorted([(A, 5), (C, 5)])
    assert {p.url for p in pieces.values()} == {"https://ledger0.example/1", "https://courier0.example/2"}
    # A bridge joins them: every reprint of the statement that goes moves with it, none is left behind.
    store(session, record("https://daily.example/6", [("Ana Ortega", A), ("Ana Ortega", C)], run=True))
    statement = session.scalars(select(Statement)).one()
    assert set(session.scalars(select(Appearance.statement_id))) == {statement.id}
    assert len(partition(session)) == 1
    # A reprint of one of them a day later is another piece (its day differs), still of the one statement.
    store(session, record("https://late.example/7", [("Ana Ortega", C)], published=date(2025, 6, 10)))
    assert len(_pieces(session, [statement.id])) == 4
    assert session.scalars(select(Statement)).one().last_on == date(2025, 6, 10)


def test_the_piece_digest_migration_gives_what_storing_gives(db_url):
    from alembic import command
    from sqlalchemy import inspect

    from storage.db import make_engine, make_sessionmaker
    from storage.migrate import _config

    engine = make_engine(db_url)
    with make_sessionmaker(engine).begin() as session:
        for rec in [*ARTICLES, record("https://daily.example/8", [("Ana Ortega", A), ("Ana Ortega", C)], run=True)]:
            store(session, rec)
        stored = {i: digest for i, digest in session.execute(select(Appearance.id, Appearance.piece_digest))}
        pieces = {(a, p) for a, p in session.execute(select(Appearance.article_id, Appearance.piece))}
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0008")
        assert "piece_digest" not in {c["name"] for c in inspect(connection).get_columns("appearances")}
        command.upgrade(_config(connection), "head")
    with make_sessionmaker(engine).begin() as session:
        assert {i: digest for i, digest in session.execute(select(Appearance.id, Appearance.piece_digest))} == stored
    # The segments of a piece share its digest; these pieces all differ.
    assert len(set(stored.values())) == len(pieces) < len(stored)
    engine.dispose()


def speakers_of(session) -> dict[str, set[str]]:
    from storage.models import Official

    found: dict[str, set[str]] = {}
    for text, name in session.execute(select(Statement.text, Official.name).join(Official)):
        found.setdefault(name, set()).add(text)
    return found


def test_a_surname_joins_the_full_name_and_namesakes_stay_apart(session):
    # One outlet names the speaker in full, another by surname alone: the same words are one statement,
    # under the full name; what only the surname said stays the surname's.
    store(session, record("https://ledger.example/1", [("Ana Ortega", A)]))
    # No title: nothing but the words says which Ortega this is.
    store(session, record("https://courier.example/2", [("Ortega", A), ("Ortega", OTHER)], title=None))
    assert speakers_of(session) == {"Ana Ortega": {A}, "Ortega": {OTHER}}
    # Two people of one surname known in full: "Reed" alone is neither.
    store(session, record("https://sheriff.example/3", [("Amos Reed", B)]))
    store(session, record("https://council.example/4", [("Lena Reed", C)]))
    store(session, record("https://daily.example/5", [("Reed", B)], title=None))
    assert speakers_of(session)["Reed"] == {B}


def test_undated_statements_sort_last_and_export_without_a_day(session):
    from storage.export import statement_rows
    from storage.queries import StatementFilter

    store(session, record("https://reprints.example/3", [("Ana Ortega", C)], published=None))
    store(session, record("https://ledger.example/1", [("Ana Ortega", A)]))
    for sort in ("date", "-date"):
        rows = list(statement_rows(session, StatementFilter(), sort))
        assert [(r[5], r[12]) for r in rows] == [(DAY, "day"), (None, "unknown")]


def test_a_middle_initial_is_the_same_person_when_the_words_match(session):
    store(session, record("https://ledger.example/1", [("Ana Ortega", A)]))
    store(session, record("https://courier.example/2", [("Ana M. Ortega", A), ("Ana M. Ortega", OTHER)], title=None))
    assert speakers_of(session) == {"Ana Ortega": {A}, "Ana M. Ortega": {OTHER}}


def test_reprocess_relinks_a_database_made_under_older_rules(db_url):
    from scheduler.reprocess import relink_everyone
    from storage.db import make_engine, make_sessionmaker

    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        store(session, record("https://ledger.example/1", [("Ana Ortega", f"{A} {B}")]))
        store(session, record("https://courier.example/2", [("Ana Ortega", f"{B} {C}")]))
        [statement] = session.scalars(select(Statement)).all()
        # Older rules kept the second outlet's overlapping piece as a statement of its own.
        older = Statement(
            uid="older-rules",
            official_id=statement.official_id,
            said_on=DAY,
            text=f"{B} {C}",
            normalized="x",
            fingerprint="x",
            first_url="https://courier.example/2",
        )
        session.add(older)
        session.flush()
        article = session.scalars(select(Article.id).where(Article.url == "https://courier.example/2")).one()
        session.execute(
            Appearance.__table__.update().where(Appearance.article_id == article).values(statement_id=older.id)
        )
    assert relink_everyone(sessions) == 1
    assert relink_everyone(sessions) == 0
    with sessions.begin() as session:
        statement = session.scalars(select(Statement)).one()
        assert statement.text == f"{A} {B} {C}"
        assert session.scalars(select(StatementAlias.uid)).all() == ["older-rules"]
    engine.dispose()


def test_statement_show_gives_every_piece_with_its_paragraph_and_resolves_merged_ids(tmp_path):
    import json

    from click.testing import CliRunner

    from scheduler.cli import cli
    from scheduler.database import open_database

    url = f"sqlite:///{tmp_path / 't.db'}"
    with open_database(url) as sessions, sessions.begin() as session:
        store(session, record("https://ledger.example/1", [("Ana Ortega", A)]))
        store(session, record("https://courier.example/2", [("Ana Ortega", C)]))
        first, second = session.scalars(select(Statement.uid).order_by(Statement.id)).all()
        store(session, record("https://daily.example/6", [("Ana Ortega", A), ("Ana Ortega", C)], run=True))
    shown = CliRunner().invoke(cli, ["statement", "show", second, "--db", url, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert data["statement_id"] == first  # the merged ID resolves to the statement that took it over
    assert data["speaker"]["name"] == "Ana Ortega" and data["date"] == DAY.isoformat()
    assert sorted({a["url"] for a in data["appearances"]}) == [
        "https://courier.example/2",
        "https://daily.example/6",
        "https://ledger.example/1",
    ]
    assert all(a["context"] for a in data["appearances"])
    text = CliRunner().invoke(cli, ["statement", "show", first[:8], "--db", url])
    assert text.exit_code == 0 and "4 quote(s) in 3 article(s)" in text.stdout
    missing = CliRunner().invoke(cli, ["statement", "show", "nope", "--db", url])
    assert missing.exit_code == 2 and "no statement" in missing.stderr
