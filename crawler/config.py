"""The TOML config: database, sources and topic rules, validated, with shipped defaults for missing parts.

Environment variables are read here and nowhere else.
"""

import ipaddress
import math
import os
import re
import socket
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.discovery import GDELT_API, GDELT_MAX_RECORDS, SEARCH_FEEDS, ListingSelectors, gdelt_url, search_feed_url

DEFAULT_CONFIG = Path(__file__).with_name("default_config.toml")
DEFAULT_DB_URL = "sqlite:///tracker.db"
SOURCE_KINDS = ("feed", "sitemap", "urls", "gdelt", "search", "listing")
TOP_KEYS = {"database", "sources", "topics", "crawler", "allow_private", "schedule", "frontier"}
FRONTIER_KEYS = {"url", "lease_seconds"}
# How long a worker may hold a request before the frontier hands it to another worker (a worker killed
# mid-page loses nothing): longer than a page takes to fetch, retry and process.
DEFAULT_LEASE_SECONDS = 600
COMMON_KEYS = {"name", "kind", "outlet", "allowed_domains", "allow_private", "schedule", "issuer"} | {
    "download_delay",
    "concurrent_requests_per_domain",
}
KIND_KEYS = {
    "feed": {"url"},
    "sitemap": {"url"},
    "urls": {"urls"},
    "gdelt": {"url", "query", "timespan", "start", "end", "max_records"},
    "search": {"url", "engine", "query"},
    "listing": {"url", "link", "item", "date", "next", "max_pages"},
}
SOURCE_KEYS = COMMON_KEYS.union(*KIND_KEYS.values())
SCHEDULE_KEYS = {"default", "misfire_grace"}
DEFAULT_SCHEDULE = "1h"
DEFAULT_MISFIRE_GRACE = "15m"
INTERVAL_RE = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
TOPIC_KEYS = {"name", "keywords", "context"}
CRAWLER_KEYS = {
    "contact",
    "min_topic_matches",
    "download_timeout",
    "retry_times",
    "max_sitemap_depth",
    "max_sitemaps",
    "autothrottle",
    "concurrent_requests",
    "concurrent_requests_per_domain",
    "download_delay",
    "obey_robots",
    "workers",
    "page_cpu_seconds",
}
# Politeness a source may set for its own hosts (Scrapy download slots); the rest is crawl-wide.
SOURCE_POLITENESS_KEYS = {"download_delay", "concurrent_requests_per_domain"}
MAX_CONCURRENT_REQUESTS = 512
MAX_DOWNLOAD_DELAY = 600
MAX_DOWNLOAD_TIMEOUT = 600
DEFAULT_MAX_SITEMAP_DEPTH = 4
DEFAULT_MAX_SITEMAPS = 500
MAX_RETRIES = 10
# The longest interval a schedule or grace time may name: a year (longer ones overflow the scheduler).
MAX_INTERVAL_SECONDS = 366 * 86400


class ConfigError(ValueError):
    """The config file is missing, unreadable or names a bad key or value."""


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One configured source."""

    name: str
    kind: str
    outlet: str | None
    urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    allow_private: bool = False
    schedule: str | None = None
    # Newsroom sources: the office whose releases these are, default speaker of unattributed quotes.
    issuer: str | None = None
    # listing: where the items, links, dates and next page are (CSS, or XPath starting with / or ().
    selectors: ListingSelectors | None = None
    max_pages: int = 5
    # Politeness towards this source's hosts, where it differs from the crawl's.
    download_delay: float | None = None
    concurrent_requests_per_domain: int | None = None

    @property
    def url(self) -> str | None:
        """The source's first (for feeds and sitemaps: only) URL."""
        return self.urls[0] if self.urls else None


