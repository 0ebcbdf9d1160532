"""Operations: the scheduler daemon, SIGTERM during a crawl, source health and bot challenges."""

import ipaddress
import json
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest

from scheduler.demo import demo_routes
from scheduler.site_server import serve
from tests.conftest import run_cli

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><link>{{BASE}}/a.html</link></item><item><link>{{BASE}}/b.html</link></item></channel></rss>"""
CHALLENGE = b"""<!DOCTYPE html><html><head><title>Just a moment...</title></head>
<body><div id="challenge-platform">Checking your browser before accessing the site.</div></body></html>"""


def query(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def write_config(tmp_path, body: str):
    path = tmp_path / "c.toml"
    path.write_text("allow_private = true\n" + body)
    return path


ARTICLE = "/abc7/sanctuary-ordinance.html"


def crawl_site(tmp_path, routes, sources: str):
    """Crawl a site of these routes (with an empty robots.txt) for the sources ('{base}' is its URL); the
    crawl's result, the database path and the base URL."""
    with serve({"/robots.txt": (200, "text/plain", b""), **routes}) as base:
        config = write_config(tmp_path, sources.replace("{base}", base))
        db = tmp_path / "t.db"
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}")
    return result, db, base


def run_daemon(config, db, max_runs: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scheduler",
            "schedule",
            "--config",
            str(config),
            "--db",
            f"sqlite:///{db}",
            "--max-runs",
            str(max_runs),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_daemon_runs_crawls_on_schedule_and_records_them(tmp_path):
    with serve(demo_routes()) as base:
        config = write_config(
            tmp_path,
            f'[schedule]\ndefault = "1s"\n[[sources]]\nname = "abc7"\nkind = "feed"\nurl = "{base}/abc7/feed.xml"\n',
        )
        db = tmp_path / "t.db"
        result = run_daemon(config, db, 2)
    assert result.returncode == 0, result.stderr[-3000:]
    runs = query(db, "select status, articles_new, sources from crawl_runs order by id")
    assert len(runs) == 2
    assert runs[0][1] == 1 and runs[1][1] == 0  # the second run finds the article already stored
    assert all(json.loads(r[2]) == ["abc7"] for r in runs)
    assert query(db, "select id from apscheduler_jobs") == [("crawl 1s",)]

    # Restart with another schedule: the job store is replaced, the stale job removed.
    config.write_text(config.read_text().replace('default = "1s"', 'default = "2s"'))
    with serve(demo_routes()):
        again = run_daemon(config, db, 1)
    assert again.returncode == 0, again.stderr[-3000:]
    assert query(db, "select id from apscheduler_jobs") == [("crawl 2s",)]


@contextmanager
def crawl_holding_a_page(tmp_path):
    """A crawl of a two-article feed, yielded (process, database, release) once it asks for the second
    page, which the server holds until `release` is set (set on leaving, whatever happened)."""
    requested, release = threading.Event(), threading.Event()
    article = demo_routes()["/abc7/sanctuary-ordinance.html"]

    def held_page():
        requested.set()
        release.wait(60)
        return article

    routes = {
        "/robots.txt": (200, "text/plain", b""),
        "/feed.xml": (200, "application/rss+xml", FEED.encode()),
        "/a.html": article,
        "/b.html": held_page,
    }
    with serve(routes) as base:
        config = write_config(tmp_path, f'[[sources]]\nname = "s"\nkind = "feed"\nurl = "{base}/feed.xml"\n')
        db = tmp_path / "t.db"
        crawl = subprocess.Popen(
            [sys.executable, "-m", "scheduler", "crawl", "--config", str(config), "--db", f"sqlite:///{db}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert requested.wait(120), "the crawl never asked for the held page"
            yield crawl, db, release
        finally:
            release.set()


def test_sigterm_during_a_crawl_is_recorded_as_interrupted(tmp_path):
    with crawl_holding_a_page(tmp_path) as (crawl, db, release):
        crawl.send_signal(signal.SIGTERM)
        release.set()
        out, err = crawl.communicate(timeout=120)
    assert crawl.returncode == 130, out + err
    [(status,)] = query(db, "select status from crawl_runs")
    assert status == "interrupted"
    assert query(db, "pragma integrity_check") == [("ok",)]
    assert query(db, "pragma foreign_key_check") == []
    # Whatever was stored is whole: every stored article has its appearances and statements.
    for (article_id,) in query(db, "select id from articles"):
        assert query(db, f"select count(*) from appearances where article_id = {article_id}")[0][0] > 0


def test_challenge_pages_flag_the_source_failing(tmp_path):
    routes = {
        "/robots.txt": (200, "text/plain", b""),
        "/feed.xml": (503, "text/html", CHALLENGE),
        "/ok/feed.xml": demo_routes()["/abc7/feed.xml"],
        **{
            f"/abc7/{p}": demo_routes()[f"/abc7/{p}"]
            for p in ("sanctuary-ordinance.html", "farmers-market.html", "broken.html")
        },
    }
    with serve(routes) as base:
        config = write_config(
            tmp_path,
            f'[[sources]]\nname = "walled"\nkind = "feed"\nurl = "{base}/feed.xml"\n'
            f'[[sources]]\nname = "open"\nkind = "feed"\nurl = "{base}/ok/feed.xml"\n',
        )
        db = f"sqlite:///{tmp_path / 't.db'}"
        result = run_cli("crawl", "--config", str(config), "--db", db)
        assert result.returncode == 0, result.stderr
        assert "challenge 1" in result.stdout
    health = json.loads(run_cli("sources", "--config", str(config), "--db", db, "--format", "json").stdout)
    by_name = {h["source"]: h for h in health}
    assert by_name["walled"]["status"] == "failing"
    assert "bot-challenge" in by_name["walled"]["why"]
    assert by_name["open"]["status"] == "ok" and by_name["open"]["items_last_run"] == 3
    runs = json.loads(run_cli("runs", "--config", str(config), "--db", db, "--format", "json").stdout)
    assert runs[0]["status"] == "partial" and "challenge=1" in runs[0]["errors"]


def test_a_source_empty_three_runs_in_a_row_is_failing(tmp_path):
    with serve({"/robots.txt": (200, "text/plain", b""), "/feed.xml": (404, "text/html", b"gone")}) as base:
        config = write_config(tmp_path, f'[[sources]]\nname = "dead"\nkind = "feed"\nurl = "{base}/feed.xml"\n')
        db = f"sqlite:///{tmp_path / 't.db'}"
        for _ in range(3):
            assert run_cli("crawl", "--config", str(config), "--db", db).returncode == 1
    health = json.loads(run_cli("sources", "--config", str(config), "--db", db, "--format", "json").stdout)
    assert health[0]["status"] == "failing" and health[0]["empty_runs"] == 3


def test_a_refused_host_is_one_line_on_stderr_and_a_recorded_failure(tmp_path):
    # Cron mails whatever the crawl prints: Scrapy's retry and robots.txt middlewares printed 72 lines
    # with tracebacks for one refused host. The failure is the run record's; the log file gets every line.
    import socket

    with socket.socket() as probe:  # a port nothing listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = write_config(
        tmp_path, f'[[sources]]\nname = "dead"\nkind = "feed"\nurl = "http://127.0.0.1:{port}/feed.xml"\n'
    )
    db = tmp_path / "t.db"
    done = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 2, done.stderr
    assert "errors: refused 1" in done.stdout
    assert query(db, "select error_kinds from crawl_runs") == [('{"refused": 1}',)]
    log = tmp_path / "crawl.log"
    again = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}", "--log-file", str(log))
    assert again.returncode == 1 and "Gave up retrying" in log.read_text()


def test_mailto_and_javascript_links_in_a_feed_are_skipped_one_by_one(tmp_path):
    # A "mailto:" or "javascript:" item made the spider raise: every later item was dropped and the run
    # said ok. Now each such link is a recorded bad_link and the articles after it are crawled.
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><link>mailto:tips@harborview.example</link></item>
<item><link>javascript:void(0)</link></item>
<item><link>{{BASE}}/abc7/sanctuary-ordinance.html</link></item></channel></rss>"""
    routes = {"/feed.xml": (200, "application/rss+xml", feed), ARTICLE: demo_routes()[ARTICLE]}
    result, db, _ = crawl_site(tmp_path, routes, '[[sources]]\nname = "tips"\nkind = "feed"\nurl = "{base}/feed.xml"\n')
    assert result.returncode == 0, result.stderr
    assert "1 new articles" in result.stdout and "bad_link 2" in result.stdout
    assert query(db, "select count(*) from articles") == [(1,)]


def test_feed_links_to_private_addresses_are_refused_however_written(tmp_path):
    # A source allowed on its own 127.0.0.1 port linked to another local server written as numbers, and to
    # a host name that resolves to a private address: both were fetched and stored. Now each is refused and
    # recorded as private_address; only the article on the source's own host and port is stored. (The
    # numbers point at another port: w3lib 2.6 rewrites "2130706433" to "127.0.0.1" in every Request, so a
    # link to the source's own port written as numbers is the source's own URL, fetched once.)
    import socket

    hostname = socket.gethostname()
    try:
        resolves_private = not ipaddress.ip_address(socket.gethostbyname(hostname)).is_global
    except OSError:
        resolves_private = False
    feed: dict[str, bytes] = {}
    routes = {
        "/robots.txt": (200, "text/plain", b""),
        "/feed.xml": lambda: (200, "application/rss+xml", feed["body"]),
        **demo_routes(),
    }
    with serve(routes) as base, serve(routes) as other:
        port = base.rsplit(":", 1)[1]
        other_port = other.rsplit(":", 1)[1]
        links = [
            f"http://2130706433:{other_port}/abc7/sanctuary-ordinance.html",
            f"{base}/abc7/sanctuary-ordinance.html",
        ]
        if resolves_private:
            links.append(f"http://{hostname}:{port}/abc7/sanctuary-ordinance.html?via=name")
        items = "".join(f"<item><link>{link}</link></item>" for link in links)
        feed["body"] = f'<rss version="2.0"><channel>{items}</channel></rss>'.encode()
        config = write_config(tmp_path, f'[[sources]]\nname = "local"\nkind = "feed"\nurl = "{base}/feed.xml"\n')
        db = tmp_path / "t.db"
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{db}")
    assert result.returncode == 0, result.stderr
    refused = 1 + resolves_private
    assert f"private_address {refused}" in result.stdout, result.stdout
    assert query(db, "select url from pages") == [(f"{base}/abc7/sanctuary-ordinance.html",)]


def test_a_feed_nested_past_the_parsers_limit_is_crawled_up_to_it_and_recorded(tmp_path):
    # Nested deeper than the parser allows, the rest of a feed was dropped and the run said ok.
    nest = b"<x>" * 300 + b"</x>" * 300
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel>'
        b"<item><link>{{BASE}}/abc7/sanctuary-ordinance.html</link></item>"
        + nest
        + b"<item><link>{{BASE}}/never-reached.html</link></item></channel></rss>"
    )
    routes = {"/feed.xml": (200, "application/rss+xml", feed), ARTICLE: demo_routes()[ARTICLE]}
    result, _, _ = crawl_site(tmp_path, routes, '[[sources]]\nname = "deep"\nkind = "feed"\nurl = "{base}/feed.xml"\n')
    assert result.returncode == 0, result.stderr
    assert "1 new articles" in result.stdout and "bad_feed 1" in result.stdout, result.stdout
    assert "cut short" in result.stderr


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_says_what_it_does_and_records_the_crawl_as_interrupted(tmp_path, presses):
    # One Ctrl-C printed nothing and waited; two recorded a cut-short crawl as ok with exit 0.
    with crawl_holding_a_page(tmp_path) as (crawl, db, release):
        crawl.send_signal(signal.SIGINT)
        if presses == 2:
            # The message comes first; then the second press stops the crawl at once, the page still held.
            line = crawl.stderr.readline()
            while line and "press Ctrl-C again" not in line:
                line = crawl.stderr.readline()
            crawl.send_signal(signal.SIGINT)
            out, err = crawl.communicate(timeout=120)
            err = line + err
        else:
            release.set()
            out, err = crawl.communicate(timeout=120)
    assert "stopping after pages in flight; press Ctrl-C again to stop now" in err
    assert crawl.returncode == 130, out + err
    assert query(db, "select status from crawl_runs") == [("interrupted",)]
    assert query(db, "pragma integrity_check") == [("ok",)]


def test_sitemap_indexes_that_go_on_forever_stop_at_the_configured_limits(tmp_path):
    # A sitemap index pointing to ever new indexes made 6,927 requests in 90 s and did not end.
    def index(child: str) -> tuple[int, str, bytes]:
        body = f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{{{{BASE}}}}{child}</loc></sitemap></sitemapindex>'
        return (200, "application/xml", body.encode())

    routes = {"/robots.txt": (200, "text/plain", b""), **{f"/s{k}.xml": index(f"/s{k + 1}.xml") for k in range(10)}}
    with serve(routes) as base:
        config = write_config(
            tmp_path,
            f'[crawler]\nmax_sitemap_depth = 2\n[[sources]]\nname = "deep"\nkind = "sitemap"\nurl = "{base}/s0.xml"\n',
        )
        result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{tmp_path / 't.db'}")
    assert "sitemap_limit 1" in result.stdout, result.stdout + result.stderr
    assert "4 responses" in result.stdout  # robots.txt and the sitemaps at depths 0, 1 and 2


def test_an_article_two_kinds_of_source_list_is_fetched_once(tmp_path):
    # Each source kind has its own spider (and Scrapy copies the settings for each): the run's set of
    # requested URLs must still be one, so a feed and a sitemap listing one article fetch it once.
    hits: list[str] = []

    def counted():
        hits.append(ARTICLE)
        return demo_routes()[ARTICLE]

    link = b"{{BASE}}" + ARTICLE.encode()
    routes = {
        "/feed.xml": (
            200,
            "application/rss+xml",
            b'<rss version="2.0"><channel><item><link>' + link + b"</link></item></channel></rss>",
        ),
        "/sitemap.xml": (
            200,
            "application/xml",
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>' + link + b"</loc></url></urlset>",
        ),
        ARTICLE: counted,
    }
    sources = (
        '[[sources]]\nname = "feed"\nkind = "feed"\nurl = "{base}/feed.xml"\n'
        '[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{base}/sitemap.xml"\n'
    )
    result, _, _ = crawl_site(tmp_path, routes, sources)
    assert result.returncode == 0, result.stderr
    assert hits == [ARTICLE] and "1 new articles" in result.stdout


def test_stored_urls_are_read_once_per_crawl(tmp_path, monkeypatch):
    # Every spider (one per source kind) read the whole pages table when it opened.
    import crawler.middlewares as middlewares
    from crawler.run_urls import RunUrls

    reads: list[int] = []
    monkeypatch.setattr(middlewares, "stored_urls", lambda session: reads.append(1) or {"https://a.example/1"})
    run = RunUrls()
    for _ in range(3):
        middleware = middlewares.SkipStoredMiddleware(None, f"sqlite:///{tmp_path / 't.db'}", False, run)
        middleware.spider_opened(None)
        assert middleware.stored == {"https://a.example/1"}
    assert reads == [1]
