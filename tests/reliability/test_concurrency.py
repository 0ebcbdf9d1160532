"""Several processes writing at once: no lost writes, no duplicate statements, no "database is locked"
reaching the user; a cron crawl next to the daemon is refused cleanly or waits."""

import sqlite3
import subprocess
import sys

from sqlalchemy import create_engine, text

from scheduler.demo import demo_routes
from scheduler.site_server import serve
from tests.reliability.writer import ARTICLES, statements_of

WRITERS = 4


def run_writers(db_url: str) -> None:
    from storage.db import make_engine

    make_engine(db_url).dispose()  # set the schema up once, as the first command on a new database would
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writer", db_url, f"outlet{w}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WRITERS)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-3000:]
        assert "locked" not in err


def test_several_writers_lose_nothing(db_url):
    run_writers(db_url)
    expected = {(speaker, words) for i in range(ARTICLES) for speaker, words in statements_of(i)}
    engine = create_engine(db_url)
    with engine.connect() as conn:
        articles = conn.execute(text("select count(*) from articles")).scalar()
        statements = conn.execute(
            text("select o.name, s.text from statements s join officials o on o.id = s.official_id")
        ).all()
        appearances = conn.execute(text("select count(*) from appearances")).scalar()
        officials = conn.execute(text("select name, count(*) from officials where curated = false group by name")).all()
    engine.dispose()
    assert articles == WRITERS * ARTICLES
    assert sorted(tuple(s) for s in statements) == sorted(expected)  # each once: no duplicates, none lost
    assert appearances == WRITERS * ARTICLES * 3
    assert all(n == 1 for _, n in officials)


def test_cron_crawls_next_to_the_daemon(tmp_path):
    with serve(demo_routes()) as base:
        config = tmp_path / "c.toml"
        config.write_text(
            f'allow_private = true\n[schedule]\ndefault = "1s"\n'
            f'[[sources]]\nname = "abc7"\nkind = "feed"\nurl = "{base}/abc7/feed.xml"\n'
            f'[[sources]]\nname = "ledger"\nkind = "sitemap"\nurl = "{base}/ledger/news-sitemap.xml"\n'
        )
        db = f"sqlite:///{tmp_path / 't.db'}"
        daemon = subprocess.Popen(
            [sys.executable, "-m", "scheduler", "schedule", "--config", str(config), "--db", db, "--max-runs", "3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        crons = [
            subprocess.run(
                [sys.executable, "-m", "scheduler", "crawl", "--config", str(config), "--db", db],
                capture_output=True,
                text=True,
                timeout=300,
            )
            for _ in range(3)
        ]
        _, daemon_err = daemon.communicate(timeout=300)
    assert daemon.returncode == 0, daemon_err[-3000:]
    for cron in crons:
        assert cron.returncode in (0, 75), cron.stdout + cron.stderr
        if cron.returncode == 75:
            assert "another crawl is running" in cron.stderr
        assert "database is locked" not in cron.stderr
    assert "database is locked" not in daemon_err
    with sqlite3.connect(tmp_path / "t.db") as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        statuses = [s for (s,) in conn.execute("select status from crawl_runs")]
        urls = [u for (u,) in conn.execute("select url from articles")]
    assert len(urls) == len(set(urls)) == 3
    assert "running" not in statuses and len(statuses) == 3 + sum(c.returncode == 0 for c in crons)
