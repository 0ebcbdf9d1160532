"""Datasette metadata for a tracker database: titles, column descriptions, full-text search on the
statements and their view, and the canned queries researchers ask first. Pure: a dict for one database."""

from typing import Any

from storage.views import VIEW_DICTIONARY

# Canned queries (SQLite SQL over the research views); `:name` parameters become form fields.
CANNED_QUERIES: dict[str, dict[str, str]] = {
    "statements_by_official": {
        "title": "Statements by official",
        "description": "Every statement of the officials whose name or alias contains the text given.",
        "sql": """SELECT statement_id, date, speaker, title_on_date, quote, outlets, appearances, first_url
FROM statement_overview
WHERE official_id IN (
  SELECT id FROM officials WHERE name LIKE '%' || :official || '%'
  UNION SELECT official_id FROM official_aliases WHERE alias LIKE '%' || :official || '%'
)
ORDER BY date DESC""",
    },
    "statements_by_week": {
        "title": "Statements by week",
        "description": "Statements, officials and reporting articles per week (weeks start on Monday).",
        "sql": """SELECT date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days') AS week_of,
  COUNT(*) AS statements, COUNT(DISTINCT official_id) AS officials, SUM(appearances) AS appearances
FROM statement_overview
WHERE date IS NOT NULL
GROUP BY week_of
ORDER BY week_of DESC""",
    },
    "statements_by_outlet": {
        "title": "Statements by outlet",
        "description": "How many statements, articles and officials each outlet reported, and when.",
        "sql": """SELECT outlet, COUNT(DISTINCT statement_id) AS statements, COUNT(DISTINCT article_id) AS articles,
  COUNT(DISTINCT official_id) AS officials, MIN(published) AS first_published, MAX(published) AS last_published
FROM appearance_overview
GROUP BY outlet
ORDER BY statements DESC, outlet""",
    },
    "statements_reported_by_several_outlets": {
        "title": "Statements reported by several outlets",
        "description": "Statements that two or more outlets reported: the ones that travelled.",
        "sql": """SELECT statement_id, date, speaker, title_on_date, quote, outlets, outlet_list, appearances,
  first_published
FROM statement_overview
WHERE outlets >= 2
ORDER BY outlets DESC, date DESC""",
    },
}

TABLE_DESCRIPTIONS = {
    "statement_overview": "One row per statement: who said it, the title held that day, and who reported it.",
    "appearance_overview": "One row per quoted piece: the words as printed, the article and the outlet.",
    "statements": "One row per statement (the canonical record; statement_overview reads easier).",
    "appearances": "Every article a statement appeared in, with the words as printed.",
    "articles": "Every stored article: its text, outlet, publication day and topics.",
    "officials": "The speakers: curated officials, imported open data and people discovered in articles.",
}
# Tables of the crawler's bookkeeping: hidden from the index, still reachable by URL and SQL.
HIDDEN_TABLES = ("pages", "alembic_version", "statement_aliases")


def datasette_metadata(database: str) -> dict[str, Any]:
    """Metadata for Datasette serving the tracker database named `database` (its file's stem)."""
    tables: dict[str, Any] = {name: {"description": about} for name, about in TABLE_DESCRIPTIONS.items()}
    for name, columns in VIEW_DICTIONARY.items():
        tables[name]["columns"] = {column: meaning for column, _, meaning in columns}
    for name in ("statements", "statement_overview"):
        tables[name].update({"fts_table": "statements_fts", "fts_pk": "id"})
    for name in HIDDEN_TABLES:
        tables[name] = {"hidden": True}
    return {
        "title": "Sanctuary Tracker",
        "description": "What officials said about sanctuary policy and immigration enforcement, "
        "who said it, when, and which outlets reported it.",
        "databases": {database: {"tables": tables, "queries": CANNED_QUERIES}},
    }
