"""SQLAlchemy 2 typed models: sources, pages, articles, officials, statements, appearances, crawl runs."""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.search import search_text


def utcnow() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every table."""

    type_annotation_map = {datetime: DateTime(timezone=True)}


class Source(Base):
    """A configured source; the config file is the truth, this row is for joins and health."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))


class Page(Base):
    """A fetched page with its raw HTML (zlib-compressed), so re-extraction needs no recrawl."""

    __tablename__ = "pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    status: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))
    html: Mapped[bytes] = mapped_column(LargeBinary)
    outcome: Mapped[str] = mapped_column(String(40))


class Article(Base):
    """An extracted article; syndicated copies point to the original."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id"))
    outlet: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    # "day" when the page gave a day; "unknown" when it gave none, or only a year or an implausible date.
    date_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    language: Mapped[str | None] = mapped_column(String(12))
    text: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    simhash: Mapped[str | None] = mapped_column(String(16))
    original_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The topics again as ",a,b,": filterable with LIKE on SQLite and PostgreSQL alike.
    topic_tags: Mapped[str] = mapped_column(String(500), default="")
    # How strongly the article is about each topic (0-1), whether or not it passed the gate.
    topic_scores: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    extractor_version: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Official(Base):
    """A speaker: a person or an organisation, curated or discovered in articles."""

    __tablename__ = "officials"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    surname_key: Mapped[str] = mapped_column(String(120), index=True, default="")
    kind: Mapped[str] = mapped_column(String(20))
    is_official: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str | None] = mapped_column(String(300))
    organization: Mapped[str | None] = mapped_column(String(300))
    jurisdiction: Mapped[str | None] = mapped_column(String(300))
    curated: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where a registry official comes from ("curated", "congress-legislators", "openstates"), and its id there.
    source: Mapped[str | None] = mapped_column(String(40))
    external_id: Mapped[str | None] = mapped_column(String(120), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    aliases: Mapped[list["OfficialAlias"]] = relationship(back_populates="official", cascade="all, delete-orphan")
    roles: Mapped[list["OfficialRole"]] = relationship(back_populates="official", cascade="all, delete-orphan")


class OfficialAlias(Base):
    """Another way an official's name is printed."""

    __tablename__ = "official_aliases"
    __table_args__ = (UniqueConstraint("official_id", "alias_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    official: Mapped[Official] = relationship(back_populates="aliases")


class OfficialRole(Base):
    """A title an official held, scoped in time."""

    __tablename__ = "official_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str | None] = mapped_column(String(300))
    jurisdiction: Mapped[str | None] = mapped_column(String(300))
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    curated: Mapped[bool] = mapped_column(Boolean, default=False)
    official: Mapped[Official] = relationship(back_populates="roles")


class Statement(Base):
    """One thing one official said on one occasion, however many outlets reported it, in however many pieces.

    `said_on` is the earliest day an appearance gives (None when no page gave a day), `last_on` the latest.
    """

    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_official_date", "official_id", "said_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id"))
    said_on: Mapped[date | None] = mapped_column(Date)
    last_on: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    text: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    first_url: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Topics of the statement's words or their paragraphs, best score over its appearances.
    topics: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    topic_tags: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # The text's words as the full-text index holds them (storage/search.py), kept with the text.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    official: Mapped[Official] = relationship()


class StatementAlias(Base):
    """The ID of a statement that was merged into another, so the old ID still resolves."""

    __tablename__ = "statement_aliases"
    uid: Mapped[str] = mapped_column(String(40), primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id"), index=True)


class Appearance(Base):
    """One occurrence of a statement's words in an article, as printed there."""

    __tablename__ = "appearances"
    __table_args__ = (
        UniqueConstraint("article_id", "start"),
        # Statement identity counts a statement's equal pieces on this index alone (storage/statements.py).
        Index("ix_appearances_statement_piece", "statement_id", "piece_digest", "article_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    # Which of the article's quoted pieces this segment belongs to (segments split by attribution share it).
    piece: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(300))
    speaker_mention: Mapped[str | None] = mapped_column(String(300))
    title_as_printed: Mapped[str | None] = mapped_column(String(300))
    cue: Mapped[str | None] = mapped_column(String(60))
    # Topics of the quote and its paragraph.
    topics: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    # The same for every segment of a piece, and equal only for pieces with the same segments, topics and
    # day (`storage.statements.piece_digest`): statement identity reads one of many equal reprints.
    piece_digest: Mapped[str] = mapped_column(String(32))


class RunCounts:
    """When a crawl (or one process of a distributed crawl) ran, how it ended, what it fetched and added,
    and its errors by kind."""

    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20), default="running")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(Integer, default=0)
    articles_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    off_topic: Mapped[int] = mapped_column(Integer, default=0)
    statements_new: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    error_kinds: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class CrawlRun(RunCounts, Base):
    """One crawl: what it asked for, how it went, and what it added."""

    __tablename__ = "crawl_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    pid: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str | None] = mapped_column(String(200))
    # The Redis frontier of a distributed run (password left out); empty for a crawl by one process.
    frontier: Mapped[str | None] = mapped_column(String(300))


class CrawlWorker(RunCounts, Base):
    """One process's part in a distributed run: what it fetched and stored, how it ended. The run's
    counts and its source rows are the sums of its workers'."""

    __tablename__ = "crawl_workers"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    # seed (queued the first requests), fetch, or seed+fetch
    role: Mapped[str] = mapped_column(String(20))
    # source name -> its counts (found, pages, articles_new, statements_new, errors, challenges)
    per_source: Mapped[dict[str, dict[str, int]]] = mapped_column(JSON, default=dict)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    cpu_seconds: Mapped[float] = mapped_column(Float, default=0.0)


class SourceRun(Base):
    """How one source fared in one crawl: the basis of its health."""

    __tablename__ = "source_runs"
    __table_args__ = (Index("ix_source_runs_source_run", "source", "run_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    source: Mapped[str] = mapped_column(String(200))
    # Article links the source offered this run, whether fetched now, by another source, or before.
    found: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    statements_new: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    challenges: Mapped[int] = mapped_column(Integer, default=0)


@event.listens_for(Statement, "before_insert")
@event.listens_for(Statement, "before_update")
def _index_words(_mapper: Any, _connection: Any, statement: Statement) -> None:
    """Whenever a statement's text is written, its search words are written with it."""
    statement.search_text = search_text(statement.text or "")
