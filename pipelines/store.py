"""Hands a finished article to storage: one transaction per article, counts kept in the crawl stats."""

import logging
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from crawler.config import db_url_from_settings
from pipelines.page_chain import PageOutcome
from storage.concurrency import in_transaction
from storage.db import make_sessionmaker, shared_engine
from storage.ingest import IngestResult, store_article, store_page
from storage.records import PageRecord

log = logging.getLogger(__name__)


class StorePipeline:
    """Stores each page, and each on-topic article with its statements, in its own transaction."""

    def __init__(self, crawler: Crawler, db_url: str) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.sessions: sessionmaker[Session] | None = None
        self.source_ids: dict[str, int | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, db_url_from_settings(crawler.settings))

    def open_spider(self) -> None:
        # The crawl's command synced the curated registry into the database before the spiders started.
        self.sessions = make_sessionmaker(shared_engine(self.db_url))

    def process_item(self, item: PageOutcome) -> PageOutcome:
        assert self.sessions is not None and self.crawler.stats is not None and item.draft is not None
        stats = self.crawler.stats
        fetched = item.draft.page
        page = PageRecord(
            fetched.url, fetched.status, fetched.body, fetched.fetched_at, fetched.source, item.compressed
        )
        record = item.record

        def store(session: Session) -> IngestResult | None:
            page_id = store_page(session, page, "article" if record else "off_topic", self.source_ids)
            return store_article(session, page_id, record, fetched.fetched_at) if record else None

        try:
            result = in_transaction(self.sessions, store)
        except SQLAlchemyError as exc:
            stats.inc_value("tracker/errors/storage")
            log.error("could not store %s: %s", fetched.url, exc)
            raise DropItem(f"storage failed for {fetched.url}") from exc
        stats.inc_value("tracker/pages_stored")
        if result is None:
            stats.inc_value("tracker/off_topic")
            raise DropItem(f"off topic: {fetched.url}")
        stats.inc_value(f"tracker/articles_{result.article}")
        stats.inc_value(f"tracker/source/{fetched.source}/articles_{result.article}")
        stats.inc_value("tracker/statements_new", result.statements_new)
        stats.inc_value(f"tracker/source/{fetched.source}/statements_new", result.statements_new)
        stats.inc_value("tracker/appearances_new", result.appearances_new)
        return item
