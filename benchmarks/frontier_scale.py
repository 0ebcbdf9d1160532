"""Pages per second of a distributed run with 1, 2 and 3 crawl processes sharing one Redis frontier and
one PostgreSQL store, on one machine.

Serves N pages (the real news pages of ../shared/data/news-html, cycled under distinct URLs, as
benchmarks/crawl_throughput.py does) from 127.0.0.1 through a sitemap, with every request counted. For
each process count: a fresh PostgreSQL database and an empty Redis database, then that many
`sanctuary-tracker crawl --frontier` processes started together (each with `--page-workers` page
processes, default 1). Reported per count: wall time until the last process exits, pages stored per
second, CPU seconds of each process (its page workers included) and the cores used in all, and the most
times any page was fetched (1: nothing fetched twice).

    python benchmarks/frontier_scale.py --pages 600 --pg postgresql+psycopg://postgres:postgres@127.0.0.1/postgres \\
        --redis redis://127.0.0.1:6379/14 [--processes 1 2 3] [--page-workers 1]
"""

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from crawl_throughput import site  # run as a script: benchmarks/ is on the path
from redis import Redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from scheduler.site_server import serve

ROOT = Path(__file__).resolve().parents[1]


def counted(routes: dict, hits: collections.Counter) -> dict:
    """The routes, each request counted."""
    lock = threading.Lock()

    def handler(path: str, route: tuple) -> object:
        def handle() -> tuple:
            with lock:
                hits[path] += 1
            return route

        return handle

    return {path: handler(path, route) for path, route in routes.items()}


def fresh_database(admin_url: str) -> str:
    """A new PostgreSQL database; its URL."""
    name = f"frontier_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, url: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def stored(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        count = int(conn.execute(text("SELECT count(*) FROM pages")).scalar_one())
    engine.dispose()
    return count


def run(processes: int, config: Path, db: str, frontier: str) -> tuple[float, list[float]]:
    """Start the processes together; (wall seconds until the last exits, CPU seconds of each)."""
    env = {**os.environ, "TRACKER_DB_URL": db, "TRACKER_FRONTIER_URL": frontier}
    command = [sys.executable, "-m", "scheduler", "crawl", "--config", str(config)]
    started = time.perf_counter()
    children = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL) for _ in range(processes)]
    cpu = []
    for child in children:
        _, status, usage = os.wait4(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"a crawl process exited with {os.waitstatus_to_exitcode(status)}")
        cpu.append(usage.ru_utime + usage.ru_stime)
    return time.perf_counter() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--page-workers", type=int, default=1, help="crawler.workers of each crawl process")
    parser.add_argument("--pg", required=True, help="an admin URL of the PostgreSQL server (databases are made)")
    parser.add_argument("--redis", required=True, help="a Redis database URL (flushed before each count)")
    args = parser.parse_args()
    hits: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp, serve(counted(site(args.pages), hits)) as base:
        config = Path(tmp) / "bench.toml"
        config.write_text(
            "allow_private = true\n[crawler]\nautothrottle = false\nconcurrent_requests = 16\n"
            f"concurrent_requests_per_domain = 8\nobey_robots = false\nworkers = {args.page_workers}\n"
            f'[[sources]]\nname = "bench"\nkind = "sitemap"\nurl = "{base}/sitemap.xml"\n'
        )
        for processes in args.processes:
            Redis.from_url(args.redis).flushdb()
            hits.clear()
            db = fresh_database(args.pg)
            try:
                wall, cpu = run(processes, config, db, args.redis)
                pages = stored(db)
            finally:
                drop_database(args.pg, db)
            print(
                f"{processes} process(es): {wall:6.1f} s, {pages / wall:6.1f} pages/s ({pages} pages), "
                f"CPU s per process {', '.join(f'{c:.1f}' for c in cpu)}, cores used {sum(cpu) / wall:.2f}, "
                f"most fetches of one page {max(hits.values())}"
            )
    print(f"cores here: {os.cpu_count()}")


if __name__ == "__main__":
    main()
