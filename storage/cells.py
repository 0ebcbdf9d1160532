"""Values as CSV cells: ISO 8601 timestamps in UTC, lists joined, topic scores in one cell, and formula-like
text neutralised so a spreadsheet shows it and never runs it. No database imports: the `quotes` command
writes CSV with these too."""

from datetime import UTC, date, datetime

# The separator of list values (outlets, topics) inside one CSV cell.
LIST_SEPARATOR = "; "
# Text a spreadsheet would read as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will show, never run: formula-like text gets a leading apostrophe."""
    if value is None:
        return ""
    text = cell_text(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def cell_text(value: object) -> str:
    """A value as a CSV cell: timestamps in UTC as ISO 8601 with Z (a naive one was stored as UTC), days
    as YYYY-MM-DD, lists joined with LIST_SEPARATOR, topic scores as "topic=score; ..." (JSON keeps lists
    as arrays and scores as objects)."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return scores_cell(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def scores_cell(scores: dict[str, float] | None) -> str:
    """Topic scores in one cell: "immigration-enforcement=0.75; sanctuary-policy=0.5"."""
    return "; ".join(f"{name}={value:g}" for name, value in sorted((scores or {}).items()))
