"""Start-up cost of the command line: wall time of `sanctuary-tracker --help`, and of a crawl whose one
source (an empty feed on 127.0.0.1) offers nothing, into a new SQLite database and into one an earlier crawl
set up. Medians of `--runs`.

    python benchmarks/crawl_startup.py [--runs 7]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scheduler.site_server import serve

EMPTY_FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def wall(command: list[str]) -> float:
    """Seconds one run of the command takes."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "scheduler"]
    routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\n"),
        "/feed.xml": (200, "application/rss+xml", EMPTY_FEED),
    }
    with tempfile.TemporaryDirectory() as tmp, serve(routes) as base:
        config = Path(tmp) / "c.toml"
        config.write_text(
            f'allow_private = true\n[[sources]]\nname = "empty"\nkind = "feed"\nurl = "{base}/feed.xml"\n'
        )
        helps = [wall([*cli, "--help"]) for _ in range(args.runs)]
        crawls = []
        for n in range(args.runs):
            crawls.append(wall([*cli, "crawl", "--config", str(config), "--db", f"sqlite:///{tmp}/t{n}.db"]))
        # (as cron runs it: the database set up by an earlier crawl)
        again = [wall([*cli, "crawl", "--config", str(config), "--db", f"sqlite:///{tmp}/t0.db"]) for _ in crawls]
    print(f"--help: median {statistics.median(helps):.2f} s (min {min(helps):.2f})")
    print(f"empty crawl into a new database: median {statistics.median(crawls):.2f} s (min {min(crawls):.2f})")
    print(f"empty crawl into an existing database: median {statistics.median(again):.2f} s (min {min(again):.2f})")


if __name__ == "__main__":
    main()
