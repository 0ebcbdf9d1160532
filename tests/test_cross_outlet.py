"""Statement identity on real coverage: PolNeAR quotes printed by several publishers, crawled from 127.0.0.1."""

from scheduler.site_server import serve
from tests.conftest import SHARED, run_cli, shared
from tests.cross_outlet import build, config, evaluate, routes


def test_quotes_several_publishers_printed_end_as_one_statement(tmp_path):
    shared("data", "polnear")
    data = build(SHARED)
    assert len(data.groups) >= 35 and len(data.articles) >= 60
    db = tmp_path / "tracker.db"
    with serve(routes(data)) as base:
        path = tmp_path / "config.toml"
        path.write_text(config(data, base, db), encoding="utf-8")
        crawl = run_cli("crawl", "--config", str(path))
        assert crawl.returncode == 0, crawl.stderr
        figures = evaluate(data, db, base)
    # Identity's own share: groups whose quotes were stored under one speaker (attribution is measured
    # by the quote engine's tests); nothing joined that no article quotes together.
    assert figures.share_attributed >= 0.9, figures.split
    assert figures.wrong_merges == []
    # The end-to-end share, attribution included (13 of 38 when this floor was set).
    assert figures.one_statement >= 12
