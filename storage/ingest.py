"""Storing one fetched page and its article, quotes, officials and statements in the caller's transaction."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert
from trafilatura.deduplication import Simhash

from storage.concurrency import OFFICIAL_NAMES, lock
from storage.models import Appearance, Article, Page, Source, Statement
from storage.normalize import fingerprint, name_key, normalize_text
from storage.officials import find_or_add_official
from storage.records import ArticleRecord, PageRecord, QuoteRecord, compress_page
from storage.statements import best_scores, new_statement, piece_digest, relink, topic_tags, unreported

# Syndicated copies: simhashes at most 8 of 64 bits apart (unrelated news pages measured here stay below
# 0.80; the demo's reprinted wire story is at 0.92).
NEAR_DUP_SIMILARITY = 0.875
NEAR_DUP_CANDIDATES = 50


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing one article changed: its status is "new", "updated" or "unchanged"."""

    article: str
    statements_new: int
    appearances_new: int
    officials_new: int


def store_page(
    session: Session, page: PageRecord, outcome: str, source_ids: dict[str, int | None] | None = None
) -> int:
    """Insert or refresh the raw page (compressed) for a URL, in one statement; its row ID. `source_ids`
    caches source names' row IDs across a crawl's transactions (sources are written before a crawl starts
    and never during it)."""
    digest = hashlib.sha256(page.html).hexdigest()
    key = page.source or ""
    if source_ids is None or key not in source_ids:
        source_id = _source_id(session, page.source)
        if source_ids is not None:
            source_ids[key] = source_id
    else:
        source_id = source_ids[key]
    html = page.compressed if page.compressed is not None else compress_page(page.html)
    row = {
        "url": page.url,
        "source_id": source_id,
        "status": page.status,
        "fetched_at": page.fetched_at,
        "outcome": outcome,
        "sha256": digest,
        "html": html,
    }
    (page_id,) = session.execute(_page_upsert(session.get_bind().dialect.name), row).one()
    return page_id


@cache
def _page_upsert(dialect: str) -> ReturningInsert[int]:
    """Insert a page, or refresh the stored one of its URL; built once per dialect, so SQLAlchemy compiles
    it once."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(Page)
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[Page.url],
        set_={
            "source_id": new.source_id,
            "status": new.status,
            "fetched_at": new.fetched_at,
            "outcome": new.outcome,
            # The same bytes again are not written again.
            "html": case((Page.sha256 == new.sha256, Page.html), else_=new.html),
            "sha256": new.sha256,
        },
    ).returning(Page.id)


def stored_urls(session: Session) -> set[str]:
    """Every page URL already stored, for skipping refetches."""
    return set(session.scalars(select(Page.url)))


def store_article(session: Session, page_id: int, record: ArticleRecord, seen_at: datetime) -> IngestResult:
    """Store an article with its attributed quotes in the caller's transaction.

    Storing the same text with the same quotes again changes nothing; when the text or the quotes
    differ (a re-extraction, a better quote engine) the article's appearances are replaced, and
    statements left with no appearance at all are removed. Statement IDs otherwise never change.
    """
    normalized = normalize_text(record.text)
    text_fingerprint = fingerprint(normalized)
    article = session.scalars(select(Article).where(Article.url == record.url)).first()
    if (
        article is not None
        and article.fingerprint == text_fingerprint
        and article.published == record.published
        and (article.topic_scores or {}) == record.topic_scores
        and _same_quotes(session, article.id, record.quotes)
    ):
        return IngestResult("unchanged", 0, 0, 0)
    if article is not None and article.page_id not in (None, page_id):
        # Another page declaring this canonical URL (a print view, a truncated copy) does not replace it.
        return IngestResult("unchanged", 0, 0, 0)
    simhash = Simhash(normalized)
    stale: set[int] = set()
    status = "new" if article is None else "updated"
    if article is None:
        article = Article(url=record.url)
        session.add(article)
    else:
        stale = set(session.scalars(select(Appearance.statement_id).where(Appearance.article_id == article.id)))
        session.execute(delete(Appearance).where(Appearance.article_id == article.id))
    article.page_id = page_id
    article.outlet = record.outlet
    article.title = record.title
    article.author = record.author
    article.published = record.published
    article.date_precision = "day" if record.published else "unknown"
    article.language = record.language
    article.text = record.text
    article.fingerprint = text_fingerprint
    article.simhash = simhash.to_hex()
    article.topics = record.topics
    article.topic_tags = topic_tags(record.topics)
    article.topic_scores = record.topic_scores
    article.extractor_version = record.extractor_version
    session.flush()

    # Take every speaker's lock up front, in one order, so concurrent writers never deadlock.
    for key in sorted({name_key(q.speaker) for q in record.quotes}):
        lock(session, OFFICIAL_NAMES, key)
    new_officials = 0
    groups: list[tuple[list[QuoteRecord], Statement, str]] = []
    # Lookups need not flush the statements gathered so far; they are written together.
    with session.no_autoflush:
        for segments in _statements(record.quotes):
            first = segments[0]
            official, added = find_or_add_official(
                session, first.speaker, first.speaker_kind, first.title, first.organization, record.published
            )
            new_officials += added
            # Segments split by their attribution read as one quotation with the cut marked.
            words = " … ".join(q.text.rstrip(",") for q in segments)
            topics: dict[str, float] = {}
            for q in segments:
                topics = best_scores(topics, q.topics)
            statement = new_statement(session, official.id, words, record.url, seen_at, record.published, topics)
            piece_hash = piece_digest(((q.text, q.topics) for q in segments), record.published)
            groups.append((segments, statement, piece_hash))
    session.flush()
    appearances = [
        Appearance(
            statement_id=statement.id,
            article_id=article.id,
            piece=q.statement,
            text=q.text,
            start=q.start,
            end=q.end,
            speaker=q.speaker,
            speaker_mention=q.mention,
            title_as_printed=q.title,
            cue=q.cue,
            topics=q.topics,
            piece_digest=piece_hash,
        )
        for segments, statement, piece_hash in groups
        for q in segments
    ]
    session.add_all(appearances)
    session.flush()
    # Stale statements are re-linked too: what this article no longer says may have held others together.
    officials = {s.official_id for _, s, _ in groups}
    officials |= set(session.scalars(select(Statement.official_id).where(Statement.id.in_(stale))))
    fresh = frozenset(s.id for _, s, _ in groups)
    new_statements = relink(session, officials, [record.published], seen_at, fresh) if officials else 0
    session.flush()
    _link_copies(session, article, text_fingerprint, simhash)
    if stale:
        unreported(session, stale)
    return IngestResult(status, new_statements, len(appearances), new_officials)


def _same_quotes(session: Session, article_id: int, quotes: list[QuoteRecord]) -> bool:
    """Whether the article's stored appearances are exactly these quotes, grouped and tagged alike."""
    columns = (
        Appearance.start,
        Appearance.end,
        Appearance.text,
        Appearance.speaker,
        Appearance.speaker_mention,
        Appearance.piece,
        Appearance.topics,
    )
    stored = [tuple(row) for row in session.execute(select(*columns).where(Appearance.article_id == article_id))]
    printed = [(q.start, q.end, q.text, q.speaker, q.mention, q.statement, q.topics) for q in quotes]
    return sorted(stored, key=repr) == sorted(printed, key=repr)


