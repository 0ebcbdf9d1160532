"""Security: only http(s) to public hosts unless allowed, bounded downloads and decompression, neutral CSV."""

import gzip
import io
import sqlite3

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from crawler.middlewares import SafeUrlMiddleware
from crawler.spiders.feed import FeedSpider
from storage.export import write_csv
from tests.conftest import run_cli
from tests.reliability.hostile_site import hostile_site


@pytest.mark.parametrize(
    ("url", "meta", "refused"),
    [
        ("file:///etc/passwd", {}, "unsafe_scheme"),
        ("ftp://news.example/a", {}, "unsafe_scheme"),
        ("http://127.0.0.1:8000/a", {}, "private_address"),
        ("http://10.1.2.3/a", {}, "private_address"),
        ("http://[::1]/a", {}, "private_address"),
        ("http://localhost/a", {}, "private_address"),
        ("http://169.254.169.254/latest/meta-data/", {}, "private_address"),
        ("http://127.0.0.1:8000/a", {"allow_private": True}, None),
        ("https://news.example/a", {}, None),
    ],
)
def test_only_http_to_public_hosts_unless_allowed(url, meta, refused):
    crawler = get_crawler(FeedSpider)
    crawler.spider = FeedSpider.from_crawler(crawler)
    middleware = SafeUrlMiddleware.from_crawler(crawler)
    request = Request(url, meta=meta)
    if refused is None:
        assert middleware.process_request(request) is None
    else:
        with pytest.raises(IgnoreRequest, match=refused):
            middleware.process_request(request)
        assert crawler.stats.get_value(f"tracker/errors/{refused}") == 1


def test_decompression_is_bounded(tmp_path):
    bomb = gzip.compress(b"<html><body>" + b"0" * (60 * 1024 * 1024) + b"</body></html>", 9)
    assert len(bomb) < 200_000
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><link>{{BASE}}/bomb.html</link></item></channel></rss>'
    )
    with hostile_site() as site:
        site.routes = {
            "/robots.txt": (200, "text/plain", b""),
            "/feed.xml": (200, "application/rss+xml", feed),
            # A 60 MB page sent as 60 KB of gzip.
            "/bomb.html": lambda h: h._send(200, "text/html", bomb, {"Content-Encoding": "gzip"}),
        }
        config = tmp_path / "c.toml"
        config.write_text(
            f'allow_private = true\n[[sources]]\nname = "b"\nkind = "feed"\nurl = "{site.base}/feed.xml"\n'
        )
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{tmp_path / 't.db'}")
    assert result.returncode == 1, result.stdout + result.stderr  # the only page failed: the run failed
    assert "too_large 1" in result.stdout
    with sqlite3.connect(tmp_path / "t.db") as conn:
        assert conn.execute("select count(*) from pages").fetchone() == (0,)


@pytest.mark.parametrize("cell", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"])
def test_formula_cells_are_neutralized_in_exports(cell):
    out = io.StringIO()
    write_csv(out, ["quote"], [[cell]])
    assert out.getvalue().splitlines()[1].lstrip('"').startswith("'")
