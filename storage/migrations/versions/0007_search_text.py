"""full-text search on stemmed words, the same on SQLite and PostgreSQL

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Statements keep `search_text` (storage/search.py: their words, plain and stemmed). SQLite's FTS5 index
holds the statement text (for Datasette's search box) and `search_text` (for the tracker's queries);
PostgreSQL indexes `search_text` with the `simple` configuration (no stemming or stop words of its own).
Existing statements get their search_text here.
"""

import sqlalchemy as sa
from alembic import op

from storage.search import search_text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def sqlite_fts(columns: tuple[str, ...]) -> list[str]:
    """The FTS5 index of these statement columns, kept in step by triggers, and filled."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    remove = f"INSERT INTO statements_fts(statements_fts, rowid, {names}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO statements_fts(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE statements_fts USING fts5({names}, content='statements', content_rowid='id')",
        f"CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN {add} END",
        f"CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN {remove} END",
        f"CREATE TRIGGER statements_fts_update AFTER UPDATE OF {names} ON statements BEGIN {remove} {add} END",
        "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
    ]


SQLITE_DROP_FTS = [
    "DROP TRIGGER statements_fts_update",
    "DROP TRIGGER statements_fts_delete",
    "DROP TRIGGER statements_fts_insert",
    "DROP TABLE statements_fts",
]
POSTGRES_STEMMED = "CREATE INDEX ix_statements_search ON statements USING gin (to_tsvector('simple', search_text))"
POSTGRES_ENGLISH = "CREATE INDEX ix_statements_text_search ON statements USING gin (to_tsvector('english', text))"


def _reindex(sqlite: list[str], postgres: list[str]) -> None:
    statements = {"sqlite": [*SQLITE_DROP_FTS, *sqlite], "postgresql": postgres}
    for statement in statements.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("statements", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    statements = sa.table("statements", sa.column("id", sa.Integer), sa.column("text", sa.Text))
    rows = bind.execute(sa.select(statements.c.id, statements.c.text)).all()
    if rows:
        bind.execute(
            sa.text("UPDATE statements SET search_text = :search WHERE id = :id"),
            [{"id": i, "search": search_text(t)} for i, t in rows],
        )
    _reindex(sqlite_fts(("text", "search_text")), ["DROP INDEX ix_statements_text_search", POSTGRES_STEMMED])


def downgrade() -> None:
    _reindex(sqlite_fts(("text",)), ["DROP INDEX ix_statements_search", POSTGRES_ENGLISH])
    op.drop_column("statements", "search_text")
