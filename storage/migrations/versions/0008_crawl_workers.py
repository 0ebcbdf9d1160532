"""distributed runs: the frontier of a run, and one row per worker process

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

A run spread over processes and machines through a Redis frontier records each worker's part
(`crawl_workers`); the run's counts and source rows are the sums of its workers'.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("frontier", sa.String(length=300), nullable=True))
    op.create_table(
        "crawl_workers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("crawl_runs.id"), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in (
                "pages",
                "articles_new",
                "articles_updated",
                "articles_unchanged",
                "off_topic",
                "statements_new",
                "errors",
            )
        ),
        sa.Column("error_kinds", sa.JSON(), nullable=False),
        sa.Column("per_source", sa.JSON(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("cpu_seconds", sa.Float(), nullable=False),
    )
    op.create_index("ix_crawl_workers_run_id", "crawl_workers", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_crawl_workers_run_id", table_name="crawl_workers")
    op.drop_table("crawl_workers")
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_column("frontier")
