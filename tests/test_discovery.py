"""Discovery: GDELT, news-search feeds with wrapped links, newsroom listings and PDF releases, all served
from 127.0.0.1 in each service's real format (tests/files/)."""

import base64
import json
import sqlite3
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest

from crawler.discovery import DiscoveryError, ListingSelectors, parse_gdelt, parse_listing, resolve_link
from scheduler.demo import demo_routes
from scheduler.site_server import serve
from tests.conftest import run_cli
from tests.pdfs import make_pdf

FILES = Path(__file__).parent / "files"
MARSH = (
    '"Our sanctuary policy is about trust between neighbors and the police," Harborview Mayor Elena Marsh said. '
    '"People who are afraid of deportation do not report crimes."'
)
OFFICE_QUOTE = (
    '"The city will keep honoring judicial warrants and will not hold residents on ICE detainer requests alone."'
)
RELEASE = make_pdf(
    [
        "HARBORVIEW, Feb. 3, 2025 -- Mayor Elena Marsh today restated the city's sanctuary policy as the City "
        "Council weighs immigration detainer requests from ICE.",
        OFFICE_QUOTE,
        MARSH,
        "Fictional release for the Sanctuary Tracker tests: Harborview and its officials do not exist.",
    ],
    title="Mayor Marsh statement on detainer requests",
    created="20250203",
)


def google_token(url: str) -> str:
    """A Google News article token of the older kind, which carries the publisher URL."""
    raw = b"\x08\x13\x22" + bytes([len(url)]) + url.encode() + b"\xd2\x01\x00"
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def saved(name: str, **fill: str) -> bytes:
    text = (FILES / name).read_text(encoding="utf-8")
    for key, value in fill.items():
        text = text.replace("{{" + key + "}}", value)
    return text.encode("utf-8")


def test_parse_gdelt_answers():
    found = parse_gdelt(saved("gdelt-artlist.json", BASE="https://x.example"))
    assert [f.url for f in found] == ["https://x.example/news/marsh-detainers.html", "https://x.example/news/seed.html"]
    assert found[0].published.isoformat() == "2025-02-03"
    assert parse_gdelt(b"{}") == [] and parse_gdelt(b"") == []
    with pytest.raises(DiscoveryError, match="limit requests"):
        parse_gdelt(b"Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com")


@pytest.mark.parametrize(
    ("link", "resolved"),
    [
        ("https://www.abc7news.com/story", "https://www.abc7news.com/story"),
        (
            f"https://news.google.com/rss/articles/{google_token('https://abc7news.com/post/a/1')}?oc=5",
            "https://abc7news.com/post/a/1",
        ),
        ("https://news.google.com/rss/articles/AU_yqLNWp2ZKq5e9B3cP0T3rVhT7nQ?oc=5", None),
        (
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fwww.kqed.org%2fnews%2f1&c=2",
            "https://www.kqed.org/news/1",
        ),
        ("http://www.bing.com/news/apiclick.aspx?ref=FexRss&url=javascript%3aalert(1)", None),
        ("https://news.google.com/topics/CAAqBwgKMNqA", None),
    ],
)
def test_resolve_news_search_links(link, resolved):
    assert resolve_link(link) == resolved


def test_parse_listing_with_pagination():
    selectors = ListingSelectors(link="a.title", item="li.release", date="time", next="a.next")
    found, next_url = parse_listing(
        (FILES / "newsroom-page1.html").read_text(), "https://mayor.example/newsroom/releases", selectors
    )
    assert [(f.url.rsplit("/", 1)[-1], str(f.published)) for f in found] == [
        ("2025-02-03-detainers.pdf", "2025-02-03"),
        ("2025-01-30-budget.html", "2025-01-30"),
    ]
    assert next_url == "https://mayor.example/newsroom/releases/page/2"
    xpath = ListingSelectors(link="//ul[@class='releases']//a")
    assert len(parse_listing((FILES / "newsroom-page2.html").read_text(), "https://m.example/", xpath)[0]) == 1


