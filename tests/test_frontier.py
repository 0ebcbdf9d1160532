"""Distributed runs: several crawl processes sharing one run's requests through Redis, one PostgreSQL store.

The processes are real (`sanctuary-tracker crawl --frontier`), the Redis and PostgreSQL servers too, the
site is served from 127.0.0.1 with every request counted."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import scrapy
from scrapy.utils.request import request_from_dict
from sqlalchemy import create_engine, text

from crawler.config import ConfigError, load_config, resolve_frontier_url
from crawler.frontier import codec, runs
from crawler.frontier.keys import ACTIVE_RUN, RunKeys
from crawler.frontier.queue import LEASE_META, MAX_ATTEMPTS, LeasedQueue
from scheduler.site_server import serve
from tests.frontier_site import OUTLETS, Site

STORIES = 70  # 210 article pages at three outlets, two sitemaps


def _redis_server(port: int) -> subprocess.Popen[str]:
    """A Redis server of the test's own on 127.0.0.1, without persistence; returns once it accepts."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is missing: apt-get install redis-server to run the distributed-run tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:  # blocks until the server says it is ready
        if "Ready to accept connections" in line:
            return process
    raise AssertionError(f"redis-server on port {port} did not start")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redis_url() -> Iterator[str]:
    """An empty Redis database: TRACKER_TEST_REDIS_URL's (CI starts a server), else a server of the test's own."""
    from redis import Redis

    given = os.environ.get("TRACKER_TEST_REDIS_URL")
    if given:
        Redis.from_url(given).flushdb()
        yield given
        Redis.from_url(given).flushdb()
        return
    port = _free_port()
    server = _redis_server(port)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait()


