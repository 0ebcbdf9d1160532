"""The research views (migration 0006) column by column: what `sanctuary-tracker serve` and the README
describe. Where a column means what the export column of that name means, the export's words are used."""

from storage.export import DICTIONARY

_EXPORTED = {kind: {name: (kind_, meaning) for name, kind_, meaning in cols} for kind, cols in DICTIONARY.items()}


def _as_exported(kind: str, *names: str) -> list[tuple[str, str, str]]:
    return [(name, *_EXPORTED[kind][name]) for name in names]


VIEW_DICTIONARY: dict[str, list[tuple[str, str, str]]] = {
    "statement_overview": [
        ("id", "integer", "Row ID of the statement in the statements table (the full-text index's key)."),
        *_as_exported("statements", "statement_id", "official_id", "speaker", "speaker_kind", "is_official"),
        *_as_exported("statements", "title_on_date", "organization", "jurisdiction", "external_id"),
        *_as_exported("statements", "date", "last_date", "date_precision", "quote"),
        ("outlets", "integer", "Number of distinct outlets that reported it."),
        ("outlet_list", "list", "Those outlets, as a JSON array."),
        *_as_exported("statements", "appearances"),
        ("first_published", "date", "Earliest publication day among the articles that reported it."),
        *_as_exported("statements", "first_url", "first_seen_at"),
        ("topics", "text", "Topics of the statement, comma-separated."),
    ],
    "appearance_overview": [
        ("id", "integer", "Row ID of the appearance."),
        *_as_exported("appearances", "statement_id", "official_id", "speaker", "date", "quote_as_printed"),
        *_as_exported("appearances", "speaker_mention", "title_as_printed", "cue", "piece"),
        ("article_id", "integer", "ID of the article (joins articles.id)."),
        *_as_exported("appearances", "outlet", "url"),
        ("headline", "text", "The article's headline."),
        *_as_exported("appearances", "published", "original_url"),
    ],
}
