"""A page that would hold the crawl's CPU for minutes is cut off at its CPU-time limit in a worker process
and recorded as `cpu_limit`; the crawl stores every other page and ends."""

import asyncio
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys

from scheduler.demo import demo_routes
from tests.test_operations import ARTICLE, crawl_site

# Eighty thousand tiny paragraphs: trafilatura took 18 s over such a page (1.2 million never ended).
MANY_PARAGRAPHS = (
    b"<html><head><title>Sanctuary city</title></head><body><article>"
    + b"<p>Sanctuary city ICE raid.</p>" * 80_000
    + b"</article></body></html>"
)


def test_a_page_past_its_cpu_limit_is_recorded_and_the_crawl_goes_on(tmp_path):
    routes = {
        ARTICLE: demo_routes()[ARTICLE],
        "/heavy.html": (200, "text/html; charset=utf-8", MANY_PARAGRAPHS),
        "/feed.xml": (
            200,
            "application/rss+xml",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><link>{{BASE}}/heavy.html</link></item>"
            b"<item><link>{{BASE}}" + ARTICLE.encode() + b"</link></item></channel></rss>",
        ),
    }
    sources = "[crawler]\npage_cpu_seconds = 1\nworkers = 2\n"
    sources += '[[sources]]\nname = "site"\nkind = "feed"\nurl = "{base}/feed.xml"\n'
    result, db, base = crawl_site(tmp_path, routes, sources)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(db) as conn:
        articles = [u.replace(base, "") for (u,) in conn.execute("select url from articles")]
        [(status, kinds)] = conn.execute("select status, error_kinds from crawl_runs").fetchall()
    assert articles == [ARTICLE]
    assert json.loads(kinds) == {"cpu_limit": 1} and status == "partial"


def test_a_workers_dies_with_its_crawl_even_when_the_crawl_is_killed():
    # SIGKILLed crawls left their worker processes running for ever (the crash-safety tests found them).
    crawl = subprocess.Popen(
        [sys.executable, "-c", "from tests.reliability.orphan import main; main()"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert crawl.stdout is not None
    worker = int(crawl.stdout.readline())
    handle = os.pidfd_open(worker)  # readable once the worker has exited
    try:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(60)
        readable, _, _ = select.select([handle], [], [], 60)
    finally:
        os.close(handle)
    assert readable == [handle], "the worker outlived its crawl"


def test_a_worker_starts_without_the_database_layer_or_scrapy():
    # Each worker holds what it loads: SQLAlchemy (23 MB) came in with the curated registry's reader.
    probe = (
        "import os, sys; import pipelines.page_pool as pool; from crawler.config import load_config; "
        "config = load_config(None); "
        "pool._start_worker(pool.ChainSetup(config.topics, config.min_topic_matches, 30), os.getppid()); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'scrapy', 'twisted', 'alembic'}))"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]", shown.stderr


def test_the_chain_in_the_crawls_own_thread_stores_what_the_workers_store(tmp_path):
    # `workers = 0` runs the same chain without a pool (for debugging, or a machine that cannot spawn).
    from scheduler.demo import demo_config

    sources = demo_config("{base}").split("allow_private = true", 1)[1]
    stored = []
    for workers in (0, 2):
        folder = tmp_path / str(workers)
        folder.mkdir()
        result, db, _ = crawl_site(folder, demo_routes(), f"[crawler]\nworkers = {workers}\n{sources}")
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(db) as conn:
            stored.append(
                conn.execute(
                    "select o.name, s.said_on, s.text from statements s join officials o on o.id = s.official_id "
                    "order by 1, 2, 3"
                ).fetchall()
            )
    assert len(stored[0]) >= 5 and stored[0] == stored[1]


def test_a_page_stuck_past_the_wall_clock_limit_replaces_the_pool_and_the_pages_waiting_behind_it_run():
    from datetime import UTC, datetime

    from crawler.items import PageItem
    from pipelines.page_pool import ChainSetup, PagePool
    from tests.pool_pages import stall_or_pass

    def page(path: str) -> PageItem:
        return PageItem(f"https://news.example/{path}", 200, b"<html></html>", "site", None, datetime.now(UTC))

    async def crawl() -> list[str | None]:
        # One worker: the second page waits in the pool behind the stuck one, the third for a place in it.
        pool = PagePool(ChainSetup((), 1, 1.0), workers=1, run=stall_or_pass, wall_seconds=3)
        try:
            outcomes = await asyncio.gather(*(pool.process(page(p)) for p in ("stuck", "second", "third")))
        finally:
            pool.close()
        return [o.error for o in outcomes]

    stuck, second, third = asyncio.run(crawl())
    assert stuck == "no result after 3 s; worker replaced"
    assert (second, third) == ("ran https://news.example/second", "ran https://news.example/third")


def test_the_workers_start_with_the_first_article_request_that_reaches_the_downloader():
    from scrapy import Request

    from pipelines.chain_pipeline import ChainPipeline
    from pipelines.page_pool import ChainSetup, PagePool

    setup = ChainSetup((), 1, 1.0)
    pool = PagePool(setup, workers=1)
    pipeline = ChainPipeline(None, setup, workers=1)  # type: ignore[arg-type]
    ChainPipeline._shared = pool
    try:
        pipeline.request_reached_downloader(Request("https://news.example/feed.xml", meta={"source": "site"}))
        assert not pool.started  # a feed or sitemap: maybe nothing new to process
        pipeline.request_reached_downloader(Request("https://news.example/a", meta={"source": "site", "article": True}))
        assert pool.started
    finally:
        ChainPipeline._shared = None
        pool.close()
