"""officials record the open-data source and id they were imported from

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

`sanctuary-tracker officials import` matches people by their id in congress-legislators (bioguide) or
OpenStates (OCD person id), so two people of one name in different states stay two.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officials") as batch:
        batch.add_column(sa.Column("source", sa.String(40), nullable=True))
        batch.add_column(sa.Column("external_id", sa.String(120), nullable=True))
        batch.create_index("ix_officials_external_id", ["external_id"], unique=False)
    op.execute("UPDATE officials SET source = 'curated' WHERE curated")


def downgrade() -> None:
    with op.batch_alter_table("officials") as batch:
        batch.drop_index("ix_officials_external_id")
        batch.drop_column("external_id")
        batch.drop_column("source")
