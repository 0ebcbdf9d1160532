"""Plain records that the pipeline hands to storage, so storage knows nothing of Scrapy or the engine."""

import zlib
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class PageRecord:
    """A fetched page."""

    url: str
    status: int
    html: bytes
    fetched_at: datetime
    source: str | None = None
    # The html as stored (zlib), when made already (the crawl compresses in its worker processes).
    compressed: bytes | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One attributed quote segment; segments of one statement share `statement`."""

    text: str
    start: int
    end: int
    statement: int
    speaker: str
    speaker_kind: str
    mention: str | None
    title: str | None
    organization: str | None
    cue: str | None
    # Topic scores of the quote and its paragraph.
    topics: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An extracted, on-topic article and its attributed quotes; `published` is a day the page gave, or None."""

    url: str
    outlet: str | None
    title: str | None
    author: str | None
    published: date | None
    language: str | None
    text: str
    topics: list[str]
    extractor_version: str
    quotes: list[QuoteRecord] = field(default_factory=list)
    topic_scores: dict[str, float] = field(default_factory=dict)


# zlib's fastest level: a page stored a little larger than at its default (6), in well under half the
# time, which was a large share of a crawl worker's.
PAGE_COMPRESSION = 1


def compress_page(html: bytes) -> bytes:
    """A page's bytes as the pages table stores them."""
    return zlib.compress(html, PAGE_COMPRESSION)
