"""Exports stream: memory stays flat however many statements the database holds."""

import io
import tracemalloc
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from storage.db import make_engine, make_sessionmaker
from storage.export import BATCH, COLUMNS, rows, write_csv
from storage.models import Appearance, Article, Official, Statement
from storage.queries import StatementFilter

STATEMENTS = 30_000
TEXT_CHARS = 1_500  # ~45 MB of quote text: far more than the export may hold at once


class CountingSink(io.TextIOBase):
    """A text stream that counts what is written and keeps nothing."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def test_export_memory_stays_flat(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'big.db'}")
    now = datetime.now(UTC)
    filler = ("sanctuary policy means trust between neighbors and police " * 30)[:TEXT_CHARS]
    with engine.begin() as conn:
        conn.execute(
            insert(Official),
            [
                {
                    "name": "Ana Ruiz",
                    "name_key": "ana ruiz",
                    "surname_key": "ruiz",
                    "kind": "person",
                    "is_official": True,
                    "curated": False,
                    "created_at": now,
                }
            ],
        )
        conn.execute(
            insert(Article),
            [
                {
                    "url": "https://a.example/1",
                    "text": "t",
                    "fingerprint": "f",
                    "topics": [],
                    "topic_tags": "",
                    "extractor_version": "test",
                    "created_at": now,
                }
            ],
        )
        conn.execute(
            insert(Statement),
            [
                {
                    "uid": uuid.uuid4().hex,
                    "official_id": 1,
                    "said_on": date(2020, 1, 1) + timedelta(days=i % 2000),
                    "text": f"{i} {filler}",
                    "normalized": f"{i}",
                    "fingerprint": f"{i}",
                    "first_url": "https://a.example/1",
                    "first_seen_at": now,
                }
                for i in range(STATEMENTS)
            ],
        )
        conn.execute(
            insert(Appearance),
            [
                {"statement_id": i + 1, "article_id": 1, "text": "x", "start": i, "end": i + 1}
                for i in range(STATEMENTS)
            ],
        )
    sink = CountingSink()
    with make_sessionmaker(engine).begin() as session:
        tracemalloc.start()
        n = write_csv(sink, COLUMNS["statements"], rows(session, "statements", StatementFilter()))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    engine.dispose()
    assert n == STATEMENTS
    assert sink.chars > STATEMENTS * TEXT_CHARS  # the whole text went out
    # Holding everything would take well over 45 MB; a streamed export holds about BATCH rows at a time.
    assert peak < 12 * BATCH * TEXT_CHARS, f"peak {peak / 1e6:.1f} MB"
