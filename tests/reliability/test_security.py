"""Security: only http(s) to public hosts unless allowed, bounded downloads and decompression, neutral CSV."""

import gzip
import io
import sqlite3

import pytest
from scrapy import Request
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.config import SourceConfig
from crawler.middlewares import SafeUrlMiddleware
from crawler.resolver import PrivateAddressError, PublicAddressResolver
from crawler.spiders.base import error_kind
from crawler.spiders.feed import FeedSpider
from storage.export import write_csv
from tests.conftest import run_cli
from tests.reliability.hostile_site import hostile_site


@pytest.mark.parametrize(
    ("url", "meta", "refused"),
    [
        ("file:///etc/passwd", {}, "unsafe_scheme"),
        ("ftp://news.example/a", {}, "unsafe_scheme"),
        ("http://127.0.0.1:8001/a", {}, "private_address"),
        ("http://10.1.2.3/a", {}, "private_address"),
        ("http://[::1]/a", {}, "private_address"),
        ("http://localhost/a", {}, "private_address"),
        ("http://169.254.169.254/latest/meta-data/", {}, "private_address"),
        # Loopback and private addresses spelled as numbers are the addresses they connect to.
        ("http://2130706433/a", {}, "private_address"),
        ("http://0x7f.0.0.1/a", {}, "private_address"),
        ("http://127.1/a", {}, "private_address"),
        ("http://0177.0.0.1/a", {}, "private_address"),
        ("http://0/a", {}, "private_address"),
        ("http://10.1/a", {}, "private_address"),
        # A source that allows private addresses reaches its own host and port, and only that.
        ("http://127.0.0.1:8000/a", {"source": "local"}, None),
        ("http://127.0.0.1:8000/robots.txt", {}, None),
        ("http://127.0.0.1:9000/a", {"source": "local"}, "private_address"),
        ("http://169.254.169.254/latest/meta-data/", {"source": "local"}, "private_address"),
        ("http://127.0.0.1:8000/a", {"source": "public"}, "private_address"),
        ("https://news.example/a", {"source": "public"}, None),
    ],
)
def test_only_http_to_public_hosts_unless_allowed(url, meta, refused):
    crawler = get_crawler(FeedSpider)
    crawler.spider = FeedSpider.from_crawler(crawler)
    crawler.spider.sources = (
        SourceConfig("local", "feed", None, ("http://127.0.0.1:8000/feed.xml",), allow_private=True),
        SourceConfig("public", "feed", None, ("https://news.example/feed.xml",)),
    )
    middleware = SafeUrlMiddleware.from_crawler(crawler)
    request = Request(url, meta=meta)
    if refused is None:
        assert middleware.process_request(request) is None
    else:
        with pytest.raises(IgnoreRequest, match=refused):
            middleware.process_request(request)
        assert crawler.stats.get_value(f"tracker/errors/{refused}") == 1


def test_a_name_that_resolves_to_a_private_address_is_refused_unless_its_host_is_allowed():
    resolver = PublicAddressResolver.__new__(PublicAddressResolver)
    resolver.allowed = frozenset({"intranet.test"})
    assert resolver.check("93.184.216.34", "news.example") == "93.184.216.34"
    assert resolver.check("127.0.0.1", "intranet.test") == "127.0.0.1"
    for address in ("127.0.0.1", "10.0.0.7", "169.254.169.254", "0.0.0.0"):
        with pytest.raises(PrivateAddressError):
            resolver.check(address, "rebind.example")
    # The crawl records such a refusal as private_address, though Twisted reports it as a failed lookup; a
    # name that truly failed to resolve stays dns.
    for host, kind in (("rebind.example", "private_address"), ("gone.example", "dns")):
        failure = Failure(CannotResolveHostError(f"DNS lookup failed: no results for hostname lookup: {host}."))
        failure.request = Request(f"http://{host}/a")
        assert error_kind(failure) == kind


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
