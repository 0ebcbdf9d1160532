"""views researchers query directly: statements and appearances with who, where and when

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

`statement_overview`: one row per statement with its official, the title held on the day said,
jurisdiction, how many outlets and articles reported it and the first of them. `appearance_overview`:
one row per quoted piece with its article and outlet. Both read the same on SQLite and PostgreSQL (only
the JSON list of outlets is spelled per dialect); `sanctuary-tracker serve` shows them in Datasette.
A later migration that rebuilds one of the tables they read on SQLite (batch_alter_table) must drop the
views first and create them again after.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The role held on the day said, the latest started; an official with no roles at all keeps the title
# the registry gives (as `export statements` does in title_on_date).
TITLE_ON_DATE = """CASE WHEN EXISTS (SELECT 1 FROM official_roles r0 WHERE r0.official_id = s.official_id)
    THEN (SELECT r.title FROM official_roles r
          WHERE r.official_id = s.official_id AND s.said_on IS NOT NULL
            AND (r.start IS NULL OR r.start <= s.said_on) AND (r."end" IS NULL OR s.said_on < r."end")
          ORDER BY r.start DESC NULLS LAST LIMIT 1)
    ELSE o.title END"""

OUTLET_LIST = {
    "sqlite": "json_group_array(DISTINCT ar.outlet) FILTER (WHERE ar.outlet IS NOT NULL)",
    "postgresql": "CAST(json_agg(DISTINCT ar.outlet) FILTER (WHERE ar.outlet IS NOT NULL) AS TEXT)",
}

STATEMENT_OVERVIEW = """CREATE VIEW statement_overview AS
WITH reports AS (
    SELECT ap.statement_id,
           COUNT(DISTINCT ap.article_id) AS appearances,
           COUNT(DISTINCT ar.outlet) AS outlets,
           {outlet_list} AS outlet_list,
           MIN(ar.published) AS first_published
    FROM appearances ap JOIN articles ar ON ar.id = ap.article_id
    GROUP BY ap.statement_id
)
SELECT s.id AS id,
       s.uid AS statement_id,
       s.official_id AS official_id,
       o.name AS speaker,
       o.kind AS speaker_kind,
       o.is_official AS is_official,
       {title_on_date} AS title_on_date,
       o.organization AS organization,
       o.jurisdiction AS jurisdiction,
       o.external_id AS external_id,
       s.said_on AS date,
       s.last_on AS last_date,
       s.date_precision AS date_precision,
       s.text AS quote,
       COALESCE(rep.outlets, 0) AS outlets,
       rep.outlet_list AS outlet_list,
       COALESCE(rep.appearances, 0) AS appearances,
       rep.first_published AS first_published,
       s.first_url AS first_url,
       s.first_seen_at AS first_seen_at,
       TRIM(s.topic_tags, ',') AS topics
FROM statements s
JOIN officials o ON o.id = s.official_id
LEFT JOIN reports rep ON rep.statement_id = s.id"""

APPEARANCE_OVERVIEW = """CREATE VIEW appearance_overview AS
SELECT ap.id AS id,
       s.uid AS statement_id,
       s.official_id AS official_id,
       o.name AS speaker,
       s.said_on AS date,
       ap.text AS quote_as_printed,
       ap.speaker_mention AS speaker_mention,
       ap.title_as_printed AS title_as_printed,
       ap.cue AS cue,
       ap.piece AS piece,
       ap.article_id AS article_id,
       ar.outlet AS outlet,
       ar.url AS url,
       ar.title AS headline,
       ar.published AS published,
       orig.url AS original_url
FROM appearances ap
JOIN statements s ON s.id = ap.statement_id
JOIN officials o ON o.id = s.official_id
JOIN articles ar ON ar.id = ap.article_id
LEFT JOIN articles orig ON orig.id = ar.original_id"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    outlet_list = OUTLET_LIST.get(dialect, OUTLET_LIST["postgresql"])
    op.execute(STATEMENT_OVERVIEW.format(outlet_list=outlet_list, title_on_date=TITLE_ON_DATE))
    op.execute(APPEARANCE_OVERVIEW)


def downgrade() -> None:
    op.execute("DROP VIEW appearance_overview")
    op.execute("DROP VIEW statement_overview")
