"""Pure parsers for feeds (RSS 2.0, Atom) and sitemaps (index, urlset, Google News)."""

import zlib
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

from lxml import etree

MAX_DECOMPRESSED = 50 * 1024 * 1024
PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


# libxml2's errors for a document past the parser's limits (depth, size of a node).
LIMIT_ERRORS = frozenset({"ERR_RESOURCE_LIMIT", "ERR_NO_MEMORY"})


class FeedError(ValueError):
    """A feed or sitemap that cannot be read at all."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A link found in a feed or sitemap, with its date when the document gives one."""

    url: str
    published: date | None


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: an index of child sitemaps or a urlset of pages."""

    is_index: bool
    entries: list[Entry]


def gunzip(body: bytes, limit: int = MAX_DECOMPRESSED) -> bytes:
    """Decompress a gzip body, refusing one that expands past `limit` bytes."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FeedError(f"broken gzip: {exc}") from exc
    if len(out) > limit:
        raise FeedError(f"decompressed body exceeds {limit} bytes")
    if not decoder.eof:
        raise FeedError("truncated gzip")
    return out


def _root(body: bytes, problems: list[str] | None) -> etree._Element:
    body = gunzip(body)
    if not body.strip():
        raise FeedError("empty document")
    try:
        root = etree.fromstring(body.strip(), PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise FeedError(f"not XML: {exc}") from exc
    if root is None:
        raise FeedError("not XML")
    if problems is not None:
        # The parser stops at its limits (nesting 256 deep, huge text nodes) and, recovering, keeps only what
        # came before: the rest of the document is lost, which the caller records.
        problems += [f"cut short: {e.message}" for e in PARSER.error_log if e.type_name in LIMIT_ERRORS]
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def parse_feed(body: bytes, problems: list[str] | None = None) -> list[Entry]:
    """Article links and dates of an RSS 2.0 or Atom feed; what made the parser stop early is added to
    `problems` (the entries before it are still returned)."""
    root = _root(body, problems)
    kind = _local(root.tag)
    if kind not in ("rss", "feed", "RDF"):
        raise FeedError(f"not a feed (root element <{kind}>)")
    entries = []
    for item in root.iter():
        name = _local(item.tag)
        if name not in ("item", "entry"):
            continue
        url, published = None, None
        for child in item:
            field = _local(child.tag)
            if field == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    url = url or href.strip()
                elif not href and child.text:
                    url = url or child.text.strip()
            elif field in ("pubDate", "published", "updated", "date") and published is None:
                published = _parse_date(child.text)
            elif field == "guid" and child.get("isPermaLink") == "true" and child.text and url is None:
                url = child.text.strip()
        if url:
            entries.append(Entry(url, published))
    return entries


def parse_sitemap(body: bytes, problems: list[str] | None = None) -> Sitemap:
    """Child sitemaps of a sitemap index, or the pages of a urlset with lastmod or news dates; what made the
    parser stop early is added to `problems` (the entries before it are still returned)."""
    root = _root(body, problems)
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        raise FeedError(f"not a sitemap (root element <{kind}>)")
    entries = []
    for node in root:
        if _local(node.tag) not in ("sitemap", "url"):
            continue
        loc, published = None, None
        for child in node.iter():
            field = _local(child.tag)
            if field == "loc" and child.text and loc is None:
                loc = child.text.strip()
            elif field == "publication_date":
                published = _parse_date(child.text) or published
            elif field == "lastmod" and published is None:
                published = _parse_date(child.text)
        if loc:
            entries.append(Entry(loc, published))
    return Sitemap(kind == "sitemapindex", entries)