@dataclass(frozen=True, slots=True)
class TopicRule:
    """A topic, the keywords that name it and the context words its coverage uses (weaker evidence: see
    pipelines/topics.py); all-capital words (ICE) match case-sensitively."""

    name: str
    keywords: tuple[str, ...]
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """The whole validated config."""

    path: str | None
    database_url: str | None
    sources: tuple[SourceConfig, ...]
    topics: tuple[TopicRule, ...]
    contact: str | None = None
    min_topic_matches: int = 2
    default_schedule: str = DEFAULT_SCHEDULE
    misfire_grace: int = UNIT_SECONDS["m"] * 15
    download_timeout: float = 30.0
    retry_times: int = 2
    # How deep sitemap indexes may nest, and how many sitemaps one source may fetch in a run.
    max_sitemap_depth: int = DEFAULT_MAX_SITEMAP_DEPTH
    max_sitemaps: int = DEFAULT_MAX_SITEMAPS
    # Politeness: AutoThrottle adapts the delay to each server's latency; the others are Scrapy's limits.
    autothrottle: bool = True
    concurrent_requests: int = 16
    concurrent_requests_per_domain: int = 4
    download_delay: float = 0.0
    obey_robots: bool = True
    # Processes running extraction, topics and quotes (None: one per core; 0: in the crawl's own thread),
    # and the CPU time one page may take in them.
    workers: int | None = None
    page_cpu_seconds: float = 30.0
    # The shared frontier of a crawl spread over processes and machines (a redis:// URL), if any.
    frontier_url: str | None = None
    lease_seconds: int = DEFAULT_LEASE_SECONDS

    def select(self, names: tuple[str, ...] | list[str]) -> tuple[SourceConfig, ...]:
        """The sources with these names (all when none are given); unknown names are an error."""
        if not names:
            return self.sources
        known = {s.name: s for s in self.sources}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(f"unknown source(s): {', '.join(unknown)}; configured: {', '.join(known)}")
        return tuple(known[n] for n in names)


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate a config file; sections it leaves out come from the shipped default config."""
    defaults = _read(DEFAULT_CONFIG)
    data = _read(Path(path)) if path else {}
    where = str(path) if path else str(DEFAULT_CONFIG)
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(TOP_KEYS))}"
        )
    merged = {**defaults, **data}
    allow_private = _bool(merged.get("allow_private", False), "allow_private", where)
    database = _table(merged.get("database", {}), "database", where)
    if set(database) - {"url"}:
        raise ConfigError(f"{where}: [database] allows only 'url'")
    db_url = database.get("url") if "database" in data else None
    crawler = _table(merged.get("crawler", {}), "crawler", where)
    if set(crawler) - CRAWLER_KEYS:
        raise ConfigError(f"{where}: [crawler] unknown key(s) {', '.join(sorted(set(crawler) - CRAWLER_KEYS))}")
    sources = tuple(
        _source(raw, i, where, allow_private)
        for i, raw in enumerate(_list(merged.get("sources", []), "sources", where))
    )
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"{where}: duplicate source name(s): {', '.join(dupes)}")
    topics = tuple(_topic(raw, i, where) for i, raw in enumerate(_list(merged.get("topics", []), "topics", where)))
    schedule = _table(merged.get("schedule", {}), "schedule", where)
    if set(schedule) - SCHEDULE_KEYS:
        raise ConfigError(f"{where}: [schedule] unknown key(s) {', '.join(sorted(set(schedule) - SCHEDULE_KEYS))}")
    default_schedule = check_schedule(schedule.get("default", DEFAULT_SCHEDULE), f"{where}: [schedule] default")
    misfire = interval_seconds(str(schedule.get("misfire_grace", DEFAULT_MISFIRE_GRACE)))
    if misfire is None:
        raise ConfigError(f"{where}: [schedule] misfire_grace must be an interval such as 15m, at most a year")
    frontier = _table(merged.get("frontier", {}), "frontier", where)
    if set(frontier) - FRONTIER_KEYS:
        raise ConfigError(f"{where}: [frontier] unknown key(s) {', '.join(sorted(set(frontier) - FRONTIER_KEYS))}")
    frontier_url = _str(frontier, "url", f"{where}: [frontier]", required=False)
    if frontier_url:
        check_frontier_url(frontier_url, f"{where}: [frontier] url")
    min_matches = _bounded_int(crawler, "min_topic_matches", 2, 1, 100, where)
    timeout = _seconds(
        crawler.get("download_timeout", 30), f"{where}: crawler.download_timeout", MAX_DOWNLOAD_TIMEOUT, zero=False
    )
    retries = _bounded_int(crawler, "retry_times", 2, 0, MAX_RETRIES, where)
    delay = _seconds(crawler.get("download_delay", 0), f"{where}: crawler.download_delay", MAX_DOWNLOAD_DELAY)
    sitemap_depth = _bounded_int(crawler, "max_sitemap_depth", DEFAULT_MAX_SITEMAP_DEPTH, 1, 20, where)
    max_sitemaps = _bounded_int(crawler, "max_sitemaps", DEFAULT_MAX_SITEMAPS, 1, 100_000, where)
    concurrent = _bounded_int(crawler, "concurrent_requests", 16, 1, MAX_CONCURRENT_REQUESTS, where)
    per_domain = _bounded_int(crawler, "concurrent_requests_per_domain", 4, 1, MAX_CONCURRENT_REQUESTS, where)
    return Config(
        path=str(path) if path else None,
        database_url=str(db_url) if db_url else None,
        sources=sources,
        topics=topics,
        contact=env("TRACKER_CONTACT") or crawler.get("contact"),
        min_topic_matches=min_matches,
        default_schedule=default_schedule,
        misfire_grace=misfire,
        download_timeout=timeout,
        retry_times=retries,
        max_sitemap_depth=sitemap_depth,
        max_sitemaps=max_sitemaps,
        autothrottle=_bool(crawler.get("autothrottle", True), "crawler.autothrottle", where),
        concurrent_requests=concurrent,
        concurrent_requests_per_domain=per_domain,
        download_delay=delay,
        obey_robots=_bool(crawler.get("obey_robots", True), "crawler.obey_robots", where),
        workers=_bounded_int(crawler, "workers", 0, 0, 64, where) if "workers" in crawler else None,
        page_cpu_seconds=float(_bounded_int(crawler, "page_cpu_seconds", 30, 1, 3600, where)),
        frontier_url=frontier_url,
        lease_seconds=_bounded_int(frontier, "lease_seconds", DEFAULT_LEASE_SECONDS, 1, 86400, f"{where}: [frontier]"),
    )


def env(name: str) -> str | None:
    """An environment variable, or None when unset or empty."""
    return os.environ.get(name) or None


def resolve_db_url(cli_url: str | None, config: Config | None) -> str:
    """The database URL: --db, else TRACKER_DB_URL, else the config, else a SQLite file here."""
    url = cli_url or env("TRACKER_DB_URL") or (config.database_url if config else None) or DEFAULT_DB_URL
    # A plain path ("tracker.db", "~/data/t.db") is a SQLite file.
    return url if "://" in url or url.startswith("sqlite:") else f"sqlite:///{Path(url).expanduser()}"


def resolve_frontier_url(cli_url: str | None, config: Config | None) -> str | None:
    """The shared frontier's URL: --frontier, else TRACKER_FRONTIER_URL, else the config; None: no frontier."""
    url = cli_url or env("TRACKER_FRONTIER_URL") or (config.frontier_url if config else None)
    return check_frontier_url(url, "the frontier URL") if url else None


