"""Article extraction with trafilatura: text, title, author, date, site name, language, canonical URL."""

import codecs
import re
from dataclasses import dataclass
from datetime import date

import trafilatura
import trafilatura.external
from htmldate import find_date
from justext import get_stoplist
from trafilatura.settings import Document

EXTRACTOR_VERSION = f"trafilatura-{trafilatura.__version__}"
LANG_RE = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# As browsers do (WHATWG encoding standard): these labels mean windows-1252.
WINDOWS_1252_LABELS = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "cp819"}
MIN_TEXT_CHARS = 200
# Where a page's metadata gives no date, htmldate searches the page and fills a missing day or month with
# 1: "© 2015" becomes 2015-01-01. Such a guess is a day only when the page prints that day.
METADATA_DATES = {"extensive_search": False, "original_date": True}
# trafilatura's justext fallback judges paragraphs by stop words; without a target language it loads the
# stop words of every justext language, held in every process that extracts (each crawl worker). The
# tracker reads English and Spanish news: their lists give the same bodies on the shared news pages.
JUSTEXT_LANGUAGES = ("English", "Spanish")
# (trafilatura declares the global None until it fills it.)
trafilatura.external.JT_STOPLIST = tuple(sorted(set().union(*(get_stoplist(lang) for lang in JUSTEXT_LANGUAGES))))  # type: ignore[assignment]
MONTHS = "January February March April May June July August September October November December".split()


class ExtractionError(ValueError):
    """The page holds no article text worth keeping; `kind` is the error kind the run records."""

    def __init__(self, message: str, kind: str = "parse") -> None:
        super().__init__(message)
        self.kind = kind


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
        page = decode_html(html, charset)
        doc = _bare_extraction(page, url, fast=True)
        if not _enough(doc):
            # trafilatura's own extractor found too little; its fallbacks (readability, justext) may find more.
            doc = _bare_extraction(page, url, fast=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise ExtractionError(f"extraction failed: {exc}") from exc
    if doc is None or not doc.text or len(doc.text) < MIN_TEXT_CHARS:
        raise ExtractionError("no article text found")
    return Extracted(
        text=doc.text,
        title=doc.title or None,
        author=doc.author or None,
        published=_parse_date(doc.date) or _printed_date(page, url),
        sitename=doc.sitename or None,
        language=doc.language or _html_lang(html),
        canonical_url=doc.url or None,
    )


def _bare_extraction(page: str, url: str | None, fast: bool) -> Document | None:
    """trafilatura's document with metadata; `fast` skips its comparison with the fallback extractors,
    which on the shared news pages changed no body (it costs a quarter of extraction time)."""
    doc = trafilatura.bare_extraction(
        page,
        url=url,
        fast=fast,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=METADATA_DATES,
    )
    return doc if isinstance(doc, Document) else None


def _enough(doc: Document | None) -> bool:
    return doc is not None and len(doc.text or "") >= MIN_TEXT_CHARS


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _printed_date(page: str, url: str | None) -> date | None:
    """A date found in the page's text rather than its metadata, when the page prints it as a day."""
    try:
        found = _parse_date(find_date(page, url=url, extensive_search=True, original_date=True))
    except Exception:  # htmldate raises assorted parser errors on broken markup; a missing date is fine
        return None
    if found is None or found.day != 1:
        return found
    month = MONTHS[found.month - 1]
    printed = (
        f"{month} 1,",
        f"{month[:3]}. 1,",
        f"{month[:3]} 1,",
        f"1 {month}",
        found.isoformat(),
        f"{found.month:02d}/01/{found.year}",
        f"{found.month}/1/{found.year}",
    )
    return found if any(p in page for p in printed) else None


def _html_lang(html: bytes) -> str | None:
    m = LANG_RE.search(html[:4096])
    return m.group(1).decode("ascii").lower() if m else None