def _crawl(config: Path, db: str, frontier: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TRACKER_DB_URL": db, "TRACKER_FRONTIER_URL": frontier}
    return subprocess.Popen(
        [sys.executable, "-m", "scheduler", "crawl", "--config", str(config), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _frontier_status(frontier: str) -> list[dict]:
    shown = subprocess.run(
        [sys.executable, "-m", "scheduler", "frontier", "status", "--frontier", frontier, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    return list(json.loads(shown.stdout))


def _rows(db: str, sql: str) -> list[tuple]:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def _assert_one_statement_per_quote(db: str, stories: int) -> None:
    """Every story's two quotes are two statements, each reported by the three outlets."""
    statements = _rows(db, "SELECT id FROM statements")
    assert len(statements) == 2 * stories
    outlets = _rows(
        db,
        "SELECT s.id, count(DISTINCT ar.outlet) FROM statements s JOIN appearances a ON a.statement_id = s.id "
        "JOIN articles ar ON ar.id = a.article_id GROUP BY s.id",
    )
    assert sorted({n for _, n in outlets}) == [3] and len(outlets) == 2 * stories


# --- units over a real Redis ------------------------------------------------------------------------


def test_requests_survive_the_trip_through_redis_as_json():
    class Spider(scrapy.Spider):
        name = "feed"

        def parse_article(self, response):
            pass

        def on_error(self, failure):
            pass

    spider = Spider()
    request = scrapy.Request(
        "https://example.org/a?x=1",
        callback=spider.parse_article,
        errback=spider.on_error,
        headers={"Referer": "https://example.org/feed"},
        meta={"source": "kqed", "published": date(2025, 3, 1), "article": True, "outlet": None},
        body=b"\x00\xff",
    )
    encoded = codec.dumps(request.to_dict(spider=spider))
    assert "pickle" not in encoded and isinstance(encoded, str)
    back = request_from_dict(codec.loads(encoded), spider=spider)
    assert (back.url, back.body, back.meta, back.headers.get("Referer")) == (
        request.url,
        request.body,
        request.meta,
        b"https://example.org/feed",
    )
    assert back.callback == spider.parse_article and back.errback == spider.on_error
    with pytest.raises(TypeError, match="object"):
        codec.dumps({"meta": {"x": object()}})


def test_the_frontier_comes_from_the_command_line_the_environment_or_the_config(tmp_path, monkeypatch):
    path = tmp_path / "c.toml"
    path.write_text('[frontier]\nurl = "redis://queue.example:6379/2"\nlease_seconds = 120\n')
    config = load_config(path)
    assert (config.frontier_url, config.lease_seconds) == ("redis://queue.example:6379/2", 120)
    assert resolve_frontier_url(None, config) == "redis://queue.example:6379/2"
    monkeypatch.setenv("TRACKER_FRONTIER_URL", "redis://env:6379/0")
    assert resolve_frontier_url(None, config) == "redis://env:6379/0"
    assert resolve_frontier_url("redis://cli:1/0", config) == "redis://cli:1/0"
    for bad, message in (
        ('[frontier]\nurl = "http://x:6379"\n', "must be redis://"),
        ("[frontier]\nlease_seconds = 0\n", "lease_seconds"),
        ('[frontier]\nurls = "redis://x"\n', "unknown key"),
    ):
        path.write_text(bad)
        with pytest.raises(ConfigError, match=message):
            load_config(path)


def test_a_leased_request_is_in_the_queue_until_released_and_goes_back_when_its_lease_runs_out(redis_url):
    from redis import Redis

    server = Redis.from_url(redis_url)
    spider = scrapy.Spider(name="feed")
    keys = RunKeys(7)
    queue = LeasedQueue(server, spider, keys, lease_seconds=600)
    for i in range(3):
        queue.push(scrapy.Request(f"https://example.org/{i}"))
    first = queue.pop()
    assert first is not None and first.url == "https://example.org/0"
    assert len(queue) == 3 and server.llen(keys.queue("feed")) == 2  # two waiting, one leased
    # A retry (a copy carrying the lease) replaces the leased request in one step.
    retry = first.replace(dont_filter=True)
    queue.push(retry)
    assert len(queue) == 3 and server.hlen(keys.leases("feed")) == 0
    second = queue.pop()
    assert second is not None and second.url == "https://example.org/1"
    queue.release(second.meta[LEASE_META])
    assert len(queue) == 1 + 1  # /2 and the retry of /0 wait
    # A worker that dies leaves its lease to run out: the request goes back, at the front.
    expiring = LeasedQueue(server, spider, keys, lease_seconds=0)
    taken = expiring.pop()
    assert taken is not None and taken.url == "https://example.org/2"
    assert expiring.requeue_expired() == 1
    again = queue.pop()
    assert again is not None and again.url == "https://example.org/2"


def test_a_request_that_outlives_every_lease_is_abandoned_and_counted(redis_url):
    from redis import Redis

    server = Redis.from_url(redis_url)
    keys = RunKeys(8)
    queue = LeasedQueue(server, scrapy.Spider(name="urls"), keys, lease_seconds=0)
    queue.push(scrapy.Request("https://example.org/kills-workers"))
    for _ in range(MAX_ATTEMPTS):
        assert queue.pop() is not None
        assert queue.requeue_expired() == 1
    assert queue.pop() is not None
    assert queue.requeue_expired() == 0
    assert len(queue) == 0 and int(server.get(keys.abandoned)) == 1


def test_a_run_closes_only_when_nothing_is_seeding_waiting_or_leased(redis_url):
    from redis import Redis

    server = Redis.from_url(redis_url)
    runs.open_run(server, 5, ["kqed", "ice"], ["feed", "sitemap"])
    keys = RunKeys(5)
    assert runs.active_run(server) == 5 and runs.run_sources(server, 5) == ["kqed", "ice"]
    assert runs.close_if_drained(server, 5) is None  # neither kind seeded
    server.sadd(keys.seeded, "feed")
    assert runs.close_if_drained(server, 5) is None  # sitemaps not seeded
    server.sadd(keys.seeded, "sitemap")
    queue = LeasedQueue(server, scrapy.Spider(name="sitemap"), keys, lease_seconds=600)
    queue.push(scrapy.Request("https://example.org/sitemap.xml"))
    assert runs.close_if_drained(server, 5) is None  # waiting
    taken = queue.pop()
    assert taken is not None and (server.llen(keys.queue("sitemap")), server.hlen(keys.leases("sitemap"))) == (0, 1)
    assert runs.close_if_drained(server, 5) is None  # leased
    queue.release(taken.meta[LEASE_META])
    assert runs.close_if_drained(server, 5) == 0
    assert runs.active_run(server) is None and runs.was_closed(server, 5)
    assert not [k for k in server.scan_iter(match=f"{keys.prefix}:*")]
    assert runs.close_if_drained(server, 5) is None and not server.exists(ACTIVE_RUN)


def test_a_kind_is_seeded_once_and_again_by_another_process_if_its_seeder_dies(redis_url):
    import asyncio

    from redis import Redis

    from crawler.frontier.seeding import Seeding

    server = Redis.from_url(redis_url)
    runs.open_run(server, 9, ["kqed"], ["feed"])
    seeding = Seeding(redis_url, 9, lease_seconds=1)
    requests = [scrapy.Request(f"https://example.org/feed/{i}") for i in range(3)]

    async def take(n: int | None) -> list[str]:
        """Run one process's seeding; n: stop after n requests (the process dies, its claim runs out)."""
        taken: list[str] = []
        async for request in seeding.seed("feed", iter(requests)):
            taken.append(request.url)
            if n is not None and len(taken) == n:
                break
        return taken

    async def scenario() -> tuple[list[str], list[str], list[str]]:
        dying = await take(1)
        # The dead seeder still holds its claim: the next process waits for it to run out, then seeds.
        second = await take(None)
        third = await take(None)  # the kind is seeded: nothing more
        return dying, second, third

    dying, second, third = asyncio.run(scenario())
    assert dying == ["https://example.org/feed/0"]
    assert second == [r.url for r in requests] and third == []
    assert server.sismember(RunKeys(9).seeded, "feed")


# --- real processes ---------------------------------------------------------------------------------


def test_three_workers_fetch_each_page_once_and_store_each_statement_once(tmp_path, redis_url, pg_url):
    site = Site(STORIES)
    with serve(site.routes()) as base:
        config = tmp_path / "tracker.toml"
        config.write_text(site.config(base))
        workers = [_crawl(config, pg_url, redis_url) for _ in range(3)]
        results = [w.communicate(timeout=300) for w in workers]
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err[-3000:]
        assert "Traceback" not in err
    # Every page and sitemap fetched once across the three processes.
    assert sorted(site.hits) == sorted([*site.article_paths(), "/alpha/sitemap.xml", "/beta/sitemap.xml"])
    assert set(site.hits.values()) == {1}
    assert _rows(pg_url, "SELECT count(*), count(DISTINCT url) FROM pages") == [(3 * STORIES, 3 * STORIES)]
    _assert_one_statement_per_quote(pg_url, STORIES)
    # One run record covers the three workers; its counts are theirs added up.
    (run,) = _rows(pg_url, "SELECT id, status, pages, articles_new, statements_new, frontier FROM crawl_runs")
    assert run[1:3] == ("ok", 3 * STORIES + 2) and run[4] == 2 * STORIES and run[5] == redis_url
    workers_rows = _rows(pg_url, "SELECT role, status, pages, statements_new FROM crawl_workers ORDER BY id")
    assert len(workers_rows) == 3 and {r[1] for r in workers_rows} == {"ok"}
    assert sorted(r[0] for r in workers_rows) == ["fetch", "fetch", "seed+fetch"]
    assert sum(r[2] for r in workers_rows) == run[2] and sum(r[3] for r in workers_rows) == run[4]
    sources = _rows(pg_url, "SELECT source, found, pages FROM source_runs ORDER BY source")
    assert sources == [(o, STORIES, STORIES) for o in OUTLETS]
    # `runs` counts the processes; `runs --workers` lists them.
    listed = subprocess.run(
        [sys.executable, "-m", "scheduler", "runs", "--db", pg_url, "--format", "json"], capture_output=True, text=True
    )
    (row,) = json.loads(listed.stdout)
    assert (row["workers"], row["pages"], row["status"]) == (3, run[2], "ok")
    listed = subprocess.run(
        [sys.executable, "-m", "scheduler", "runs", "--db", pg_url, "--workers", str(run[0]), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert sorted(w["role"] for w in json.loads(listed.stdout)) == ["fetch", "fetch", "seed+fetch"]
    missing = subprocess.run(
        [sys.executable, "-m", "scheduler", "runs", "--db", pg_url, "--workers", "99"], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no run 99" in missing.stderr
    from redis import Redis

    assert runs.active_run(Redis.from_url(redis_url)) is None  # closed, its keys gone


def test_a_worker_killed_mid_run_loses_no_request(tmp_path, redis_url, pg_url):
    site = Site(STORIES)
    site.gate.clear()  # article responses wait until both workers hold requests
    with serve(site.routes()) as base:
        config = tmp_path / "tracker.toml"
        config.write_text(site.config(base, lease_seconds=10))
        first = _crawl(config, pg_url, redis_url)
        site.wait_for_arrivals(1)
        second = _crawl(config, pg_url, redis_url)
        site.wait_for_arrivals(9)  # more than one worker's 8 requests per host at once: both are fetching
        # What the operator sees meanwhile: every request held at the gate is leased.
        shown = _frontier_status(redis_url)
        assert [r["kind"] for r in shown] == ["sitemap", "urls"] and sum(r["leased"] for r in shown) >= 9
        first.send_signal(signal.SIGKILL)
        first.wait()
        site.gate.set()
        _out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err[-3000:]
    # The killed worker's requests went back to the queue when their leases ran out: nothing is missing.
    assert _rows(pg_url, "SELECT count(DISTINCT url) FROM pages") == [(3 * STORIES,)]
    assert sorted(site.article_paths()) == sorted(p for p in site.hits if p.endswith(".html"))
    _assert_one_statement_per_quote(pg_url, STORIES)
    (status,) = _rows(pg_url, "SELECT status FROM crawl_runs")
    assert status == ("ok",)
    # The killed worker's row says it never finished; the survivor's says it did.
    assert sorted(_rows(pg_url, "SELECT status FROM crawl_workers")) == [("ok",), ("running",)]
    closed = subprocess.run(
        [sys.executable, "-m", "scheduler", "frontier", "status", "--frontier", redis_url],
        capture_output=True,
        text=True,
    )
    assert closed.returncode == 0 and "no open run" in closed.stdout


def test_redis_restarting_mid_run_leaves_a_whole_store_and_the_next_run_finishes(tmp_path, pg_url):
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    server = _redis_server(port)
    site = Site(STORIES)
    site.gate.clear()
    try:
        with serve(site.routes()) as base:
            config = tmp_path / "tracker.toml"
            config.write_text(site.config(base))
            worker = _crawl(config, pg_url, url)
            site.wait_for_arrivals(4)
            server.terminate()  # Redis goes, and comes back empty (no persistence)
            server.wait()
            server = _redis_server(port)
            site.gate.set()
            _out, err = worker.communicate(timeout=300)
            assert worker.returncode in (0, 69), err[-3000:]
            assert "Traceback" not in err
            # Whatever was stored is whole: every stored article's page is there, every statement has pieces.
            assert _rows(
                pg_url, "SELECT count(*) FROM articles a LEFT JOIN pages p ON p.id = a.page_id WHERE p.id IS NULL"
            ) == [(0,)]
            assert _rows(
                pg_url,
                "SELECT count(*) FROM statements s "
                "WHERE NOT EXISTS (SELECT 1 FROM appearances a WHERE a.statement_id = s.id)",
            ) == [(0,)]
            (run,) = _rows(pg_url, "SELECT status FROM crawl_runs")
            assert run[0] != "ok"  # not reported as a complete run
            again = _crawl(config, pg_url, url)
            _out, err = again.communicate(timeout=300)
            assert again.returncode == 0, err[-3000:]
    finally:
        server.terminate()
        server.wait()
    assert _rows(pg_url, "SELECT count(*), count(DISTINCT url) FROM pages") == [(3 * STORIES, 3 * STORIES)]
    _assert_one_statement_per_quote(pg_url, STORIES)


def test_unreachable_services_are_one_line_and_their_own_exit_codes(tmp_path, redis_url, pg_url):
    site = Site(1)
    with serve(site.routes()) as base:
        config = tmp_path / "tracker.toml"
        config.write_text(site.config(base))
        dead = f"redis://127.0.0.1:{_free_port()}/0"
        for args in (
            ["crawl", "--config", str(config)],
            ["worker", "--config", str(config), "--max-runs", "1"],
            ["frontier", "status", "--config", str(config)],
        ):
            result = subprocess.run(
                [sys.executable, "-m", "scheduler", *args, "--frontier", dead],
                env={**os.environ, "TRACKER_DB_URL": pg_url},
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 69, result.stderr
            assert f"cannot reach the frontier at {dead}" in result.stderr and "Traceback" not in result.stderr
        no_db = "postgresql+psycopg://postgres:secret@127.0.0.1:1/tracker"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scheduler",
                "crawl",
                "--config",
                str(config),
                "--frontier",
                redis_url,
                "--db",
                no_db,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 68, result.stderr
        assert "cannot open the database" in result.stderr and "secret" not in result.stderr
        # --join with no open run has nothing to do; --seed-only and --join need a frontier.
        joined = _crawl(config, pg_url, redis_url, "--join")
        out, _err = joined.communicate(timeout=120)
        assert joined.returncode == 0 and "no distributed run is open" in out
        alone = subprocess.run(
            [sys.executable, "-m", "scheduler", "crawl", "--config", str(config), "--seed-only"],
            env={k: v for k, v in os.environ.items() if k != "TRACKER_FRONTIER_URL"} | {"TRACKER_DB_URL": pg_url},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert alone.returncode == 2 and "need a frontier" in alone.stderr


def test_the_daemon_opens_runs_and_a_long_lived_worker_fetches_them(tmp_path, redis_url, pg_url):
    site = Site(10)
    with serve(site.routes()) as base:
        config = tmp_path / "tracker.toml"
        config.write_text(site.config(base))
        env = {**os.environ, "TRACKER_DB_URL": pg_url, "TRACKER_FRONTIER_URL": redis_url}
        worker = subprocess.Popen(
            [sys.executable, "-m", "scheduler", "worker", "--config", str(config), "--max-runs", "1", "--poll", "0.2"],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        daemon = subprocess.run(
            [sys.executable, "-m", "scheduler", "schedule", "--config", str(config), "--max-runs", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert daemon.returncode == 0, daemon.stderr[-3000:]
        _out, err = worker.communicate(timeout=300)
    assert worker.returncode == 0, err[-3000:]
    assert "waiting for runs on" in err
    assert set(site.hits.values()) == {1} and len(site.hits) == 3 * 10 + 2
    roles = _rows(pg_url, "SELECT role, status, pages FROM crawl_workers ORDER BY role")
    # The daemon's crawl only seeded (it fetched nothing); the worker fetched every page.
    assert roles == [("fetch", "ok", 3 * 10 + 2), ("seed", "ok", 0)]
    assert _rows(pg_url, "SELECT status, pages FROM crawl_runs") == [("ok", 3 * 10 + 2)]
    _assert_one_statement_per_quote(pg_url, 10)


def test_a_waiting_worker_stops_on_sigterm(tmp_path, redis_url, pg_url):
    config = tmp_path / "tracker.toml"
    config.write_text(Site(1).config("http://127.0.0.1:9"))
    worker = subprocess.Popen(
        [sys.executable, "-m", "scheduler", "worker", "--config", str(config), "--poll", "0.2"],
        env={**os.environ, "TRACKER_DB_URL": pg_url, "TRACKER_FRONTIER_URL": redis_url},
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stderr is not None
    assert "waiting for runs on" in worker.stderr.readline()  # blocks until the worker waits
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=60) == 130
