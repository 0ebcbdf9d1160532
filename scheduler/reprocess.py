"""Re-running extraction, topics, quotes and storage over stored pages, with no network."""

import zlib
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from crawler.config import Config
from crawler.items import PageItem
from pipelines.page_chain import process_page
from pipelines.stages import topic_matcher
from pipelines.topics import TopicMatcher
from scheduler.database import open_database
from storage.concurrency import in_transaction
from storage.ingest import store_article
from storage.models import Article, Page, Source, Statement
from storage.open_registry import OpenRegistry, shipped_open_registry
from storage.registry_entry import RegistryEntry
from storage.registry_file import shipped_registry
from storage.statements import relink

BATCH = 200


def reprocess(
    db_url: str, config: Config, since: date | None = None, progress: Callable[[int, int], None] | None = None
) -> Counter[str]:
    """Re-extract every stored page (fetched on or after `since`), one transaction per page.

    Then every official's statements are re-linked under the current identity rules. Idempotent: a second
    run over the same pages reports them all unchanged and joins nothing.
    """
    matcher = topic_matcher(config)
    issuers = {s.name: s.issuer for s in config.sources}
    registry = shipped_registry()
    open_registry = shipped_open_registry()
    counts: Counter[str] = Counter()
    with open_database(db_url) as sessions:
        with sessions.begin() as session:
            query = select(Page.id).order_by(Page.id)
            if since:
                query = query.where(Page.fetched_at >= datetime.combine(since, time.min, tzinfo=UTC))
            page_ids = list(session.scalars(query))
        for done, page_id in enumerate(page_ids, 1):

            def work(session: Session, page_id: int = page_id) -> str:
                page = session.get(Page, page_id)
                assert page is not None
                return _reprocess_page(session, page, matcher, issuers, registry, open_registry)

            counts[in_transaction(sessions, work)] += 1
            if progress and (done % BATCH == 0 or done == len(page_ids)):
                progress(done, len(page_ids))
        counts["statements_joined"] = relink_everyone(sessions)
    return counts


def relink_everyone(sessions: sessionmaker[Session]) -> int:
    """Re-cluster every official's statements, one transaction per official, so a database made under
    older identity rules follows the current ones; returns how many statements were joined into others."""
    statements = select(func.count()).select_from(Statement)
    with sessions.begin() as session:
        before = session.scalar(statements) or 0
        official_ids = list(session.scalars(select(Statement.official_id).distinct().order_by(Statement.official_id)))
    for official_id in official_ids:
        in_transaction(sessions, partial(relink, official_ids=[official_id]))
    with sessions.begin() as session:
        return before - (session.scalar(statements) or 0)


def _reprocess_page(
    session: Session,
    page: Page,
    matcher: TopicMatcher,
    issuers: dict[str, str | None],
    registry: list[RegistryEntry],
    open_registry: OpenRegistry,
) -> str:
    """Run one stored page through the pipeline again; returns what happened to it."""
    html = zlib.decompress(page.html)
    source = session.get(Source, page.source_id) if page.source_id else None
    stored = session.scalars(select(Article).where(Article.page_id == page.id)).first()
    item = PageItem(
        url=page.url,
        status=page.status,
        body=html,
        source=source.name if source else "",
        outlet=(stored.outlet if stored else None) or (source.outlet if source else None),
        fetched_at=page.fetched_at,
        published_hint=stored.published if stored else None,
        issuer=issuers.get(source.name) if source else None,
    )
    outcome = process_page(item, matcher, registry, open_registry)
    if outcome.draft is None:
        return "failed"
    if outcome.record is None:
        page.outcome = "off_topic"
        return "off_topic"
    page.outcome = "article"
    result = store_article(session, page.id, outcome.record, page.fetched_at)
    return f"articles_{result.article}"