def test_discovery_sources_end_to_end(tmp_path):
    hits: Counter[str] = Counter()
    demo = demo_routes()

    def counted(path, route):
        def handler():
            hits[path] += 1
            return route() if callable(route) else route

        return handler

    budget = (
        b"<html><head><title>Budget town halls</title></head><body><article><h1>Budget town halls</h1>"
        + (b"<p>The mayor's office announced three town halls on the city budget for parks and libraries.</p>" * 4)
        + b"</article></body></html>"
    )
    late: dict[str, tuple[int, str, bytes]] = {}  # responses that need the server's address, filled once known
    routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\n"),
        "/news/seed.html": demo["/abc7/sanctuary-ordinance.html"],
        "/news/marsh-detainers.html": demo["/ledger/harborview-detainers.html"],
        "/newsroom/releases": (200, "text/html", saved("newsroom-page1.html")),
        "/newsroom/releases/page/2": (200, "text/html", saved("newsroom-page2.html")),
        "/newsroom/releases/2025-02-03-detainers.pdf": (200, "application/pdf", RELEASE),
        "/newsroom/releases/2025-01-30-budget.html": (200, "text/html", budget),
        "/newsroom/releases/2025-01-15-rights.html": (200, "text/html", budget),
    }
    for path in ("/gdelt/api", "/google/rss/search", "/bing/news/search"):
        routes[path] = lambda path=path: late[path]
    routes = {path: counted(path, route) for path, route in routes.items()}
    with serve(routes) as base:
        late.update(
            {
                "/gdelt/api": (200, "application/json", saved("gdelt-artlist.json", BASE=base)),
                "/google/rss/search": (
                    200,
                    "application/rss+xml",
                    saved("google-news-search.xml", SEED_TOKEN=google_token(f"{base}/news/seed.html")),
                ),
                "/bing/news/search": (
                    200,
                    "application/rss+xml",
                    saved("bing-news-search.xml", MARSH_ENCODED=quote(f"{base}/news/marsh-detainers.html", safe="")),
                ),
            }
        )
        config = tmp_path / "discovery.toml"
        config.write_text(
            f"""allow_private = true
[[sources]]
name = "gdelt"
kind = "gdelt"
url = "{base}/gdelt/api"
query = '"sanctuary city" OR "ICE raids"'
timespan = "7d"

[[sources]]
name = "google-news"
kind = "search"
engine = "google"
url = "{base}/google/rss/search"
query = '"sanctuary city"'

[[sources]]
name = "bing-news"
kind = "search"
engine = "bing"
url = "{base}/bing/news/search"
query = "sanctuary city"

[[sources]]
name = "harborview-mayor"
kind = "listing"
url = "{base}/newsroom/releases"
item = "li.release"
link = "a.title"
date = "time"
next = "a.next"
outlet = "Office of the Mayor of Harborview (fictional)"
issuer = "Office of the Mayor of Harborview"
"""
        )
        db = tmp_path / "t.db"
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "unresolved_link 1" in result.stdout
    # Found by GDELT and by a search feed, fetched once.
    assert hits["/news/seed.html"] == 1 and hits["/news/marsh-detainers.html"] == 1
    assert hits["/newsroom/releases/page/2"] == 1 and hits["/newsroom/releases/2025-01-15-rights.html"] == 1
    with sqlite3.connect(db) as conn:
        urls = {u.replace(base, "") for (u,) in conn.execute("select url from articles")}
        assert urls == {
            "/abc7/sanctuary-ordinance.html",
            "/ledger/harborview-detainers.html",
            "/newsroom/releases/2025-02-03-detainers.pdf",
        }
        marsh = conn.execute(
            """select s.text, count(distinct a.article_id) from statements s join officials o on o.id = s.official_id
               join appearances a on a.statement_id = s.id where o.name = 'Elena Marsh' group by s.id"""
        ).fetchall()
        office = conn.execute(
            """select o.kind, s.text from statements s join officials o on o.id = s.official_id
               where o.name = 'Office of the Mayor of Harborview'"""
        ).fetchall()
        runs = conn.execute("select source, pages from source_runs order by source").fetchall()
    # The press release's statement and the newspaper's are one statement with two appearances.
    assert [(text.startswith("Our sanctuary policy"), n) for text, n in marsh] == [(True, 2)]
    assert office == [("organization", OFFICE_QUOTE.strip('"'))]
    assert dict(runs) == {"bing-news": 0, "gdelt": 2, "google-news": 0, "harborview-mayor": 3}
    health = json.loads(
        run_cli("sources", "--config", str(config), "--db", f"sqlite:///{db}", "--format", "json").stdout
    )
    # A search feed whose finds were all fetched by another source still works.
    assert {h["source"]: (h["status"], h["items_last_run"]) for h in health} == {
        "gdelt": ("ok", 2),
        "google-news": ("ok", 1),
        "bing-news": ("ok", 1),
        "harborview-mayor": ("ok", 3),
    }
