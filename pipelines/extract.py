"""Article extraction with trafilatura: text, title, author, date, site name, language, canonical URL."""

import codecs
import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import Document

EXTRACTOR_VERSION = f"trafilatura-{trafilatura.__version__}"
LANG_RE = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# As browsers do (WHATWG encoding standard): these labels mean windows-1252.
WINDOWS_1252_LABELS = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "cp819"}
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


def decode_html(body: bytes, declared: str | None = None) -> str:
    """The page as text: a byte-order mark, else the declared charset (HTTP header, then meta tag) if the
    bytes fit it, else UTF-8 if they fit, else windows-1252 (what a mislabelled Western page usually is)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace")
    meta = META_CHARSET_RE.search(body[:4096])
    labels = [declared, meta.group(1).decode("ascii", "replace") if meta else None, "utf-8"]
    for label in labels:
        if not label:
            continue
        encoding = "cp1252" if label.strip().lower() in WINDOWS_1252_LABELS else label.strip()
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", "replace")


def extract_article(html: bytes, url: str | None = None, charset: str | None = None) -> Extracted:
    """Extract the main text and metadata of an article page; raise ExtractionError when there is none."""
    if b"\x00" in html[:2048]:
        raise ExtractionError("binary content, not HTML")
    try:
        doc = trafilatura.bare_extraction(
            decode_html(html, charset), url=url, with_metadata=True, include_comments=False, include_tables=False
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
