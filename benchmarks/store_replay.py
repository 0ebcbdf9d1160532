"""Storage alone, as a long crawl of reprinted pages feeds it: the 100 shared news pages and the seed
article go through the page chain once, then N pages (cycled under distinct URLs) are stored into a new
SQLite database, one transaction each, as the crawl's store does. Prints milliseconds per page over the
first and the last 500 (pages arrive compressed, as from the crawl's workers), and per article page over
the first and the last tenth of them (each article is stored again every 101 pages: a reprint), in wall
and in CPU time.

    python benchmarks/store_replay.py --pages 5000
"""

import argparse
import gzip
import json
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from crawler.config import load_config
from crawler.items import PageItem
from pipelines.page_chain import process_page
from pipelines.page_pool import ChainSetup, chain_tools
from scheduler.demo import demo_routes
from storage.db import make_engine, make_sessionmaker
from storage.ingest import store_article, store_page
from storage.records import PageRecord
from storage.registry import sync_registry
from storage.registry_file import shipped_registry

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-html"
WINDOW = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()
    manifest = [json.loads(line) for line in (SHARED / "manifest.jsonl").read_text().splitlines() if line.strip()]
    bodies = [gzip.decompress((SHARED / m["file"]).read_bytes()) for m in manifest]
    bodies.append(demo_routes()["/abc7/sanctuary-ordinance.html"][2])
    config = load_config(None)
    tools = chain_tools(ChainSetup(config.topics, config.min_topic_matches, 30))
    now = datetime.now(UTC)
    outcomes = [
        process_page(PageItem(f"https://x.example/{i}", 200, b, "bench", None, now), *tools)
        for i, b in enumerate(bodies)
    ]
    print(f"{sum(o.record is not None for o in outcomes)} articles among {len(outcomes)} pages, cycled to {args.pages}")
    with tempfile.TemporaryDirectory() as tmp:
        sessions = make_sessionmaker(make_engine(f"sqlite:///{tmp}/replay.db"))
        with sessions.begin() as session:
            sync_registry(session, shipped_registry())
        source_ids: dict[str, int | None] = {}
        times = []
        cpu_times = []
        article_times = []
        article_cpu = []
        for i in range(args.pages):
            outcome = outcomes[i % len(outcomes)]
            if outcome.draft is None:
                continue
            url = f"https://x.example/news/{i}"
            page = PageRecord(url, 200, outcome.draft.page.body, now, "bench", outcome.compressed)
            started, cpu_started = time.perf_counter(), time.process_time()
            with sessions.begin() as session:
                page_id = store_page(session, page, "article" if outcome.record else "off_topic", source_ids)
                if outcome.record:
                    store_article(session, page_id, replace(outcome.record, url=url), now)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
            if outcome.record:
                article_times.append(times[-1])
                article_cpu.append(cpu_times[-1])
    # Most pages are off topic and cost one upsert and a commit; the articles are where reprints add up.
    # CPU time too: this shared machine's wall-clock speed drifts within a run.
    share = max(1, len(article_times) // 10)
    for label, wall, cpu, n in (("page", times, cpu_times, WINDOW), ("article", article_times, article_cpu, share)):
        first, last, cpu_first, cpu_last = (1000 * sum(p) / len(p) for p in (wall[:n], wall[-n:], cpu[:n], cpu[-n:]))
        print(
            f"ms per {label} over the first / last {n} (of {len(wall)}): wall {first:.2f} / {last:.2f}, "
            f"CPU {cpu_first:.2f} / {cpu_last:.2f}"
        )


if __name__ == "__main__":
    main()