def _link_copies(session: Session, article: Article, digest: str, simhash: Simhash) -> None:
    """Link an article and its copies (the same text, or nearly the same text reporting the same
    statements: a syndicated wire copy) to the one published first. Only the first article of each family
    is read (every copy points to it), so a wire story reprinted by hundreds of outlets costs what one
    reprinted twice does; near copies come from shared statements, a bounded number of them."""
    heads = set(
        session.scalars(
            select(func.coalesce(Article.original_id, Article.id))
            .where(Article.fingerprint == digest, Article.id != article.id)
            .distinct()
        )
    )
    mine = select(Appearance.statement_id).where(Appearance.article_id == article.id)
    sharing_ids = (
        select(Appearance.article_id)
        .where(Appearance.statement_id.in_(mine), Appearance.article_id != article.id)
        .distinct()
        .limit(NEAR_DUP_CANDIDATES)
    )
    near = session.execute(
        select(Article.id, Article.original_id, Article.simhash).where(
            Article.id.in_(sharing_ids), Article.simhash.is_not(None)
        )
    )
    heads |= {
        original or other
        for other, original, hashed in near
        if simhash.similarity(Simhash(existing_hash=hashed)) >= NEAR_DUP_SIMILARITY
    }
    heads.discard(article.id)
    if not heads:
        article.original_id = None
        return
    family_heads = [*session.scalars(select(Article).where(Article.id.in_(heads))), article]
    first = min(family_heads, key=lambda a: (a.published or date.max, a.id))
    merged = [a.id for a in family_heads if a is not first and a is not article]
    if merged:  # families that meet here (or an earlier copy arriving late): all point to the first now
        session.execute(
            update(Article)
            .where(or_(Article.id.in_(merged), Article.original_id.in_(merged)), Article.id != first.id)
            .values(original_id=first.id),
            execution_options={"synchronize_session": "fetch"},
        )
    article.original_id = None if first is article else first.id


def _statements(quotes: list[QuoteRecord]) -> list[list[QuoteRecord]]:
    groups: dict[int, list[QuoteRecord]] = defaultdict(list)
    for q in quotes:
        groups[q.statement].append(q)
    return [sorted(g, key=lambda q: q.start) for _, g in sorted(groups.items())]


def _source_id(session: Session, name: str | None) -> int | None:
    if name is None:
        return None
    return session.scalars(select(Source.id).where(Source.name == name)).first()


def sync_sources(session: Session, sources: list[tuple[str, str, str | None, str | None]]) -> None:
    """Make the sources table match the config: (name, kind, url, outlet) per source."""
    existing = {s.name: s for s in session.scalars(select(Source))}
    for name, kind, url, outlet in sources:
        row = existing.get(name) or Source(name=name)
        row.kind, row.url, row.outlet = kind, url, outlet
        session.add(row)
