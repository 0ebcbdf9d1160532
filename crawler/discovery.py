"""Pure helpers for discovery sources: GDELT and news-search URLs, wrapped links, newsroom listings."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from parsel import Selector

GDELT_API = "https://api.gdeltproject.org/api/v2/doc/doc"
SEARCH_FEEDS = {
    "google": ("https://news.google.com/rss/search", {"hl": "en-US", "gl": "US", "ceid": "US:en"}),
    "bing": ("https://www.bing.com/news/search", {"format": "rss"}),
}
WRAPPER_HOSTS = ("news.google.com", "www.bing.com", "bing.com")
GDELT_MAX_RECORDS = 250


class DiscoveryError(ValueError):
    """A discovery service answered with an error instead of results."""


@dataclass(frozen=True, slots=True)
class Found:
    """An article URL found by a discovery source, with its date when known."""

    url: str
    published: date | None


def gdelt_url(base: str, query: str, timespan: str | None, start: str | None, end: str | None, max_records: int) -> str:
    """The GDELT DOC 2.0 ArtList request for a query over a timespan or between two datetimes."""
    params = {
        "query": query,
        "mode": "ArtList",
        "format": "json",
        "sort": "DateDesc",
        "maxrecords": str(min(max_records, GDELT_MAX_RECORDS)),
    }
    if start or end:
        params.update({k: v for k, v in (("startdatetime", start), ("enddatetime", end)) if v})
    else:
        params["timespan"] = timespan or "1d"
    return f"{base}?{urlencode(params)}"


def parse_gdelt(body: bytes) -> list[Found]:
    """Article URLs in a GDELT ArtList JSON answer; an empty answer is no articles, a text one an error."""
    text = body.decode("utf-8", "replace").strip()
    if not text or text == "{}":
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DiscoveryError(text[:200]) from exc
    if not isinstance(data, dict):
        raise DiscoveryError("unexpected GDELT answer")
    found = []
    for item in data.get("articles") or []:
        url = item.get("url") if isinstance(item, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            found.append(Found(url, _gdelt_date(item.get("seendate"))))
    return found


def _gdelt_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).date()
    except ValueError:
        return None


def search_feed_url(engine: str, query: str, base: str | None = None) -> str:
    """The RSS feed of a news search (Google News or Bing News) for a query."""
    default_base, params = SEARCH_FEEDS[engine]
    return f"{base or default_base}?{urlencode({'q': query, **params})}"


def resolve_link(url: str) -> str | None:
    """The publisher's URL behind a news-search link; the URL itself when it is not wrapped; None when
    it is wrapped in a way that cannot be undone offline."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.endswith("bing.com") and parts.path.endswith("/apiclick.aspx"):
        target = parse_qs(parts.query).get("url", [""])[0]
        return target if target.startswith(("http://", "https://")) else None
    if host == "news.google.com" and "/articles/" in parts.path:
        return _google_news_target(parts.path.rsplit("/", 1)[-1])
    if host in WRAPPER_HOSTS:
        return None
    return url


def _google_news_target(token: str) -> str | None:
    """Google News article tokens of the older kind carry the URL in a small protobuf."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    start = raw.find(b"http")
    if start < 0:
        return None
    end = start
    while end < len(raw) and 0x21 <= raw[end] < 0x7F:
        end += 1
    url = raw[start:end].decode("ascii")
    return url if urlsplit(url).hostname else None


@dataclass(frozen=True, slots=True)
class ListingSelectors:
    """Where a newsroom listing page keeps its items: CSS, or XPath when it starts with / or (."""

    link: str
    item: str | None = None
    date: str | None = None
    next: str | None = None


def _select(node: Selector, query: str) -> list[Selector]:
    return list(node.xpath(query) if query.startswith(("/", "(", ".")) else node.css(query))


def parse_listing(html: str, url: str, selectors: ListingSelectors) -> tuple[list[Found], str | None]:
    """The press releases a listing page links to (with dates when given), and its next page."""
    page = Selector(text=html)
    items = _select(page, selectors.item) if selectors.item else [page]
    found = []
    for item in items:
        for link in _select(item, selectors.link):
            href = link.attrib.get("href") or link.get()
            if not href or not isinstance(href, str):
                continue
            when = None
            if selectors.date:
                dates = _select(item, selectors.date)
                if dates:
                    when = _listing_date(dates[0].attrib.get("datetime") or " ".join(dates[0].css("::text").getall()))
            found.append(Found(urljoin(url, href.strip()), when))
    next_url = None
    if selectors.next:
        nexts = _select(page, selectors.next)
        if nexts:
            href = nexts[0].attrib.get("href") or nexts[0].get()
            next_url = urljoin(url, href.strip()) if isinstance(href, str) and href.strip() else None
    return found, next_url


def _listing_date(text: str) -> date | None:
    """A date as newsrooms print it: 2025-01-28, January 28, 2025, Jan 28, 2025, 01/28/2025."""
    text = " ".join(text.split())
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%m/%d/%Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
