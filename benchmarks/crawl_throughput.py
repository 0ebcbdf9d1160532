"""Pages per second of a local end-to-end crawl, next to trafilatura's own extraction rate.

Serves N pages (the real news pages of ../shared/data/news-html, cycled under distinct URLs, plus the
seed article) from 127.0.0.1 through a sitemap, crawls them with the real spider, pipelines and SQLite
store, then times trafilatura alone on the same pages in the same process.

    python benchmarks/crawl_throughput.py --pages 600
"""

import argparse
import contextlib
import gzip
import json
import tempfile
import time
from pathlib import Path

from crawler.config import load_config
from pipelines.extract import ExtractionError, extract_article
from scheduler.crawl import run_crawl
from scheduler.demo import demo_routes
from scheduler.site_server import Route, serve

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-html"


def site(n: int) -> tuple[dict[str, Route], list[bytes]]:
    """A site of n article pages and its sitemap; also the page bodies, for timing trafilatura alone."""
    manifest = [json.loads(line) for line in (SHARED / "manifest.jsonl").read_text().splitlines() if line.strip()]
    bodies = [gzip.decompress((SHARED / m["file"]).read_bytes()) for m in manifest]
    bodies.append(demo_routes()["/abc7/sanctuary-ordinance.html"][2])
    routes: dict[str, Route] = {"/robots.txt": (200, "text/plain", b"User-agent: *\n")}
    pages = []
    locs = []
    for i in range(n):
        body = bodies[i % len(bodies)]
        path = f"/news/{i}.html"
        routes[path] = (200, "text/html; charset=utf-8", body)
        locs.append(f"<url><loc>{{{{BASE}}}}{path}</loc></url>")
        pages.append(body)
    sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(locs)
    routes["/sitemap.xml"] = (200, "application/xml", (sitemap + "</urlset>").encode())
    return routes, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=600)
    args = parser.parse_args()
    routes, pages = site(args.pages)
    with tempfile.TemporaryDirectory() as tmp, serve(routes) as base:
        config_path = Path(tmp) / "bench.toml"
        config_path.write_text(
            f'allow_private = true\n[[sources]]\nname = "bench"\nkind = "sitemap"\nurl = "{base}/sitemap.xml"\n'
        )
        config = load_config(config_path)
        started = time.perf_counter()
        summary = run_crawl(
            config,
            f"sqlite:///{tmp}/bench.db",
            config.sources,
            # Throughput of our own stack: no politeness delays against our own loopback server.
            overrides={"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "ROBOTSTXT_OBEY": False},
        )
        crawl_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for body in pages:
        with contextlib.suppress(ExtractionError):
            extract_article(body)
    extract_seconds = time.perf_counter() - started
    fetched = summary.counts["pages"]
    print(f"pages served: {args.pages}, responses: {fetched}, run status: {summary.status}")
    print(f"counts: {summary.counts}")
    print(f"end-to-end crawl: {crawl_seconds:.1f} s, {fetched / crawl_seconds:.1f} pages/s")
    print(f"trafilatura alone: {extract_seconds:.1f} s, {len(pages) / extract_seconds:.1f} pages/s")


if __name__ == "__main__":
    main()
