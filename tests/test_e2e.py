"""End to end: serve a site on 127.0.0.1, run `sanctuary-tracker crawl`, check the database and the CSV."""

import csv
import sqlite3

import pytest

from scheduler.exit_codes import EXIT_LOCKED
from scheduler.lock import crawl_lock
from tests.conftest import demo_config, run_cli


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_crawl_stores_articles_and_statements_then_adds_nothing(demo_site, tmp_path, seed_gold):
    config = demo_config(demo_site, tmp_path)
    db = tmp_path / "tracker.db"
    first = run_cli("crawl", "--config", str(config))
    assert first.returncode == 0, first.stderr
    assert "3 new articles" in first.stdout

    urls = {u for (u,) in rows(db, "select url from articles")}
    assert urls == {
        f"{demo_site}/abc7/sanctuary-ordinance.html",
        f"{demo_site}/ledger/sf-sanctuary-reaffirmed.html",
        f"{demo_site}/ledger/harborview-detainers.html",  # canonical URL without its utm_ parameters
    }
    # The off-topic page is stored as a page only; the broken page not at all.
    assert rows(db, "select outcome from pages where url like '%farmers%'") == [("off_topic",)]
    assert rows(db, "select count(*) from pages where url like '%broken%'") == [(0,)]

    seed_speakers = {q["speaker"] for q in seed_gold["quotes"]}
    by_speaker = rows(
        db,
        """select o.name, o.title, count(distinct s.id), count(distinct ar.outlet)
                             from statements s join officials o on o.id = s.official_id
                             join appearances a on a.statement_id = s.id join articles ar on ar.id = a.article_id
                             group by o.name""",
    )
    seed_rows = [r for r in by_speaker if r[0] in seed_speakers]
    assert len(seed_rows) == seed_gold["expected"]["officials"]
    assert sum(r[2] for r in seed_rows) == seed_gold["expected"]["statements"]
    assert all(r[3] == 2 for r in seed_rows), "the syndicated copy adds appearances to the same statements"
    assert ("David Chiu", "City Attorney", 2, 2) in seed_rows

    [run] = rows(db, "select status, articles_new, off_topic, error_kinds from crawl_runs")
    assert run == ("partial", 3, 1, '{"parse": 1}')

    again = run_cli("crawl", "--config", str(config))
    assert again.returncode == 0, again.stderr
    assert "0 new articles" in again.stdout and "0 new statements" in again.stdout
    assert rows(db, "select count(*) from statements") == [(sum(r[2] for r in by_speaker),)]

    out = tmp_path / "statements.csv"
    export = run_cli("export", "statements", "--config", str(config), "--output", str(out))
    assert export.returncode == 0, export.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    seed_csv = [r for r in csv_rows if r["speaker"] in seed_speakers]
    assert len(seed_csv) == 7
    for r in seed_csv:
        assert r["title"] and r["date"] == "2025-01-28" and r["quote"]
        assert set(r["outlets"].split("; ")) == {"ABC7 News", "The Bay Ledger (fictional)"}
        assert len(r["urls"].split()) == 2


def test_refetch_and_since(demo_site, tmp_path):
    config = demo_config(demo_site, tmp_path)
    result = run_cli("crawl", "--config", str(config), "--since", "2025-02-01")
    assert result.returncode == 0, result.stderr
    # Only the Harborview story (dated 2025-02-03) is newer than --since.
    assert "1 new articles" in result.stdout
    again = run_cli("crawl", "--config", str(config), "--source", "ledger-demo", "--refetch")
    assert "1 unchanged" in again.stdout


def test_second_crawl_is_refused_while_the_lock_is_held(demo_site, tmp_path):
    config = demo_config(demo_site, tmp_path)
    with crawl_lock(f"sqlite:///{tmp_path / 'tracker.db'}"):
        result = run_cli("crawl", "--config", str(config))
    assert result.returncode == EXIT_LOCKED
    assert "another crawl is running" in result.stderr


def test_bad_config_and_unknown_source_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = true\n")
    result = run_cli("crawl", "--config", str(bad))
    assert result.returncode == 2 and "unknown key(s) nonsense" in result.stderr
    result = run_cli("crawl", "--source", "no-such-source", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 2 and "unknown source(s): no-such-source" in result.stderr


def test_dead_source_fails_the_run(tmp_path):
    config = tmp_path / "dead.toml"
    config.write_text(
        'allow_private = true\n[[sources]]\nname = "dead"\nkind = "feed"\nurl = "http://127.0.0.1:9/feed.xml"\n'
    )
    result = run_cli("crawl", "--config", str(config), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "failed" in result.stdout


def test_reprocess_is_idempotent_and_keeps_statement_ids(demo_site, tmp_path):
    config = demo_config(demo_site, tmp_path)
    db = tmp_path / "tracker.db"
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    before = rows(db, "select uid, text from statements order by uid")
    appearances = rows(db, "select count(*) from appearances")
    first = run_cli("reprocess", "--config", str(config))
    assert first.returncode == 0, first.stderr
    second = run_cli("reprocess", "--config", str(config))
    assert "0 new articles, 0 updated, 3 unchanged, 1 off topic" in second.stdout
    assert rows(db, "select uid, text from statements order by uid") == before
    assert rows(db, "select count(*) from appearances") == appearances
    # The syndicated copy points to the original and adds appearances, not statements.
    assert rows(
        db,
        """select copy.url like '%ledger/sf-sanctuary%', orig.url like '%abc7%'
                       from articles copy join articles orig on copy.original_id = orig.id""",
    ) == [(1, 1)]


def test_the_crawl_lock_holds_per_database_however_its_url_is_spelled(db_url, tmp_path):
    # On PostgreSQL the lock was a file in $TMPDIR named after the URL's spelling: "localhost" and
    # "127.0.0.1" (or another TMPDIR) let two crawls of one database overlap. It is now an advisory lock
    # in the database; SQLite keeps the file lock beside the resolved file.
    from sqlalchemy.engine import make_url

    from scheduler.lock import LockHeld

    url = make_url(db_url)
    if url.get_backend_name() == "postgresql":
        other = url.set(host="localhost" if url.host != "localhost" else "127.0.0.1")
    else:
        other = url.set(database=f"{tmp_path}/./tracker.db")
    other_spelling = other.render_as_string(hide_password=False)
    assert other_spelling != db_url
    with crawl_lock(db_url), pytest.raises(LockHeld, match="another crawl is running"), crawl_lock(other_spelling):
        pass
    with crawl_lock(other_spelling):  # released: the next crawl gets it
        pass
