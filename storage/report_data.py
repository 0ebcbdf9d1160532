"""What `sanctuary-tracker report` plots, read from the database as plain rows: one per matching statement
and one per source per crawl. The caller owns the session."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Appearance, Article, CrawlRun, Official, SourceRun, Statement
from storage.queries import StatementFilter, statements_query

BATCH = 1000


@dataclass(frozen=True, slots=True)
class StatementPoint:
    """One statement as the report counts it."""

    said_on: date | None
    official_id: int
    official: str
    topics: tuple[str, ...]
    outlets: int
    articles: int


@dataclass(frozen=True, slots=True)
class SourceRunPoint:
    """How one source fared in one finished crawl."""

    started_at: datetime
    source: str
    pages: int
    errors: int
    articles_new: int


def statement_points(session: Session, flt: StatementFilter) -> list[StatementPoint]:
    """Every statement matching the filter, with the outlets and articles that reported it."""
    matching = statements_query(session, flt).order_by(None)
    out: list[StatementPoint] = []
    rows = session.execute(
        matching.with_only_columns(Statement.id, Statement.said_on, Statement.topic_tags, Official.id, Official.name)
    ).all()
    reach = _reach(session, [row[0] for row in rows])
    for statement_id, said_on, tags, official_id, name in rows:
        outlets, articles = reach.get(statement_id, (0, 0))
        topics = tuple(t for t in (tags or "").split(",") if t)
        out.append(StatementPoint(said_on, official_id, name, topics, outlets, articles))
    return out


def _reach(session: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    """Statement ID -> (distinct outlets, distinct articles) that reported it."""
    reach: dict[int, tuple[int, int]] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for statement_id, outlets, articles in session.execute(
            select(
                Appearance.statement_id,
                func.count(func.distinct(Article.outlet)),
                func.count(func.distinct(Appearance.article_id)),
            )
            .join(Article, Article.id == Appearance.article_id)
            .where(Appearance.statement_id.in_(chunk))
            .group_by(Appearance.statement_id)
        ):
            reach[statement_id] = (outlets, articles)
    return reach


def source_run_points(session: Session, since: date | None = None, until: date | None = None) -> list[SourceRunPoint]:
    """Each source's record in each finished crawl started between the days given (inclusive)."""
    query = (
        select(SourceRun, CrawlRun.started_at)
        .join(CrawlRun, CrawlRun.id == SourceRun.run_id)
        .where(CrawlRun.status != "running")
        .order_by(CrawlRun.started_at, SourceRun.source)
    )
    if since:
        query = query.where(CrawlRun.started_at >= datetime.combine(since, datetime.min.time()))
    if until:
        query = query.where(CrawlRun.started_at < datetime.combine(until, datetime.max.time()))
    return [
        SourceRunPoint(started, run.source, run.pages, run.errors, run.articles_new)
        for run, started in session.execute(query)
    ]
