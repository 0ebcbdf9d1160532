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

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE statements_fts USING fts5(text, search_text, content='statements', content_rowid='id')",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts(rowid, text, search_text) VALUES (new.id, new.text, new.search_text); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text, search_text) "
    "VALUES ('delete', old.id, old.text, old.search_text); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF text, search_text ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text, search_text) "
    "VALUES ('delete', old.id, old.text, old.search_text); "
    "INSERT INTO statements_fts(rowid, text, search_text) VALUES (new.id, new.text, new.search_text); END",
]
SQLITE_OLD_FTS = [
    "CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id')",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
]
REBUILD = "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')"
SQLITE_DROP_FTS = [
    "DROP TRIGGER statements_fts_update",
    "DROP TRIGGER statements_fts_delete",
    "DROP TRIGGER statements_fts_insert",
    "DROP TABLE statements_fts",
]


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
    if bind.dialect.name == "sqlite":
        for statement in [
            *SQLITE_DROP_FTS,
            *SQLITE_FTS,
            "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
        ]:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX ix_statements_text_search")
        op.execute("CREATE INDEX ix_statements_search ON statements USING gin (to_tsvector('simple', search_text))")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in [
            *SQLITE_DROP_FTS,
            *SQLITE_OLD_FTS,
            "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
        ]:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX ix_statements_search")
        op.execute("CREATE INDEX ix_statements_text_search ON statements USING gin (to_tsvector('english', text))")
    op.drop_column("statements", "search_text")
