"""Article extraction with trafilatura: text, title, author, date, site name, language, canonical URL."""

import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import Document

EXTRACTOR_VERSION = f"trafilatura-{trafilatura.__version__}"
LANG_RE = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
MIN_TEXT_CHARS = 200


class ExtractionError(ValueError):
    """The page holds no article text worth keeping."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """What extraction found in one page."""

    text: str
    title: str | None
    author: str | None
    published: date | None
    sitename: str | None
    language: str | None
    canonical_url: str | None


def extract_article(html: bytes, url: str | None = None) -> Extracted:
    """Extract the main text and metadata of an article page; raise ExtractionError when there is none."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise ExtractionError(f"extraction failed: {exc}") from exc
    if not isinstance(doc, Document) or not doc.text or len(doc.text) < MIN_TEXT_CHARS:
        raise ExtractionError("no article text found")
    return Extracted(
        text=doc.text,
        title=doc.title or None,
        author=doc.author or None,
        published=_parse_date(doc.date),
        sitename=doc.sitename or None,
        language=doc.language or _html_lang(html),
        canonical_url=doc.url or None,
    )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _html_lang(html: bytes) -> str | None:
    m = LANG_RE.search(html[:4096])
    return m.group(1).decode("ascii").lower() if m else None
