"""appearances carry their piece's digest

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Statement identity reads one of many equal reprints of a piece (same segments, topics, day and statement)
instead of every one (storage/statements.py), so a wire quote reprinted by hundreds of outlets costs what
one reprinted twice does. Existing rows get the digest of their piece. The column is added without
rebuilding the table (the research views of 0006 read it); the model declares it required, and every row
the tracker writes has it.
"""

import json
from collections import defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage.statements import piece_digest

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# Articles whose appearances are read and updated at a time (a large database is never held in memory).
ARTICLES_PER_BATCH = 2000


def upgrade() -> None:
    op.add_column("appearances", sa.Column("piece_digest", sa.String(length=32), nullable=True))
    bind = op.get_bind()
    table = sa.table("appearances", sa.column("id", sa.Integer), sa.column("piece_digest", sa.String))
    update = table.update().where(table.c.id == sa.bindparam("row_id")).values(piece_digest=sa.bindparam("digest"))
    last = bind.execute(sa.text("SELECT MAX(article_id) FROM appearances")).scalar() or 0
    for low in range(0, last + 1, ARTICLES_PER_BATCH):
        rows = bind.execute(
            sa.text(
                "SELECT ap.id, ap.article_id, ap.piece, ap.text, ap.topics, ar.published FROM appearances ap "
                "JOIN articles ar ON ar.id = ap.article_id WHERE ap.article_id >= :low AND ap.article_id < :high "
                "ORDER BY ap.article_id, ap.piece, ap.start"
            ),
            {"low": low, "high": low + ARTICLES_PER_BATCH},
        )
        segments: dict[tuple[int, int], list[tuple[int, str, Any, Any]]] = defaultdict(list)
        for row_id, article_id, index, text, topics, published in rows:
            segments[article_id, index].append((row_id, text, topics, published))
        updates = [
            {
                "row_id": row_id,
                "digest": piece_digest([(text, _topics(topics)) for _, text, topics, _ in parts], _day(parts[0][3])),
            }
            for parts in segments.values()
            for row_id, *_ in parts
        ]
        if updates:
            bind.execute(update, updates)
    op.create_index("ix_appearances_statement_piece", "appearances", ["statement_id", "piece_digest", "article_id"])


def _topics(stored: Any) -> dict[str, float]:
    """Topics as the ORM reads them (SQLite hands JSON over as text)."""
    if isinstance(stored, str):
        stored = json.loads(stored)
    return dict(stored or {})


def _day(stored: Any) -> date | None:
    """A date as the ORM reads it (SQLite hands it over as text)."""
    return date.fromisoformat(stored) if isinstance(stored, str) else stored


def downgrade() -> None:
    op.drop_index("ix_appearances_statement_piece", table_name="appearances")
    op.drop_column("appearances", "piece_digest")
