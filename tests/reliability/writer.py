"""A writer process for the concurrency tests: stores articles whose statements other writers also store."""

import sys
from datetime import UTC, date, datetime

from storage.concurrency import in_transaction
from storage.db import make_engine, make_sessionmaker
from storage.ingest import store_article, store_page
from storage.records import ArticleRecord, PageRecord, QuoteRecord

ARTICLES = 30
SPEAKERS = ["Ana Ruiz", "Tomas Reyes", "Dana Whitfield", "Lee Park"]


def statements_of(i: int) -> list[tuple[str, str]]:
    """The (speaker, words) every outlet's article number i reports."""
    return [
        (
            SPEAKERS[(i + k) % len(SPEAKERS)],
            f"Statement {(i + k) % 40} on the sanctuary ordinance and detainer requests.",
        )
        for k in range(3)
    ]


def main(db_url: str, worker: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    seen = datetime(2025, 2, 1, tzinfo=UTC)
    for i in range(ARTICLES):
        quotes = [
            QuoteRecord(
                words, k * 100, k * 100 + len(words) + 2, k, speaker, "person", speaker, "Mayor", "Harborview", "said"
            )
            for k, (speaker, words) in enumerate(statements_of(i))
        ]
        url = f"https://{worker}.example/story/{i}"
        text = f"Outlet {worker}, story {i}. " + " ".join(w for _, w in statements_of(i))
        record = ArticleRecord(
            url, worker, "t", None, date(2025, 2, 1), "en", text, ["sanctuary-policy"], "test", quotes
        )

        def work(session, url=url, text=text, record=record):
            page_id = store_page(session, PageRecord(url, 200, text.encode(), seen, None), "article")
            return store_article(session, page_id, record, seen)

        in_transaction(sessions, work)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
