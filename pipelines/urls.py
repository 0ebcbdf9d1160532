"""Canonical article URLs: rel=canonical when it is on the same site, tracking parameters removed."""

from urllib.parse import urlsplit

from courlan import normalize_url


def canonical_url(declared: str | None, fetched: str) -> str:
    """The article's canonical URL: the declared one if on the fetched site, else the fetched URL, cleaned."""
    url = fetched
    if declared and declared.startswith(("http://", "https://")) and _site(declared) == _site(fetched):
        url = declared
    try:
        return str(normalize_url(url, strict=True))
    except ValueError:
        return url


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
