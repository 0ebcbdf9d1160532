"""Pages per second of the tracker's crawl against a bare Scrapy + trafilatura crawl of the same pages.

Serves N pages (the real news pages of ../shared/data/news-html, cycled under distinct URLs, plus the
seed article) from 127.0.0.1 through a sitemap. Then, alternating `--rounds` times: the tracker crawls it
into a new SQLite database (`sanctuary-tracker crawl`, autothrottle off, 16 requests at once, 8 per
host, robots.txt off), and `benchmarks/reference_crawl.py` crawls it with the same network settings,
extracting each page with trafilatura and storing nothing. Each run is its own process; reported: wall
time, pages/s, the ratio of the two speeds, cores used ((user+sys)/wall, worker processes included), the
largest resident set of any one process and of all of them together (sampled), and for the tracker the
seconds per page over the first and the last 500 pages (`--pages` of 1,000 or more), by fetch time and by
the time they were stored (the page count, polled every 0.1 s beside the crawl). The
speed ratio is given of the medians and round by round (the two runs of a round are closest in time).

    python benchmarks/crawl_throughput.py --pages 570 [--rounds 3] [--workers N]
"""

import argparse
import gzip
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from scheduler.demo import demo_routes
from scheduler.site_server import Route, serve

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "news-html"
WINDOW = 500


def site(n: int) -> dict[str, Route]:
    """A site of n article pages and its sitemap."""
    manifest = [json.loads(line) for line in (SHARED / "manifest.jsonl").read_text().splitlines() if line.strip()]
    bodies = [gzip.decompress((SHARED / m["file"]).read_bytes()) for m in manifest]
    bodies.append(demo_routes()["/abc7/sanctuary-ordinance.html"][2])
    routes: dict[str, Route] = {"/robots.txt": (200, "text/plain", b"User-agent: *\n")}
    locs = []
    for i in range(n):
        path = f"/news/{i}.html"
        routes[path] = (200, "text/html; charset=utf-8", bodies[i % len(bodies)])
        locs.append(f"<url><loc>{{{{BASE}}}}{path}</loc></url>")
    sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(locs)
    routes["/sitemap.xml"] = (200, "application/xml", (sitemap + "</urlset>").encode())
    return routes


def timed(command: list[str], db: Path | None = None) -> tuple[float, float, float, float, list[tuple[float, int]]]:
    """Run a command; (wall seconds, CPU seconds of it and the processes it waited for, largest resident
    set of any one of them in MB, largest resident set of it and its children together in MB, sampled
    every 0.2 s, and (seconds, pages stored) every 0.1 s when it writes the SQLite database `db`)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = [0.0]
    stored: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_rss_mb(process.pid))

    def count_pages() -> None:
        while db is not None and not done.wait(0.1):
            count = pages_stored(db)
            if count is not None:
                stored.append((time.perf_counter() - started, count))

    samplers = [threading.Thread(target=sample, daemon=True), threading.Thread(target=count_pages, daemon=True)]
    for sampler in samplers:
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    for sampler in samplers:
        sampler.join()
    wall = time.perf_counter() - started
    if db is not None and (count := pages_stored(db)) is not None:
        stored.append((wall, count))  # (the last pages may have been stored after the last sample)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[1]} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0], stored


def pages_stored(db: Path) -> int | None:
    """Pages in the crawl's database so far, read beside the crawl; None when it cannot be read yet (no
    file, no tables, or busy)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as conn:
            return int(conn.execute("select count(*) from pages").fetchone()[0])
    except sqlite3.Error:
        return None


def tree_rss_mb(pid: int) -> float:
    """Resident set of a process and all its descendants now, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total / 2**20


def store_windows(stored: list[tuple[float, int]]) -> tuple[float, float] | None:
    """Seconds per page over the first and the last WINDOW pages, by the time they were stored: when the
    page count reached each end of the window, interpolated between samples."""
    pages = stored[-1][1] if stored else 0
    if pages < 2 * WINDOW:
        return None

    def reached(k: int) -> float:
        before = (0.0, 0)
        for t, n in stored:
            if n >= k:
                return before[0] + (t - before[0]) * (k - before[1]) / max(1, n - before[1])
            before = (t, n)
        raise ValueError(k)

    return (reached(WINDOW) - reached(1)) / (WINDOW - 1), (reached(pages) - reached(pages - WINDOW + 1)) / (WINDOW - 1)


def per_page_windows(db: Path) -> tuple[float, float] | None:
    """Seconds per page over the first and the last WINDOW pages stored, by fetch time."""
    with sqlite3.connect(db) as conn:
        times = [datetime.fromisoformat(t) for (t,) in conn.execute("select fetched_at from pages order by fetched_at")]
    if len(times) < 2 * WINDOW:
        return None
    first = (times[WINDOW - 1] - times[0]).total_seconds() / (WINDOW - 1)
    last = (times[-1] - times[-WINDOW]).total_seconds() / (WINDOW - 1)
    return first, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=570)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, help="crawler.workers for the tracker (default: one per core)")
    args = parser.parse_args()
    tracker_speeds, reference_speeds = [], []
    with tempfile.TemporaryDirectory() as tmp, serve(site(args.pages)) as base:
        workers = f"workers = {args.workers}\n" if args.workers is not None else ""
        config = Path(tmp) / "bench.toml"
        config.write_text(
            "allow_private = true\n[crawler]\nautothrottle = false\nconcurrent_requests = 16\n"
            f"concurrent_requests_per_domain = 8\nobey_robots = false\n{workers}"
            f'[[sources]]\nname = "bench"\nkind = "sitemap"\nurl = "{base}/sitemap.xml"\n'
        )
        tracker = [sys.executable, "-m", "scheduler", "crawl", "--config", str(config), "--db"]
        reference = [sys.executable, str(ROOT / "benchmarks" / "reference_crawl.py"), f"{base}/sitemap.xml"]
        for n in range(args.rounds):
            db = Path(tmp) / f"run{n}.db"
            wall, cpu, rss, tree, stored = timed([*tracker, f"sqlite:///{db}"], db)
            tracker_speeds.append(args.pages / wall)
            windows, by_store = per_page_windows(db), store_windows(stored)
            window_text = f", s/page first {WINDOW} {windows[0]:.4f} last {WINDOW} {windows[1]:.4f}" if windows else ""
            if by_store:
                first, last = by_store
                window_text += f" (by store time {first:.4f} / {last:.4f}, {last / first:.2f}x)"
            print(
                f"round {n + 1} tracker:   {wall:6.1f} s {args.pages / wall:6.1f} pages/s, cores {cpu / wall:.2f}, "
                f"max RSS {rss:.0f} MB (all processes {tree:.0f} MB){window_text}"
            )
            wall, cpu, rss, _, _ = timed(reference)
            reference_speeds.append(args.pages / wall)
            print(
                f"round {n + 1} reference: {wall:6.1f} s {args.pages / wall:6.1f} pages/s, cores {cpu / wall:.2f}, "
                f"max RSS {rss:.0f} MB"
            )
    ratio = statistics.median(tracker_speeds) / statistics.median(reference_speeds)
    # Each round's two runs are minutes apart at most; this machine's speed drifts by a third over an hour,
    # so the ratio within a round says more than the ratio of medians taken across rounds.
    paired = [t / r for t, r in zip(tracker_speeds, reference_speeds, strict=True)]
    print(
        f"pages {args.pages}, cores here {os.cpu_count()}: tracker / reference speed (medians) {ratio:.2f}; "
        f"by round {' '.join(f'{p:.2f}' for p in paired)} (median {statistics.median(paired):.2f})"
    )


if __name__ == "__main__":
    main()