def check_frontier_url(url: str, where: str) -> str:
    """A Redis URL (redis://, rediss:// or unix://), or a ConfigError saying what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ConfigError(f"{where} must be redis://HOST:PORT/DB (or rediss://, unix://), got {url!r}")
    if parts.scheme != "unix" and not parts.hostname:
        raise ConfigError(f"{where} names no host: {url!r}")
    return url


# Hosts written as numbers in the legacy forms inet_aton accepts: decimal, octal (leading 0) or hex (0x) parts.
NUMERIC_HOST_RE = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")


def config_from_settings(settings: Any) -> Config:
    """The run's config: the object the command loaded and handed over (TRACKER_CONFIG_OBJECT), read once
    per crawl; else the file TRACKER_CONFIG names (a crawl started by `scrapy crawl`)."""
    config = settings.get("TRACKER_CONFIG_OBJECT")
    return config if isinstance(config, Config) else load_config(settings.get("TRACKER_CONFIG") or None)


def db_url_from_settings(settings: Any) -> str:
    """The database URL for a Scrapy run: the TRACKER_DB_URL setting, else as resolve_db_url finds it."""
    return resolve_db_url(settings.get("TRACKER_DB_URL") or None, config_from_settings(settings))


def is_private_host(host: str) -> bool:
    """Whether a host is loopback, private, link-local or otherwise not on the public internet, however its
    address is spelled: the resolver reads "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433" and "0" as
    IPv4 addresses, so they are judged as the address they connect to."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address = numeric_address(host)
    return address is not None and not address.is_global


