"""Officials and statement identity: one statement, every outlet that reported it, stable IDs."""

from datetime import date

from sqlalchemy import select

from storage.models import Appearance, Article, Official, Statement, StatementAlias
from storage.officials import add_alias, find_officials, find_or_add_official, merge_officials
from storage.registry import sync_registry
from storage.registry_file import parse_registry, shipped_registry
from tests.test_storage import article, count, quote, store

CHIU_1 = "Our policy simply says you cannot deputize local law enforcement as ICE agents."


def person(
    speaker: str,
    text: str,
    statement: int = 0,
    title: str | None = None,
    org: str | None = None,
    start=0,
    topics: dict[str, float] | None = None,
):
    from storage.records import QuoteRecord

    return QuoteRecord(
        text, start, start + len(text) + 2, statement, speaker, "person", speaker, title, org, "said", topics or {}
    )


def test_three_outlets_punctuation_cut_and_late_date_make_one_statement(session):
    store(session, article("https://a.example/1", [quote(CHIU_1, 0)]))
    store(
        session,
        article(
            "https://b.example/2",
            [quote("“Our policy simply says: you cannot deputize local law-enforcement as ICE agents”", 0)],
        ),
    )
    store(
        session,
        article(
            "https://c.example/3",
            [quote("Our policy says you cannot deputize local law enforcement", 0)],
            published=date(2025, 1, 29),
        ),
    )
    [statement] = session.scalars(select(Statement)).all()
    assert count(session, Appearance) == 3
    assert statement.said_on == date(2025, 1, 28)
    assert statement.first_url == "https://a.example/1"
    reporters = session.scalars(select(Article.url).join(Appearance).where(Appearance.statement_id == statement.id))
    assert sorted(reporters) == ["https://a.example/1", "https://b.example/2", "https://c.example/3"]


def test_fuller_version_becomes_canonical_and_the_id_stays(session):
    store(
        session, article("https://a.example/1", [quote("you cannot deputize local law enforcement as ICE agents", 0)])
    )
    uid = session.scalars(select(Statement.uid)).one()
    store(session, article("https://b.example/2", [quote(CHIU_1, 0)]))
    statement = session.scalars(select(Statement)).one()
    assert statement.uid == uid
    assert statement.text == CHIU_1


def test_negation_is_not_a_light_edit(session):
    store(
        session,
        article("https://a.example/1", [quote("We will comply with every federal detainer request we get.", 0)]),
    )
    store(
        session,
        article("https://b.example/2", [quote("We will not comply with every federal detainer request we get.", 0)]),
    )
    assert count(session, Statement) == 2


def test_registry_sync_is_idempotent_and_curated(session):
    entries = shipped_registry()
    assert sync_registry(session, entries) == len(entries)
    assert sync_registry(session, entries) == 0
    lurie = find_officials(session, "Dan Lurie")
    assert [o.name for o in lurie] == ["Daniel Lurie"]
    assert lurie[0].curated and lurie[0].title == "Mayor"
    assert {r.title for r in lurie[0].roles} == {"Mayor"}


def test_surnames_resolve_by_role_and_never_merge_namesakes(session):
    sync_registry(session, shipped_registry())
    chief, _ = find_or_add_official(
        session, "Scott", "person", "Chief", "San Francisco Police Department", date(2025, 1, 28)
    )
    senator, _ = find_or_add_official(session, "Scott", "person", "Sen.", "Florida", date(2025, 1, 28))
    bare, added = find_or_add_official(session, "Scott", "person", None, None, date(2025, 1, 28))
    assert chief.name == "Bill Scott"
    assert senator.name == "Rick Scott"
    assert added and bare.name == "Scott" and not bare.curated
    mayor, _ = find_or_add_official(session, "Lurie", "person", "Mayor", "San Francisco", date(2025, 2, 1))
    assert mayor.name == "Daniel Lurie"
    # Before Lurie took office the mayor of San Francisco was someone else: no match on role dates.
    earlier, added = find_or_add_official(session, "Lurie", "person", "Mayor", "San Francisco", date(2024, 6, 1))
    assert added and earlier.name == "Lurie"


def test_two_scotts_quoted_the_same_day_stay_apart(session):
    sync_registry(session, shipped_registry())
    words = "The department does not assist in immigration raids of any kind."
    store(
        session,
        article(
            "https://a.example/1",
            [
                person("Bill Scott", words, 0, "Police Chief", "San Francisco Police Department"),
                person("Rick Scott", words, 1, "Sen.", "Florida", start=200),
            ],
        ),
    )
    names = set(session.scalars(select(Official.name).join(Statement)))
    assert names == {"Bill Scott", "Rick Scott"}


