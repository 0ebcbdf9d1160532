"""Rows for exports and read commands: streamed in batches (constant memory), formula-safe CSV cells.

The columns of each export are part of the interface: add new ones at the end, never rename.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from storage.cells import cell_text, safe_cell
from storage.jurisdictions import ocd_division
from storage.models import Appearance, Article, Official, OfficialRole, Statement
from storage.queries import StatementFilter, statements_query

BATCH = 1000
# The one separator of list cells in CSV.

JURISDICTION_ID = (
    "OCD division id of the jurisdiction (ocd-division/country:us/state:ca/place:oakland); empty if unknown."
)
# Every export's columns with their type and meaning: `export KIND --describe`, the README's column
# dictionary and each export's .meta.json sidecar read this one table. New columns only go at the end.
DICTIONARY: dict[str, list[tuple[str, str, str]]] = {
    "statements": [
        ("statement_id", "text", "Stable ID of the statement; IDs of statements merged into it still resolve."),
        ("speaker", "text", "Canonical name of the official (person or organization)."),
        ("speaker_kind", "text", "person or organization."),
        ("title", "text", "The official's current title (see title_on_date for the day said)."),
        ("organization", "text", "The official's current organization."),
        ("date", "date", "Day said: the earliest day a reporting page gave; empty when none did."),
        ("quote", "text", "Canonical text: the fullest reconstruction from every piece reported."),
        ("outlets", "list", "Outlets that reported it, first reported first."),
        ("urls", "list", "Article URLs that reported it."),
        ("appearances", "integer", "Number of articles that reported it (not quote pieces)."),
        ("first_url", "text", "URL of the article it was first seen in."),
        ("first_seen_at", "timestamp", "When the tracker first stored it (UTC)."),
        ("date_precision", "text", "day, or unknown when no page gave a day."),
        ("last_date", "date", "The latest day a reporting page gave."),
        ("topics", "scores", "Topics of the statement or its paragraph, each with a score from 0 to 1."),
        ("official_id", "integer", "ID of the official (joins officials.official_id)."),
        ("is_official", "boolean", "Whether the speaker holds or held a public role."),
        ("title_on_date", "text", "Title of the role held on the day said; empty when the registry knows none."),
        ("jurisdiction", "text", "The official's jurisdiction."),
        ("external_id", "text", "The official's id in open data (bioguide:..., ocd-person/...)."),
        ("jurisdiction_id", "text", JURISDICTION_ID),
    ],
    "appearances": [
        ("statement_id", "text", "The statement this quote is a piece of (joins statements.statement_id)."),
        ("speaker", "text", "Canonical name of the statement's official."),
        ("date", "date", "The statement's day said."),
        ("quote_as_printed", "text", "The quoted words as this article printed them."),
        ("start", "integer", "Character offset of the quote (with its quote marks) in the article text."),
        ("end", "integer", "End offset of the quote in the article text."),
        ("speaker_mention", "text", "How the article named the speaker here ('Chiu', 'he')."),
        ("title_as_printed", "text", "The title the article gave the speaker."),
        ("cue", "text", "The speech verb or cue ('said', 'according to')."),
        ("outlet", "text", "The outlet of the article."),
        ("url", "text", "The article's canonical URL."),
        ("published", "date", "The article's publication day; empty when the page gave none."),
        ("original_url", "text", "For a syndicated copy, the URL of the original."),
        ("piece", "integer", "Which of the article's quoted pieces this segment belongs to."),
        ("topics", "scores", "Topics of this quote and its paragraph, with scores."),
        ("official_id", "integer", "ID of the statement's official (joins officials.official_id)."),
    ],
    "articles": [
        ("article_id", "integer", "ID of the article."),
        ("url", "text", "Canonical URL."),
        ("outlet", "text", "Outlet."),
        ("title", "text", "Headline."),
        ("author", "text", "Byline."),
        ("published", "date", "Publication day; empty when the page gave none."),
        ("language", "text", "Language code."),
        ("topics", "list", "Topics the article is about."),
        ("original_url", "text", "For a syndicated copy, the URL of the original."),
        ("statements", "integer", "Number of statements the article reports."),
        ("date_precision", "text", "day, or unknown when the page gave no day."),
        ("topic_scores", "scores", "Score of every topic with any evidence."),
    ],
    "officials": [
        ("official_id", "integer", "ID of the official."),
        ("name", "text", "Canonical name."),
        ("kind", "text", "person or organization."),
        ("title", "text", "Current title."),
        ("organization", "text", "Current organization."),
        ("jurisdiction", "text", "Jurisdiction."),
        ("source", "text", "curated (a registry) or discovered (named in articles only)."),
        ("aliases", "list", "Other printed forms of the name."),
        ("statements", "integer", "Number of matching statements."),
        ("first_statement", "date", "Day of the first matching statement."),
        ("last_statement", "date", "Day of the last matching statement."),
        ("is_official", "boolean", "Whether the speaker holds or held a public role."),
        ("external_id", "text", "Id in open data (bioguide:..., ocd-person/...)."),
        ("jurisdiction_id", "text", JURISDICTION_ID),
    ],
}
COLUMNS = {kind: [name for name, _, _ in columns] for kind, columns in DICTIONARY.items()}
STATEMENT_COLUMNS = COLUMNS["statements"]


def rows(
    session: Session, what: str, flt: StatementFilter, sort: str = "date", limit: int | None = None
) -> Iterator[list[object]]:
    """The rows of one export (`statements`, `appearances`, `articles`, `officials`) for the filter."""
    producers = {
        "statements": statement_rows,
        "appearances": appearance_rows,
        "articles": article_rows,
        "officials": official_rows,
    }
    return producers[what](session, flt, sort, limit)


def _stream(session: Session, query: Select[*tuple[Any, ...]]) -> Iterator[list[Any]]:
    """Batches of result rows, fetched BATCH at a time."""
    batch: list[Any] = []
    for row in session.execute(query.execution_options(yield_per=BATCH)):
        batch.append(tuple(row))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def statement_rows(
    session: Session, flt: StatementFilter, sort: str = "date", limit: int | None = None
) -> Iterator[list[object]]:
    """One row per statement with every outlet and URL that reported it."""
    query = statements_query(session, flt, sort)
    if limit:
        query = query.limit(limit)
    for batch in _stream(session, query):
        ids = [s.id for s, _ in batch]
        reports: dict[int, dict[str, str | None]] = defaultdict(dict)
        for statement_id, url, outlet in session.execute(
            select(Appearance.statement_id, Article.url, Article.outlet)
            .join(Article)
            .where(Appearance.statement_id.in_(ids))
            .order_by(Article.id)
        ):
            reports[statement_id].setdefault(url, outlet)
        held = _roles(session, {official.id for _, official in batch})
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
                outlets,
                list(seen),
                len(seen),
                statement.first_url,
                statement.first_seen_at,
                statement.date_precision,
                statement.last_on,
                dict(statement.topics or {}),
                official.id,
                official.is_official,
                title_on(held[official.id], statement.said_on) if held.get(official.id) else official.title,
                official.jurisdiction,
                official.external_id,
                ocd_division(official.jurisdiction),
            ]


def _roles(session: Session, official_ids: set[int]) -> dict[int, list[OfficialRole]]:
    """The roles of these officials, by official."""
    held: dict[int, list[OfficialRole]] = defaultdict(list)
    for role in session.scalars(select(OfficialRole).where(OfficialRole.official_id.in_(official_ids))):
        held[role.official_id].append(role)
    return held


def title_on(roles: list[OfficialRole], day: date | None) -> str | None:
    """The title of the role held on a day (the latest started), None when none was or the day is unknown."""
    if day is None:
        return None
    current = [r for r in roles if (r.start is None or r.start <= day) and (r.end is None or day < r.end)]
    return max(current, key=lambda r: r.start or date.min).title if current else None


def appearance_rows(
    session: Session, flt: StatementFilter, sort: str = "date", limit: int | None = None
) -> Iterator[list[object]]:
    """One row per quote occurrence: the words as printed, where, and in which article."""
    matching = statements_query(session, flt, sort).with_only_columns(Statement.id).order_by(None).subquery()
    original = aliased(Article)
    query = (
        select(Appearance, Statement, Official, Article, original.url)
        .join(Statement, Statement.id == Appearance.statement_id)
        .join(Official, Official.id == Statement.official_id)
        .join(Article, Article.id == Appearance.article_id)
        .outerjoin(original, original.id == Article.original_id)
        .where(Statement.id.in_(select(matching.c.id)))
        .order_by(Statement.said_on.asc().nulls_last(), Statement.id, Appearance.article_id, Appearance.start)
    )
    if limit:
        query = query.limit(limit)
    for batch in _stream(session, query):
        for a, s, o, article, original_url in batch:
            yield [
                s.uid,
                o.name,
                s.said_on,
                a.text,
                a.start,
                a.end,
                a.speaker_mention,
                a.title_as_printed,
                a.cue,
                article.outlet,
                article.url,
                article.published,
                original_url,
                a.piece,
                dict(a.topics or {}),
                o.id,
            ]


def article_rows(
    session: Session, flt: StatementFilter, sort: str = "date", limit: int | None = None
) -> Iterator[list[object]]:
    """One row per stored article (filtered by outlet, topic and publication dates)."""
    original = aliased(Article)
    counts = (
        select(Appearance.article_id, func.count(func.distinct(Appearance.statement_id)).label("n"))
        .group_by(Appearance.article_id)
        .subquery()
    )
    query = (
        select(Article, original.url, func.coalesce(counts.c.n, 0))
        .outerjoin(original, Article.original_id == original.id)
        .outerjoin(counts, counts.c.article_id == Article.id)
    )
    if flt.outlet:
        query = query.where(Article.outlet.ilike(f"%{flt.outlet}%"))
    if flt.topic:
        query = query.where(Article.topic_tags.contains(f",{flt.topic},", autoescape=True))
    if flt.since:
        query = query.where(Article.published >= flt.since)
    if flt.until:
        query = query.where(Article.published <= flt.until)
    query = query.order_by(Article.published.desc() if sort == "-date" else Article.published, Article.id)
    if limit:
        query = query.limit(limit)
    for batch in _stream(session, query):
        for article, original_url, n in batch:
            yield [
                article.id,
                article.url,
                article.outlet,
                article.title,
                article.author,
                article.published,
                article.language,
                list(article.topics or []),
                original_url,
                n,
                article.date_precision,
                dict(article.topic_scores or {}),
            ]


def official_rows(
    session: Session, flt: StatementFilter, sort: str = "date", limit: int | None = None
) -> Iterator[list[object]]:
    """One row per official with at least one statement matching the filter."""
    matching = (
        statements_query(session, flt)
        .with_only_columns(Statement.id, Statement.official_id, Statement.said_on)
        .order_by(None)
        .subquery()
    )
    stats = (
        select(
            matching.c.official_id,
            func.count().label("n"),
            func.min(matching.c.said_on).label("first"),
            func.max(matching.c.said_on).label("last"),
        )
        .group_by(matching.c.official_id)
        .subquery()
    )
    query = (
        select(Official, stats.c.n, stats.c.first, stats.c.last)
        .join(stats, stats.c.official_id == Official.id)
        .options(selectinload(Official.aliases))
        .order_by(stats.c.n.desc(), Official.name)
    )
    if limit:
        query = query.limit(limit)
    for batch in _stream(session, query):
        for official, n, first, last in batch:
            yield [
                official.id,
                official.name,
                official.kind,
                official.title,
                official.organization,
                official.jurisdiction,
                "curated" if official.curated else "discovered",
                [a.alias for a in official.aliases],
                n,
                first,
                last,
                official.is_official,
                official.external_id,
                ocd_division(official.jurisdiction),
            ]


def write_csv(
    out: IO[str], columns: list[str], data: Iterable[list[object]], bom: bool = False, raw: bool = False
) -> int:
    """Write a header and rows as RFC 4180 CSV with formula-safe cells (as stored with `raw`); return the
    row count."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    n = 0
    for row in data:
        writer.writerow([safe_cell(v) for v in row] if not raw else ["" if v is None else cell_text(v) for v in row])
        n += 1
    return n
