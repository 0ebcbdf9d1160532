"""source runs count the article links a source found

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

A source whose links were all fetched by another source, or were stored already, still works; health
reads `found`, not only the pages it fetched itself.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_runs") as batch:
        batch.add_column(sa.Column("found", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("source_runs") as batch:
        batch.drop_column("found")
