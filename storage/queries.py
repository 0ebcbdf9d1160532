"""Queries researchers run: statements (and their appearances, articles, officials) by filters and text.

Every function takes a Session and leaves the transaction to the caller. Filters are bound parameters,
never text pasted into SQL; the full-text query is passed to FTS5 / PostgreSQL as a quoted phrase list.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from storage.models import Appearance, Article, Official, OfficialAlias, OfficialRole, Statement
from storage.normalize import name_key
from storage.search import fts5_query, parse_query, tsquery

SORTS = ("date", "-date", "official", "reports")


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """What a researcher asks for; every field is optional."""

    official: str | None = None
    title: str | None = None
    organization: str | None = None
    jurisdiction: str | None = None
    since: date | None = None
    until: date | None = None
    topic: str | None = None
    outlet: str | None = None
    search: str | None = None
    # Only speakers holding or having held a public role (registry people, titled speakers).
    officials_only: bool = False
    # A role title (e.g. "senator") the speaker held on the day of the statement.
    role: str | None = None


def official_ids(session: Session, ref: str) -> list[int]:
    """IDs of officials a name or alias refers to (exact key first, then names containing the text)."""
    key = name_key(ref)
    if not key:
        return []
    ids = set(session.scalars(select(Official.id).where(Official.name_key == key)))
    ids |= set(session.scalars(select(OfficialAlias.official_id).where(OfficialAlias.alias_key == key)))
    if not ids:
        ids = set(session.scalars(select(Official.id).where(Official.name_key.contains(key, autoescape=True))))
    return sorted(ids)


def statements_query(session: Session, flt: StatementFilter, sort: str = "date") -> Select[Statement, Official]:
    """A SELECT of (Statement, Official) rows matching the filter, sorted."""
    query = select(Statement, Official).join(Official, Official.id == Statement.official_id)
    for condition in _conditions(session, flt):
        query = query.where(condition)
    # Undated statements go last in either direction, the same on SQLite and PostgreSQL.
    day = Statement.said_on.asc().nulls_last()
    if sort == "-date":
        query = query.order_by(Statement.said_on.desc().nulls_last(), Statement.id.desc())
    elif sort == "official":
        query = query.order_by(Official.name, day, Statement.id)
    elif sort == "reports":
        reports = (
            select(func.count(func.distinct(Appearance.article_id)))
            .where(Appearance.statement_id == Statement.id)
            .scalar_subquery()
        )
        query = query.order_by(reports.desc(), day, Statement.id)
    else:
        query = query.order_by(day, Statement.id)
    return query


def count_statements(session: Session, flt: StatementFilter) -> int:
    """How many statements match the filter."""
    matching = statements_query(session, flt).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


def _like(value: str) -> str:
    """A LIKE pattern matching the value anywhere, its own % and _ taken literally (escape: !)."""
    escaped = value.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _conditions(session: Session, flt: StatementFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.official:
        conditions.append(Statement.official_id.in_(official_ids(session, flt.official) or [-1]))
    if flt.title:
        conditions.append(Official.title.ilike(_like(flt.title), escape="!"))
    if flt.organization:
        conditions.append(Official.organization.ilike(_like(flt.organization), escape="!"))
    if flt.jurisdiction:
        conditions.append(
            or_(
                Official.jurisdiction.ilike(_like(flt.jurisdiction), escape="!"),
                Official.organization.ilike(_like(flt.jurisdiction), escape="!"),
            )
        )
    if flt.officials_only:
        conditions.append(Official.is_official.is_(True))
    if flt.role:
        held = select(OfficialRole.id).where(
            OfficialRole.official_id == Statement.official_id,
            OfficialRole.title.ilike(_like(flt.role), escape="!"),
            or_(OfficialRole.start.is_(None), Statement.said_on.is_(None), OfficialRole.start <= Statement.said_on),
            or_(OfficialRole.end.is_(None), Statement.said_on.is_(None), OfficialRole.end > Statement.said_on),
        )
        conditions.append(exists(held))
    if flt.since:
        conditions.append(Statement.said_on >= flt.since)
    if flt.until:
        conditions.append(Statement.said_on <= flt.until)
    if flt.topic:
        # The statement's own topics: its words or their paragraph, not whatever else its article covers.
        conditions.append(Statement.topic_tags.like(_like(f",{flt.topic},"), escape="!"))
    if flt.outlet:
        reported = (
            select(Appearance.id)
            .join(Article)
            .where(Appearance.statement_id == Statement.id, Article.outlet.ilike(_like(flt.outlet), escape="!"))
        )
        conditions.append(exists(reported))
    if flt.search:
        conditions.append(_text_match(session, flt.search))
    return conditions


def _text_match(session: Session, search: str) -> ColumnElement[bool]:
    """Full-text search in the query language of storage/search.py, the same on both databases."""
    clauses = parse_query(search)
    if session.get_bind().dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'"), Statement.search_text)
        return vector.bool_op("@@")(func.to_tsquery(literal_column("'simple'"), tsquery(clauses)))
    matching: Select[Any] = (
        select(literal_column("rowid"))
        .select_from(text("statements_fts"))
        .where(text("statements_fts MATCH :fts").bindparams(fts=fts5_query(clauses)))
    )
    return Statement.id.in_(matching)
