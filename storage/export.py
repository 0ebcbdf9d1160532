"""CSV export of statements and articles: streamed in batches, formula-safe cells."""

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from storage.models import Appearance, Article, Official, Statement

BATCH = 1000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

STATEMENT_COLUMNS = [
    "statement_id",
    "speaker",
    "speaker_kind",
    "title",
    "organization",
    "date",
    "quote",
    "outlets",
    "urls",
    "appearances",
    "first_url",
    "first_seen_at",
]
ARTICLE_COLUMNS = [
    "article_id",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "language",
    "topics",
    "original_url",
]


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will show, never run: formula-like text gets a leading apostrophe."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def statement_rows(
    session: Session, since: date | None = None, until: date | None = None, speaker: str | None = None
) -> Iterator[list[object]]:
    """One row per statement with every outlet and URL that reported it, in statement order."""
    query = select(Statement, Official).join(Official).order_by(Statement.said_on, Statement.id)
    if since:
        query = query.where(Statement.said_on >= since)
    if until:
        query = query.where(Statement.said_on <= until)
    if speaker:
        query = query.where(Official.name.ilike(f"%{speaker}%"))
    for batch in _batches(session.execute(query.execution_options(yield_per=BATCH))):
        ids = [s.id for s, _ in batch]
        reports: dict[int, dict[str, str | None]] = defaultdict(dict)
        counts: dict[int, int] = defaultdict(int)
        for statement_id, url, outlet in session.execute(
            select(Appearance.statement_id, Article.url, Article.outlet)
            .join(Article)
            .where(Appearance.statement_id.in_(ids))
            .order_by(Article.id)
        ):
            reports[statement_id].setdefault(url, outlet)
            counts[statement_id] += 1
        for statement, official in batch:
            seen = reports[statement.id]
            outlets = list(dict.fromkeys(o for o in seen.values() if o))
            yield [
                statement.uid,
                official.name,
                official.kind,
                official.title,
                official.organization,
                statement.said_on,
                statement.text,
                "; ".join(outlets),
                " ".join(seen),
                counts[statement.id],
                statement.first_url,
                statement.first_seen_at.isoformat(timespec="seconds"),
            ]


def article_rows(session: Session) -> Iterator[list[object]]:
    """One row per stored article, with the original's URL for syndicated copies."""
    original = aliased(Article)
    query = (
        select(Article, original.url)
        .outerjoin(original, Article.original_id == original.id)
        .order_by(Article.id)
        .execution_options(yield_per=BATCH)
    )
    for article, original_url in session.execute(query):
        yield [
            article.id,
            article.url,
            article.outlet,
            article.title,
            article.author,
            article.published,
            article.language,
            ";".join(article.topics or []),
            original_url,
        ]


def write_csv(out: IO[str], columns: list[str], rows: Iterable[list[object]]) -> int:
    """Write a header and rows as RFC 4180 CSV with formula-safe cells; return the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        n += 1
    return n


def _batches(result: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in result:
        batch.append(tuple(row))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
