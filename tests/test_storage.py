"""Storage: one statement per official, date and words; appearances per outlet; idempotent re-stores."""

import hashlib
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from storage.ingest import store_article, store_page
from storage.models import Appearance, Article, Official, Statement
from storage.records import ArticleRecord, PageRecord, QuoteRecord

SEEN = datetime(2025, 1, 29, 12, tzinfo=UTC)


def quote(text: str, statement: int, speaker: str = "David Chiu", start: int = 0) -> QuoteRecord:
    return QuoteRecord(
        text,
        start,
        start + len(text) + 2,
        statement,
        speaker,
        "person",
        "Chiu",
        "City Attorney",
        "San Francisco",
        "said",
    )


def article(url: str, quotes: list[QuoteRecord], published: date = date(2025, 1, 28), text: str = "") -> ArticleRecord:
    return ArticleRecord(
        url,
        "Outlet " + url[-1],
        "t",
        None,
        published,
        "en",
        text or f"body of {url}",
        ["sanctuary-policy"],
        "test",
        quotes,
    )


def store(session, record: ArticleRecord):
    page_id = store_page(session, PageRecord(record.url, 200, record.text.encode(), SEEN, None), "article")
    return store_article(session, page_id, record, SEEN)


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_restoring_the_same_article_changes_nothing(session):
    record = article("https://a.example/1", [quote("We will fight back and we will win again.", 0)])
    first = store(session, record)
    second = store(session, record)
    assert (first.article, first.statements_new) == ("new", 1)
    assert (second.article, second.statements_new, second.appearances_new) == ("unchanged", 0, 0)
    assert count(session, Statement) == 1 and count(session, Appearance) == 1


def test_same_words_across_outlets_are_one_statement(session):
    words = "Our policy simply says you cannot deputize local law enforcement as ICE agents."
    store(session, article("https://a.example/1", [quote(words, 0)]))
    store(session, article("https://b.example/2", [quote(words.upper().replace(",", ""), 0)]))
    store(
        session,
        article(
            "https://c.example/3",
            [quote("Our policy simply says you cannot deputize local law", 0)],
            published=date(2025, 1, 29),
        ),
    )
    assert count(session, Statement) == 1
    assert count(session, Appearance) == 3
    statement = session.scalars(select(Statement)).one()
    assert statement.text == words
    assert statement.first_url == "https://a.example/1"


def test_two_statements_by_one_official_on_one_day_stay_two(session):
    store(
        session,
        article(
            "https://a.example/1",
            [
                quote(
                    "Our policy simply says you cannot deputize local law enforcement as ICE agents,",
                    0,
                    start=0,
                ),
                quote("With scarce resources, we have to prioritize those resources.", 0, start=100),
                quote(
                    "Eight years ago, when Donald Trump first came into office he came after San Francisco,",
                    1,
                    start=200,
                ),
            ],
        ),
    )
    assert count(session, Statement) == 2
    assert count(session, Official) == 1
    assert count(session, Appearance) == 3


def test_different_people_same_surname_stay_apart(session):
    store(
        session,
        article(
            "https://a.example/1",
            [
                quote("The department does not assist in immigration raids.", 0, speaker="Bill Scott"),
                quote("The department does not assist in immigration raids.", 1, speaker="Rick Scott", start=100),
            ],
        ),
    )
    assert count(session, Official) == 2
    assert count(session, Statement) == 2


def test_syndicated_copy_points_to_original(session):
    text = "The same wire story printed twice, word for word."
    store(
        session,
        article("https://a.example/1", [quote("We stand with you, and you belong here today.", 0)], text=text),
    )
    store(
        session,
        article("https://b.example/2", [quote("We stand with you, and you belong here today.", 0)], text=text),
    )
    copy = session.scalars(select(Article).where(Article.url == "https://b.example/2")).one()
    original = session.scalars(select(Article).where(Article.url == "https://a.example/1")).one()
    assert copy.original_id == original.id
    assert count(session, Statement) == 1 and count(session, Appearance) == 2


def test_copies_point_to_the_first_printing_and_cost_the_same_however_many(session):
    from sqlalchemy import event

    text = "The same wire story printed word for word by every outlet that took it."
    words = "We will not turn our deputies into immigration agents, not now."
    loaded: list[int] = []

    def counting(*_args):
        loaded[-1] += 1

    event.listen(Article, "load", counting)
    try:
        for i in range(30):
            session.expunge_all()  # each article stored as by its own page's transaction: nothing cached
            loaded.append(0)
            store(session, article(f"https://o{i}.example/s", [quote(words, 0)], date(2025, 1, 10), text))
    finally:
        event.remove(Article, "load", counting)
    # Storing the 30th copy reads no more articles than storing the 3rd (it read every earlier copy before).
    assert loaded[29] == loaded[2]
    store(session, article("https://early.example/s", [quote(words, 0)], date(2025, 1, 9), text))
    rows = dict(session.execute(select(Article.url, Article.original_id)).all())
    early = session.scalars(select(Article.id).where(Article.url == "https://early.example/s")).one()
    # An earlier printing that arrives late becomes the original of every copy.
    assert rows.pop("https://early.example/s") is None and set(rows.values()) == {early}
    assert count(session, Statement) == 1


def test_a_word_for_word_reprint_months_later_points_to_the_original(session):
    # The copy shares no statement with the original (they are months apart), so only the text's fingerprint
    # can link them; storing each piece's digest once overwrote the fingerprint the link was looked up by.
    text = "The same wire story, reprinted word for word two months on."
    words = "We will not turn our deputies into immigration agents."
    store(session, article("https://a.example/1", [quote(words, 0)], published=date(2025, 1, 1), text=text))
    store(session, article("https://b.example/2", [quote(words, 0)], published=date(2025, 3, 1), text=text))
    rows = dict(session.execute(select(Article.url, Article.original_id)).all())
    original = session.scalars(select(Article.id).where(Article.url == "https://a.example/1")).one()
    assert rows == {"https://a.example/1": None, "https://b.example/2": original}
    assert count(session, Statement) == 2


def test_statements_outside_the_date_window_are_separate(session):
    words = "We will not turn our deputies into immigration agents."
    store(session, article("https://a.example/1", [quote(words, 0)], published=date(2025, 1, 1)))
    store(session, article("https://b.example/2", [quote(words, 0)], published=date(2025, 3, 1)))
    assert count(session, Statement) == 2


def test_a_page_stored_again_keeps_its_row_and_its_bytes_follow_the_fetch(db_url):
    import zlib

    from storage.db import make_engine, make_sessionmaker
    from storage.models import Page

    sessions = make_sessionmaker(make_engine(db_url))
    later = datetime(2025, 2, 1, tzinfo=UTC)

    def fetch(body: bytes, status: int, when: datetime) -> int:
        with sessions.begin() as session:
            return store_page(session, PageRecord("https://news.example/a", status, body, when, None), "off_topic")

    first = fetch(b"<html>first</html>", 200, SEEN)
    assert fetch(b"<html>first</html>", 200, later) == first
    with sessions.begin() as session:
        page = session.scalars(select(Page)).one()
        assert page.fetched_at.replace(tzinfo=UTC) == later and zlib.decompress(page.html) == b"<html>first</html>"
    assert fetch(b"<html>changed</html>", 203, later) == first
    with sessions.begin() as session:
        page = session.scalars(select(Page)).one()
        assert (page.status, zlib.decompress(page.html)) == (203, b"<html>changed</html>")
        assert page.sha256 == hashlib.sha256(b"<html>changed</html>").hexdigest()
