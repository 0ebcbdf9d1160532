"""Statement identity across outlets on PolNeAR: quotes several publishers printed, crawled from 127.0.0.1.

python benchmarks/cross_outlet.py [--show]

Builds the cross-outlet set (tests/cross_outlet.py), serves its articles on 127.0.0.1, runs
`sanctuary-tracker crawl` into a fresh SQLite database, and prints how each group of quotes ended: one
statement; split into several (identity's failure); under different speakers (attribution's); not
stored (the quote engine missed the quote or its speaker). Also prints how many days apart publishers
printed the same quote, which is what the identity window has to cover.
"""

import argparse
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scheduler.site_server import serve  # noqa: E402
from tests.cross_outlet import build, config, evaluate, routes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the groups that did not end as one statement")
    args = parser.parse_args()
    data = build(REPO.parent / "shared")
    gaps = sorted(
        (max(date.fromisoformat(u.published) for u in g) - min(date.fromisoformat(u.published) for u in g)).days
        for g in data.groups
    )
    print(f"{len(data.groups)} groups of quotes printed by 2+ publishers, {len(data.articles)} articles")
    for days in (0, 1, 3, 7, 14, 31, 90):
        print(f"  printed within {days:>2} days of each other: {sum(g <= days for g in gaps)}")
    with tempfile.TemporaryDirectory() as tmp, serve(routes(data)) as base:
        db = Path(tmp) / "tracker.db"
        cfg = Path(tmp) / "config.toml"
        cfg.write_text(config(data, base, db), encoding="utf-8")
        crawl = subprocess.run(
            [sys.executable, "-m", "scheduler", "crawl", "--config", str(cfg)], capture_output=True, text=True
        )
        print(crawl.stdout.strip() or crawl.stderr.strip())
        figures = evaluate(data, db, base)
    print(
        f"one statement: {figures.one_statement}/{figures.groups} = {figures.share:.3f}; "
        f"of groups stored under one speaker: {figures.share_attributed:.3f}\n"
        f"split by identity: {len(figures.split)}; different speakers: {len(figures.other_speaker)}; "
        f"not stored: {len(figures.missing)}; statements joining different groups: {len(figures.wrong_merges)}"
    )
    if args.show:
        for label, groups in (
            ("split", figures.split),
            ("different speakers", figures.other_speaker),
            ("not stored", figures.missing),
            ("joined", figures.wrong_merges),
        ):
            for group in groups:
                print(f"\n[{label}]", *group, sep="\n  ")


if __name__ == "__main__":
    main()
