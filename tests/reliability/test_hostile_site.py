"""A crawl of a hostile site finishes, stores every good page and nothing from bad ones, and records each
failure by kind."""

import sqlite3

from tests.conftest import run_cli
from tests.reliability.hostile_site import hostile_site


def test_hostile_site(tmp_path):
    with hostile_site() as site:
        config = tmp_path / "c.toml"
        config.write_text(
            f"""allow_private = true
[crawler]
download_timeout = 3
retry_times = 1

[[sources]]
name = "hostile"
kind = "feed"
url = "{site.base}/feed.xml"

[[sources]]
name = "bad-feed"
kind = "feed"
url = "{site.base}/bad-feed.xml"

[[sources]]
name = "broken-sitemap"
kind = "sitemap"
url = "{site.base}/broken.xml.gz"
"""
        )
        db = tmp_path / "t.db"
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}")
        hits = dict(site.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    errors = dict(part.rsplit(" ", 1) for part in result.stdout.split("errors: ", 1)[1].strip().split(", "))
    with sqlite3.connect(db) as conn:
        urls = {u.replace(site.base, "") for (u,) in conn.execute("select url from pages")}
        articles = {u.replace(site.base, "") for (u,) in conn.execute("select url from articles")}
        [(status,)] = conn.execute("select status from crawl_runs").fetchall()
        latin = conn.execute("select text from articles where url like '%latin1%'").fetchall()
    assert status == "partial"
    # Good pages are stored, bad pages are not.
    assert {"/abc7/sanctuary-ordinance.html", "/ledger/harborview-detainers.html"} <= articles
    assert not urls & {
        "/big.html",
        "/binary.html",
        "/empty.html",
        "/challenge.html",
        "/e500.html",
        "/slow.html",
        "/reset.html",
        "/loop.html",
        "/private/secret.html",
    }
    # Wrong or missing charsets still give readable text.
    assert latin and all("Jos\u00e9 Pe\u00f1a" in text for (text,) in latin)
    # Every failure is recorded by kind.
    for kind in (
        "http_500",
        "http_503",
        "timeout",
        "challenge",
        "robots",
        "too_large",
        "parse",
        "redirect_loop",
        "unsafe_redirect",
        "bad_feed",
        "bad_sitemap",
        "connection_lost",
    ):
        assert kind in errors, f"{kind} not recorded: {errors}"
    # The robots.txt rule was obeyed: the disallowed page was never requested.
    assert "/private/secret.html" not in hits
    assert hits["/e503.html"] == 2  # retried once, as configured
