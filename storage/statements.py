"""Statement identity in the database: the pieces of one official's quotes clustered into statements.

A piece is what one article quotes as one statement (its segments joined with an elision). Pieces are
clustered by `storage.pieces.cluster`; the statements table follows the clusters: a statement keeps its
ID when its pieces stay together, statements whose pieces join become the oldest of them (the others'
IDs stay as aliases), and the canonical text, dates and first sighting are derived from the pieces.
"""

import hashlib
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.concurrency import OFFICIAL_STATEMENTS, lock
from storage.models import Appearance, Article, Official, Page, Statement, StatementAlias
from storage.normalize import fingerprint, normalize_text
from storage.pieces import STRONG_WINDOW, Dated, cluster, fullest, piece

# An undated page is compared with what the official said in the year before it was fetched.
UNDATED_LOOKBACK = timedelta(days=366)
PieceKey = tuple[int, int]  # (article id, the article's statement index)


@dataclass(frozen=True, slots=True)
class StoredPiece:
    """The appearances of one piece and what identity needs of them. It stands for `copies` equal pieces
    of its statement (the same digest: reprints), of which it is the first stored."""

    statement_id: int
    text: str
    said_on: date | None
    url: str
    seen_at: datetime
    topics: dict[str, float]
    digest: str
    copies: int