def test_discovered_speakers_keep_the_title_as_printed(session):
    sync_registry(session, shipped_registry())
    store(
        session,
        article(
            "https://a.example/1",
            [person("Elena Marsh", "Our sanctuary policy is about trust between neighbors.", 0, "Mayor", "Harborview")],
        ),
    )
    marsh = session.scalars(select(Official).where(Official.name == "Elena Marsh")).one()
    assert not marsh.curated and marsh.title == "Mayor"
    assert [(r.title, r.organization, r.start) for r in marsh.roles] == [("Mayor", "Harborview", date(2025, 1, 28))]


def test_merge_keeps_every_statement_and_old_ids_resolve(session):
    shared_words = "We will defend the sanctuary ordinance in every court in the land."
    store(
        session,
        article(
            "https://a.example/1",
            [
                person("D. Chiu", shared_words),
                person("D. Chiu", "A second, different statement on that day.", 1, start=200),
            ],
        ),
    )
    store(session, article("https://b.example/2", [person("David Chiu", shared_words)]))
    source = session.scalars(select(Official).where(Official.name == "D. Chiu")).one()
    target = session.scalars(select(Official).where(Official.name == "David Chiu")).one()
    old_uids = set(session.scalars(select(Statement.uid)))
    moved, joined = merge_officials(session, source, target)
    assert (moved, joined) == (1, 1)
    assert count(session, Statement) == 2 and count(session, Appearance) == 3
    surviving = set(session.scalars(select(Statement.uid)))
    retired = set(session.scalars(select(StatementAlias.uid)))
    assert surviving | retired == old_uids
    assert [o.name for o in find_officials(session, "D. Chiu")] == ["David Chiu"]


def test_alias_then_resolution(session):
    sync_registry(session, shipped_registry())
    bass = find_officials(session, "Karen Bass")[0]
    assert add_alias(session, bass, "Karen Ruth Bass")
    assert not add_alias(session, bass, "karen ruth bass")
    official, added = find_or_add_official(session, "Karen Ruth Bass", "person", None, None)
    assert official.id == bass.id and not added


def test_near_duplicate_copy_points_to_original(session):
    body = " ".join(f"Sentence {i} of the wire story about the sanctuary ordinance vote." for i in range(40))
    edited = body.replace("Sentence 7 ", "A reworded sentence seven ") + " Copyright the second outlet."
    store(session, article("https://a.example/1", [quote(CHIU_1, 0)], text=body))
    store(session, article("https://b.example/2", [quote(CHIU_1, 0)], text=edited, published=date(2025, 1, 29)))
    unrelated = " ".join(f"Line {i}: the farmers market sold {i} crates of lemons." for i in range(40))
    store(session, article("https://c.example/3", [], text=unrelated))
    originals = {url: original for url, original in session.execute(select(Article.url, Article.original_id))}
    first_id = session.scalars(select(Article.id).where(Article.url == "https://a.example/1")).one()
    assert originals == {"https://a.example/1": None, "https://b.example/2": first_id, "https://c.example/3": None}
    assert count(session, Statement) == 1


def test_registry_errors_name_the_problem():
    import pytest

    from storage.registry_file import RegistryError

    with pytest.raises(RegistryError, match="unknown key"):
        parse_registry('[[officials]]\nname = "A"\nfoo = 1\n', "r.toml")
    with pytest.raises(RegistryError, match="must be a date"):
        parse_registry('[[officials]]\nname = "A"\nroles = [{ title = "Mayor", start = "soon" }]\n', "r.toml")


def test_shipped_registry_is_sound():
    entries = shipped_registry()
    names = [e.name for e in entries]
    assert len(names) == len(set(names)) >= 30
    for e in entries:
        for r in e.roles:
            assert r.end is None or r.start is None or r.start < r.end, e.name


def test_immigration_agency_heads_resolve_with_the_title_held_that_day(session):
    from storage.export import title_on

    sync_registry(session, shipped_registry())
    ice, added = find_or_add_official(session, "Lyons", "person", "acting ICE Director", None, date(2025, 9, 3))
    assert (ice.name, added, ice.curated) == ("Todd Lyons", False, True)
    assert title_on(ice.roles, date(2025, 9, 3)) == "Acting Director"
    cbp, _ = find_or_add_official(session, "Troy Miller", "person", None, None, date(2023, 5, 1))
    assert cbp.curated and title_on(cbp.roles, date(2023, 5, 1)) == "Acting Commissioner"
    assert title_on(cbp.roles, date(2025, 6, 1)) is None  # no longer in office
    [uscis] = find_officials(session, "USCIS")
    assert uscis.kind == "organization"