def numeric_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host written as numbers stands for (in any spelling the C resolver accepts), or None
    for a name."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not NUMERIC_HOST_RE.fullmatch(host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def check_url(url: str, where: str, allow_private: bool) -> str:
    """Validate a source URL: http(s) only, and no private address unless allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
    if not allow_private and is_private_host(parts.hostname):
        raise ConfigError(f"{where}: {url!r} is on a private or loopback address; set allow_private = true to allow it")
    return url


def interval_seconds(text: str) -> int | None:
    """Seconds in an interval such as "90s", "30m", "2h", "1d" (at most a year); None when it is not one."""
    m = INTERVAL_RE.match(text)
    seconds = int(m.group(1)) * UNIT_SECONDS[m.group(2)] if m else 0
    return seconds if 0 < seconds <= MAX_INTERVAL_SECONDS else None


def _bounded_int(table: dict[str, Any], key: str, default: int, low: int, high: int, where: str) -> int:
    return _whole_number(table.get(key, default), f"{where}: crawler.{key}", low, high)


def _whole_number(value: Any, label: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"{label} must be a whole number from {low} to {high}")
    return value


def _seconds(value: Any, label: str, high: float, zero: bool = True) -> float:
    """A finite number of seconds up to `high`, from 0 (`zero`) or above it."""
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value < 0
        or (value == 0 and not zero)
        or value > high
    ):
        bounds = f"from 0 to {high:g}" if zero else f"above 0 and at most {high:g}"
        raise ConfigError(f"{label} must be a number of seconds {bounds}")
    return float(value)


def check_schedule(value: Any, where: str) -> str:
    """A schedule is an interval ("30m") or a five-field cron expression ("*/30 6-22 * * *")."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'{where} must be an interval such as "30m" or a cron expression')
    if interval_seconds(value) is None and len(value.split()) != 5:
        raise ConfigError(
            f"{where}: {value!r} is neither an interval (30m, 2h, 1d; at most a year) nor a 5-field cron expression"
        )
    return value.strip()


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return value


def _list(value: Any, key: str, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}: {key} must be an array of tables ([[{key}]])")
    return value


