"""statements as clusters of pieces, honest dates, topic scores

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

A statement's date may be unknown (an undated page, a year-only guess); appearances record which quoted
piece of their article they belong to; identity is clustering (storage/statements.py), so the unique
key on (official, day, fingerprint) goes: two pieces with the same words are linked by the clustering,
and merging officials moves statements before they are re-linked; articles, appearances and statements
carry topic scores.
Existing appearances take their statement's ID as their piece, so each article's pieces stay as they
were grouped; `sanctuary-tracker reprocess` re-links them with the new identity rules.
"""

import sqlalchemy as sa
from alembic import op

# Rebuilding `statements` on SQLite drops its triggers: the full-text index of 0002 needs them back.
SQLITE_FTS_TRIGGERS = [
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN "
    "INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
]

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("date_precision", sa.String(8), nullable=False, server_default="day"))
        batch.add_column(sa.Column("topic_scores", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("statements_official_id_said_on_fingerprint_key", "statements", type_="unique")
        unnamed = {}
    else:
        # SQLite reflects the constraint without a name; the convention gives it one to drop.
        unnamed = {"naming_convention": {"uq": "uq_%(table_name)s_%(column_0_name)s"}}
    with op.batch_alter_table("statements", **unnamed) as batch:  # type: ignore[arg-type]
        if unnamed:
            batch.drop_constraint("uq_statements_official_id", type_="unique")
        batch.alter_column("said_on", existing_type=sa.Date(), nullable=True)
        batch.add_column(sa.Column("last_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("date_precision", sa.String(8), nullable=False, server_default="day"))
        batch.add_column(sa.Column("topics", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("topic_tags", sa.String(500), nullable=False, server_default=""))
    with op.batch_alter_table("appearances") as batch:
        batch.add_column(sa.Column("piece", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("topics", sa.JSON(), nullable=True))
    if unnamed:
        for statement in SQLITE_FTS_TRIGGERS:
            op.execute(statement)
    op.execute("UPDATE statements SET last_on = said_on")
    op.execute("UPDATE appearances SET piece = statement_id")


def downgrade() -> None:
    with op.batch_alter_table("appearances") as batch:
        batch.drop_column("topics")
        batch.drop_column("piece")
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("topic_tags")
        batch.drop_column("topics")
        batch.drop_column("date_precision")
        batch.drop_column("last_on")
        batch.alter_column("said_on", existing_type=sa.Date(), nullable=False)
        batch.create_unique_constraint("uq_statements_official_id", ["official_id", "said_on", "fingerprint"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FTS_TRIGGERS:
            op.execute(statement)
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("topic_scores")
        batch.drop_column("date_precision")
