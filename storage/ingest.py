"""Storing one fetched page and its article, quotes, officials and statements in the caller's transaction."""

import hashlib
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Appearance, Article, Page, Source
from storage.normalize import fingerprint, normalize_text
from storage.officials import find_or_add_official
from storage.records import ArticleRecord, PageRecord, QuoteRecord
from storage.statements import find_or_add_statement


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What storing one article changed: its status is "new", "updated" or "unchanged"."""

    article: str
    statements_new: int
    appearances_new: int
    officials_new: int


def store_page(session: Session, page: PageRecord, outcome: str) -> Page:
    """Insert or refresh the raw page (compressed) for a URL."""
    digest = hashlib.sha256(page.html).hexdigest()
    source_id = _source_id(session, page.source)
    row = session.scalars(select(Page).where(Page.url == page.url)).first()
    if row is None:
        row = Page(url=page.url)
        session.add(row)
    row.source_id = source_id
    row.status = page.status
    row.fetched_at = page.fetched_at
    row.outcome = outcome
    if row.sha256 != digest:
        row.sha256 = digest
        row.html = zlib.compress(page.html, 6)
    session.flush()
    return row


def stored_urls(session: Session) -> set[str]:
    """Every page URL already stored, for skipping refetches."""
    return set(session.scalars(select(Page.url)))


def store_article(session: Session, page: Page, record: ArticleRecord, seen_at: datetime) -> IngestResult:
    """Store an article with its attributed quotes; re-storing the same article changes nothing."""
    digest = fingerprint(normalize_text(record.text))
    article = session.scalars(select(Article).where(Article.url == record.url)).first()
    if article is not None and article.fingerprint == digest:
        return IngestResult("unchanged", 0, 0, 0)
    original = session.scalars(
        select(Article.id).where(Article.fingerprint == digest, Article.url != record.url).order_by(Article.id).limit(1)
    ).first()
    status = "new" if article is None else "updated"
    if article is None:
        article = Article(url=record.url)
        session.add(article)
    else:
        session.execute(delete(Appearance).where(Appearance.article_id == article.id))
    article.page_id = page.id
    article.outlet = record.outlet
    article.title = record.title
    article.author = record.author
    article.published = record.published
    article.language = record.language
    article.text = record.text
    article.fingerprint = digest
    article.original_id = original
    article.topics = record.topics
    article.extractor_version = record.extractor_version
    session.flush()

    said_on = record.published or seen_at.date()
    new_statements = new_appearances = new_officials = 0
    for segments in _statements(record.quotes):
        first = segments[0]
        official, added = find_or_add_official(
            session, first.speaker, first.speaker_kind, first.title, first.organization
        )
        new_officials += added
        words = " ".join(q.text for q in segments)
        statement, created = find_or_add_statement(session, official.id, said_on, words, record.url, seen_at)
        new_statements += created
        for q in segments:
            session.add(
                Appearance(
                    statement_id=statement.id,
                    article_id=article.id,
                    text=q.text,
                    start=q.start,
                    end=q.end,
                    speaker_mention=q.mention,
                    title_as_printed=q.title,
                    cue=q.cue,
                )
            )
            new_appearances += 1
    session.flush()
    return IngestResult(status, new_statements, new_appearances, new_officials)


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
