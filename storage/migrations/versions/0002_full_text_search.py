"""full-text search over statement text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

SQLite: an FTS5 index kept in step with `statements` by triggers. PostgreSQL: a GIN index on the
English text-search vector of the statement text.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id')",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
    # Index what an earlier revision stored.
    "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER statements_fts_update",
    "DROP TRIGGER statements_fts_delete",
    "DROP TRIGGER statements_fts_insert",
    "DROP TABLE statements_fts",
]
POSTGRES_UP = ["CREATE INDEX ix_statements_text_search ON statements USING gin (to_tsvector('english', text))"]
POSTGRES_DOWN = ["DROP INDEX ix_statements_text_search"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else []:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, POSTGRES_DOWN)