def piece_digest(segments: Iterable[tuple[str, Mapping[str, float] | None]], said_on: date | None) -> str:
    """The digest stored with every segment of a piece: equal for pieces made of the same segment texts
    with the same topics, reported for the same day, whichever article prints them."""
    body = json.dumps(
        [said_on.isoformat() if said_on else None, [[text, dict(topics or {})] for text, topics in segments]],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def new_statement(
    session: Session,
    official_id: int,
    text: str,
    url: str,
    seen_at: datetime,
    said_on: date | None = None,
    topics: dict[str, float] | None = None,
) -> Statement:
    """A statement for one piece, as it stands when no other piece joins it; `relink` decides where the
    piece belongs (added to the session; the caller flushes)."""
    normalized = normalize_text(text)
    topics = topics or {}
    statement = Statement(
        uid=uuid.uuid4().hex,
        official_id=official_id,
        said_on=said_on,
        last_on=said_on,
        date_precision="day" if said_on else "unknown",
        text=text,
        normalized=normalized,
        fingerprint=fingerprint(normalized),
        first_url=url,
        first_seen_at=seen_at,
        topics=topics,
        topic_tags=topic_tags(topics),
    )
    session.add(statement)
    return statement


def relink(
    session: Session,
    official_ids: Iterable[int],
    around: Iterable[date | None] | None = None,
    seen_at: datetime | None = None,
    fresh: frozenset[int] = frozenset(),
) -> int:
    """Re-cluster the pieces of these officials (each with the other forms of their name:
    `speaker_families`) and make the statements follow; returns how many of the `fresh` statements (made
    in this transaction) survive as statements of their own.

    With `around`, only statements within reach of those dates take part (what a new article can
    change); without it, every statement of the officials does (`reprocess`, merges of officials).
    """
    families = speaker_families(session, official_ids)
    members = sorted(m for family in families for m in family)
    for member in members:
        lock(session, OFFICIAL_STATEMENTS, member)
    candidates = _candidates(session, members, around, seen_at, fresh)
    pieces = _pieces(session, list(candidates))
    family_of = {m: family for family in families for m in family}
    by_family: dict[tuple[int, ...], dict[PieceKey, StoredPiece]] = defaultdict(dict)
    for key, stored in pieces.items():
        by_family[family_of[candidates[stored.statement_id].official_id]][key] = stored
    return sum(_follow(session, family, mine, candidates, fresh) for family, mine in sorted(by_family.items()))


def _follow(
    session: Session,
    family: tuple[int, ...],
    pieces: dict[PieceKey, StoredPiece],
    candidates: dict[int, Statement],
    fresh: frozenset[int],
) -> int:
    """Cluster one speaker family's pieces and make its statements follow the clusters."""
    # A statement no article reports any more is the caller's to remove, not a cluster's to take over.
    holding = {p.statement_id for p in pieces.values()}
    statements = {i: s for i, s in candidates.items() if i in holding}
    clusters = cluster([Dated(key, piece(p.text), p.said_on) for key, p in pieces.items()])
    owners = _owners(clusters, pieces, statements, fresh)
    survivors: dict[int, list[PieceKey]] = {}
    changed: set[int] = set()
    for keys, owner_id in owners:
        owner = statements.get(owner_id) if owner_id else None
        # The fullest name among the speakers of the pieces: family members after the first are bare
        # surnames of the one full name.
        speaker = min((statements[pieces[k].statement_id].official_id for k in keys), key=family.index)
        if owner is None:
            first = min((pieces[k] for k in keys), key=lambda p: (p.seen_at, p.url))
            owner = new_statement(session, speaker, first.text, first.url, first.seen_at)
            session.flush()
            statements[owner.id] = owner
            changed.add(owner.id)
        owner.official_id = speaker
        moving = [k for k in keys if pieces[k].statement_id != owner.id]
        # A statement that keeps exactly its pieces is described already (a new one by `new_statement`).
        if moving or len(keys) != sum(p.statement_id == owner.id for p in pieces.values()):
            changed.add(owner.id)
        for key in moving:
            _move(session, pieces[key], owner.id)
        survivors[owner.id] = keys
    retired = [s for s in statements.values() if s.id not in survivors]
    if retired:
        session.flush()
        for statement in retired:
            _retire(session, statement, _successor(statement.id, survivors, pieces), fresh)
    for owner_id in changed:
        _describe(statements[owner_id], [pieces[k] for k in survivors[owner_id]])
    return len(survivors.keys() & fresh)


def speaker_families(session: Session, official_ids: Iterable[int]) -> list[tuple[int, ...]]:
    """The groups of officials whose pieces may be one statement: each official alone, except that the
    forms one person's name is printed in are one family: in full with or without a middle name or
    initial ("Kristi Noem", "Kristi L. Noem") and by surname alone ("Noem"). The registry's form comes
    first, then the oldest; a statement of the family is that official's.

    Forms join only when every full name of that surname has the same given name, so namesakes (Rick
    Scott, Bill Scott) never meet through "Scott"; the words still have to match.
    """
    ids = set(official_ids)
    asked = session.execute(select(Official.id, Official.kind, Official.surname_key).where(Official.id.in_(ids)))
    surnames = {surname for _, kind, surname in asked if kind == "person" and surname}
    people: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
    for official_id, name_key, surname, curated in session.execute(
        select(Official.id, Official.name_key, Official.surname_key, Official.curated)
        .where(Official.kind == "person", Official.surname_key.in_(surnames))
        .order_by(Official.id)
    ):
        people[surname].append((official_id, name_key, curated))
    families: set[tuple[int, ...]] = set()
    placed: set[int] = set()
    for surname, named in people.items():
        full = sorted((not curated, i) for i, key, curated in named if " " in key)
        given = {key.split()[0] for _, key, _ in named if " " in key}
        if len(given) == 1 and ids & {i for i, _, _ in named}:
            family = (*(i for _, i in full), *(i for i, key, _ in named if key == surname))
            families.add(family)
            placed |= set(family)
    families |= {(i,) for i in ids - placed}
    return sorted(families)


def _candidates(
    session: Session,
    officials: list[int],
    around: Iterable[date | None] | None,
    seen_at: datetime | None,
    fresh: frozenset[int],
) -> dict[int, Statement]:
    query = select(Statement).where(Statement.official_id.in_(officials))
    if around is not None:
        windows = []
        for day in set(around):
            if day is None:
                windows.append(Statement.last_on >= (seen_at.date() if seen_at else date.today()) - UNDATED_LOOKBACK)
            else:
                windows.append((Statement.said_on <= day + STRONG_WINDOW) & (Statement.last_on >= day - STRONG_WINDOW))
        query = query.where(or_(Statement.said_on.is_(None), Statement.id.in_(fresh), *windows))
    return {s.id: s for s in session.scalars(query.order_by(Statement.id))}


def _pieces(session: Session, statement_ids: list[int]) -> dict[PieceKey, StoredPiece]:
    """The pieces of these statements, one for each set of equal ones (a wire quote reprinted by many
    outlets is read once, with its count): `cluster` treats equal pieces of one day as one anyway, and a
    statement's description depends only on which texts, days and topics it has and on its first
    sighting, which is taken among the first stored of each set."""
    # Counted on an index alone, so reprints cost a few index entries each, not a read of their rows.
    sets = session.execute(
        select(Appearance.statement_id, Appearance.piece_digest, func.count(), func.min(Appearance.article_id))
        .where(Appearance.statement_id.in_(statement_ids))
        .group_by(Appearance.statement_id, Appearance.piece_digest)
    ).all()
    first_article = {(statement_id, digest): article_id for statement_id, digest, _, article_id in sets}
    rows = session.execute(
        select(
            Appearance.article_id,
            Appearance.piece,
            Appearance.statement_id,
            Appearance.piece_digest,
            Appearance.text,
            Appearance.topics,
            Article.published,
            Article.url,
            # When the page was fetched, as `new_statement` records it; an article without its page, stored.
            func.coalesce(Page.fetched_at, Article.created_at),
        )
        .join(Article, Article.id == Appearance.article_id)
        .outerjoin(Page, Page.id == Article.page_id)
        .where(
            Appearance.statement_id.in_(statement_ids),
            Appearance.article_id.in_(sorted(set(first_article.values()))),
        )
        .order_by(Appearance.article_id, Appearance.piece, Appearance.start)
    )
    segments: dict[PieceKey, list[str]] = defaultdict(list)
    topics: dict[PieceKey, dict[str, float]] = defaultdict(dict)
    first: dict[PieceKey, StoredPiece] = {}
    chosen: dict[tuple[int, str], PieceKey] = {}
    for article_id, index, statement_id, digest, text, tags, published, url, seen_at in rows:
        key = (article_id, index)
        # The first article of a set may print the piece twice: the first of them stands for the set.
        if first_article[statement_id, digest] != article_id or chosen.setdefault((statement_id, digest), key) != key:
            continue
        segments[key].append(text.rstrip(","))
        topics[key] = best_scores(topics[key], tags or {})
        first.setdefault(key, StoredPiece(statement_id, "", published, url, seen_at, {}, digest, 0))
    copies = {(statement_id, digest): count for statement_id, digest, count, _ in sets}
    return {
        key: StoredPiece(
            p.statement_id,
            " … ".join(segments[key]),
            p.said_on,
            p.url,
            p.seen_at,
            topics[key],
            p.digest,
            copies[p.statement_id, p.digest] // len(segments[key]),
        )
        for key, p in first.items()
    }


def _move(session: Session, stored: StoredPiece, owner_id: int) -> None:
    """Move a piece's appearances, and those of the equal pieces it stands for, to another statement."""
    session.execute(
        update(Appearance)
        .where(Appearance.statement_id == stored.statement_id, Appearance.piece_digest == stored.digest)
        .values(statement_id=owner_id)
    )


def best_scores(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """Topic scores of two passages together: the higher score of each topic."""
    return {name: max(a.get(name, 0.0), b.get(name, 0.0)) for name in sorted(a.keys() | b.keys())}


def _owners(
    clusters: list[list[Hashable]],
    pieces: dict[PieceKey, StoredPiece],
    statements: dict[int, Statement],
    fresh: frozenset[int],
) -> list[tuple[list[PieceKey], int | None]]:
    """Which statement each cluster becomes: the oldest one holding its pieces, where that statement has
    most of its pieces in this cluster; a cluster left without one gets a new statement."""
    typed: list[list[PieceKey]] = [[k for k in keys if isinstance(k, tuple)] for keys in clusters]
    counts: dict[int, Counter[int]] = defaultdict(Counter)  # statement -> cluster -> its pieces there
    for n, keys in enumerate(typed):
        for k in keys:
            counts[pieces[k].statement_id][n] += pieces[k].copies
    # Each statement's home: the cluster holding most of its pieces (the first of those on a tie).
    home = {s: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for s, c in counts.items() if s in statements}
    result: list[tuple[list[PieceKey], int | None]] = []
    for n, keys in enumerate(typed):
        mine = sorted((s for s, c in home.items() if c == n), key=lambda s: (s in fresh, s))
        result.append((keys, mine[0] if mine else None))
    return result


def _successor(statement_id: int, survivors: dict[int, list[PieceKey]], pieces: dict[PieceKey, StoredPiece]) -> int:
    """The statement that took over a retired statement's pieces (its alias points there)."""
    return next(owner for owner, keys in survivors.items() if any(pieces[k].statement_id == statement_id for k in keys))


def _retire(session: Session, statement: Statement, successor: int, fresh: frozenset[int]) -> None:
    """Remove a statement whose pieces went elsewhere; an ID that was ever published keeps resolving."""
    if statement.id not in fresh:
        session.execute(
            update(StatementAlias).where(StatementAlias.statement_id == statement.id).values(statement_id=successor)
        )
        session.add(StatementAlias(uid=statement.uid, statement_id=successor))
    else:
        session.execute(delete(StatementAlias).where(StatementAlias.statement_id == statement.id))
    session.flush()
    session.delete(statement)


def _describe(statement: Statement, members: list[StoredPiece]) -> None:
    """Set a statement's text, dates and first sighting from its pieces (order-independent)."""
    text = fullest([m.text for m in members])
    days = sorted(m.said_on for m in members if m.said_on)
    first = min(members, key=lambda m: (m.seen_at, m.url))
    normalized = normalize_text(text)
    statement.text, statement.normalized, statement.fingerprint = text, normalized, fingerprint(normalized)
    statement.said_on = days[0] if days else None
    statement.last_on = days[-1] if days else None
    statement.date_precision = "day" if days else "unknown"
    statement.first_url, statement.first_seen_at = first.url, first.seen_at
    topics: dict[str, float] = {}
    for member in members:
        topics = best_scores(topics, member.topics)
    statement.topics = topics
    statement.topic_tags = topic_tags(topics)


def topic_tags(topics: Iterable[str]) -> str:
    """Topic names as ",a,b,": filterable with LIKE on SQLite and PostgreSQL alike (articles and
    statements)."""
    names = list(topics)
    return "".join(f",{t}" for t in names) + ("," if names else "")


def unreported(session: Session, statement_ids: set[int]) -> None:
    """Remove statements that no article reports any more."""
    reported = set(session.scalars(select(Appearance.statement_id).where(Appearance.statement_id.in_(statement_ids))))
    gone = statement_ids - reported
    if gone:
        session.execute(delete(StatementAlias).where(StatementAlias.statement_id.in_(gone)))
        session.execute(delete(Statement).where(Statement.id.in_(gone)))