def _bool(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {key} must be true or false")
    return value


def _str(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _source(raw: dict[str, Any], i: int, where: str, allow_private_all: bool) -> SourceConfig:
    label = f"{where}: sources[{i}]"
    unknown = set(raw) - SOURCE_KEYS
    if unknown:
        raise ConfigError(
            f"{label}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(SOURCE_KEYS))}"
        )
    name = _str(raw, "name", label)
    label = f"{where}: source {name!r}"
    kind = _str(raw, "kind", label)
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"{label}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    allow_private = allow_private_all or _bool(raw.get("allow_private", False), "allow_private", label)
    misplaced = set(raw) - COMMON_KEYS - KIND_KEYS[kind]
    if misplaced:
        raise ConfigError(f"{label}: kind {kind!r} does not take {', '.join(sorted(misplaced))}")
    urls = _source_urls(raw, kind, label)
    domains = raw.get("allowed_domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ConfigError(f"{label}: allowed_domains must be a list of domain names")
    selectors = None
    if kind == "listing":
        selectors = ListingSelectors(
            link=str(_str(raw, "link", label)),
            item=_str(raw, "item", label, required=False),
            date=_str(raw, "date", label, required=False),
            next=_str(raw, "next", label, required=False),
        )
    max_pages = raw.get("max_pages", 5)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise ConfigError(f"{label}: max_pages must be a positive integer")
    delay = None
    if "download_delay" in raw:
        delay = _seconds(raw["download_delay"], f"{label}: download_delay", MAX_DOWNLOAD_DELAY)
    per_domain = None
    if "concurrent_requests_per_domain" in raw:
        per_domain = _whole_number(
            raw["concurrent_requests_per_domain"], f"{label}: concurrent_requests_per_domain", 1, 128
        )
    return SourceConfig(
        name=str(name),
        kind=str(kind),
        outlet=_str(raw, "outlet", label, required=False),
        urls=tuple(check_url(u, label, allow_private) for u in urls),
        allowed_domains=tuple(domains),
        allow_private=allow_private,
        schedule=check_schedule(raw["schedule"], f"{label}: schedule") if "schedule" in raw else None,
        issuer=_str(raw, "issuer", label, required=False),
        selectors=selectors,
        max_pages=max_pages,
        download_delay=delay,
        concurrent_requests_per_domain=per_domain,
    )


def _source_urls(raw: dict[str, Any], kind: str, label: str) -> list[str]:
    """The URLs a source starts from; for discovery kinds, built from the query."""
    if kind == "urls":
        urls = raw.get("urls")
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            raise ConfigError(f"{label}: kind 'urls' needs urls = [\"https://...\", ...]")
        return urls
    if kind == "gdelt":
        query = str(_str(raw, "query", label))
        start, end = _str(raw, "start", label, required=False), _str(raw, "end", label, required=False)
        timespan = _str(raw, "timespan", label, required=False)
        if timespan and (start or end):
            raise ConfigError(f"{label}: give either timespan or start/end, not both")
        max_records = raw.get("max_records", GDELT_MAX_RECORDS)
        if not isinstance(max_records, int) or not 1 <= max_records <= GDELT_MAX_RECORDS:
            raise ConfigError(f"{label}: max_records must be between 1 and {GDELT_MAX_RECORDS}")
        base = _str(raw, "url", label, required=False) or GDELT_API
        return [gdelt_url(base, query, timespan, start, end, max_records)]
    if kind == "search":
        engine = _str(raw, "engine", label)
        if engine not in SEARCH_FEEDS:
            raise ConfigError(f"{label}: engine must be one of {', '.join(SEARCH_FEEDS)}")
        return [search_feed_url(engine, str(_str(raw, "query", label)), _str(raw, "url", label, required=False))]
    return [str(_str(raw, "url", label))]


def _topic(raw: dict[str, Any], i: int, where: str) -> TopicRule:
    label = f"{where}: topics[{i}]"
    unknown = set(raw) - TOPIC_KEYS
    if unknown:
        raise ConfigError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}")
    keywords = raw.get("keywords")
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k for k in keywords):
        raise ConfigError(f"{label}: keywords must be a non-empty list of strings")
    context = raw.get("context", [])
    if not isinstance(context, list) or not all(isinstance(k, str) and k for k in context):
        raise ConfigError(f"{label}: context must be a list of strings")
    return TopicRule(str(_str(raw, "name", label)), tuple(keywords), tuple(context))
