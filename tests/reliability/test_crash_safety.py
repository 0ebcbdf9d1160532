"""A crawl killed with SIGKILL at different points, then run again: nothing duplicated, nothing half
written, and the second run completes the work."""

import signal
import sqlite3
import subprocess
import sys
import threading

import pytest

from scheduler.demo import demo_routes
from scheduler.site_server import serve
from tests.conftest import demo_config, run_cli

ARTICLES = (
    "/abc7/sanctuary-ordinance.html",
    "/ledger/sf-sanctuary-reaffirmed.html",
    "/ledger/harborview-detainers.html",
)


def snapshot(db):
    with sqlite3.connect(db) as conn:
        return {
            "articles": sorted(u.split("/", 3)[-1] for (u,) in conn.execute("select url from articles")),
            "statements": sorted(
                conn.execute(
                    "select o.name, s.said_on, s.text from statements s join officials o on o.id = s.official_id"
                ).fetchall()
            ),
            "appearances": conn.execute("select count(*) from appearances").fetchone()[0],
        }


def counting_routes(served: list[str], reached: threading.Event, kill_after: int):
    routes = {}
    for path, route in demo_routes().items():

        def handler(path=path, route=route):
            if path in ARTICLES:
                served.append(path)
                if len(served) >= kill_after:
                    reached.set()
            return route

        routes[path] = handler
    return routes


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What one uninterrupted crawl stores."""
    tmp = tmp_path_factory.mktemp("reference")
    with serve(demo_routes()) as base:
        assert run_cli("crawl", "--config", str(demo_config(base, tmp))).returncode == 0
    return snapshot(tmp / "tracker.db")


@pytest.mark.parametrize("kill_after", [1, 2, 3])
def test_sigkill_then_rerun(tmp_path, reference, kill_after):
    served: list[str] = []
    reached = threading.Event()
    with serve(counting_routes(served, reached, kill_after)) as base:
        config = demo_config(base, tmp_path)
        crawl = subprocess.Popen(
            [sys.executable, "-m", "scheduler", "crawl", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert reached.wait(120), "the crawl never reached the kill point"
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(60)
        db = tmp_path / "tracker.db"
        with sqlite3.connect(db) as conn:
            assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
            # Nothing half-written: every stored article has all its appearances (they commit together).
            for (article_id,) in conn.execute("select id from articles"):
                assert conn.execute(f"select count(*) from appearances where article_id = {article_id}").fetchone()[0]
        again = run_cli("crawl", "--config", str(config))
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(db) == reference
    with sqlite3.connect(db) as conn:
        assert conn.execute("select status from crawl_runs order by id").fetchall() == [("killed",), ("partial",)]
