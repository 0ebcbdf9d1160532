"""Ingest synthetic statements into SQLite and watch whether ingest slows as the database grows.

Synthetic, fictional data: about 20,000 invented officials, statements spread over three years, each
reported by one to several outlets (some copies cut short or re-punctuated), eight quotes per article,
one transaction per article as in a crawl. Prints seconds per 10,000 new statements as it goes, the
first and last batch, and the final database size.

    python benchmarks/ingest_scale.py --statements 1000000 --db /tmp/scale.db
"""

import argparse
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from scheduler.database import open_database
from storage.ingest import store_article, store_page
from storage.records import ArticleRecord, PageRecord, QuoteRecord

SYLLABLES = "ka lo mi ren ta vo sa lin dor el fa ni gu ra te mo bel cas".split()
WORDS = (
    "we will city county state federal law police immigrant community families safe policy ordinance court "
    "order agents raids trust neighbors protect support budget vote council mayor sheriff public health "
    "workers children schools rights justice enforcement cooperation detainer release custody jail data "
    "share request warrant judge decision appeal funding grant resources priority crime victims witnesses"
).split()
TITLES = ["Mayor", "Sheriff", "Police Chief", "Supervisor", "Council member", "District Attorney", "Governor"]
BATCH = 10_000
QUOTES_PER_ARTICLE = 8


def invented_name(rng: random.Random) -> str:
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    family = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{given} {family}"


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 28))).capitalize() + "."


def variant(rng: random.Random, text: str) -> str:
    """How another outlet prints the same words: as is, re-punctuated, or cut short."""
    roll = rng.random()
    if roll < 0.2:
        return text.upper().rstrip(".") + "!"
    if roll < 0.35:
        words = text.split()
        return " ".join(words[: max(8, len(words) * 2 // 3)])
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--officials", type=int, default=20_000)
    parser.add_argument("--db", default="/tmp/tracker-scale.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for old in Path(args.db).parent.glob(Path(args.db).name + "*"):
        old.unlink()
    rng = random.Random(args.seed)
    officials = [(invented_name(rng), rng.choice(TITLES), f"Town {rng.randint(1, 400)}") for _ in range(args.officials)]
    days = 3 * 365
    per_day = max(1, args.statements // days)
    made = 0
    batch_started = time.perf_counter()
    started = batch_started
    timings: list[float] = []
    next_mark = BATCH
    article_no = 0
    seen_at = datetime(2025, 1, 1, tzinfo=UTC)
    with open_database(f"sqlite:///{args.db}") as sessions:
        day = date(2023, 1, 1)
        while made < args.statements:
            appearances = []
            for _ in range(min(per_day, args.statements - made)):
                speaker = rng.choice(officials)
                text = sentence(rng)
                for _copy in range(1 + min(4, int(rng.expovariate(1.6)))):
                    appearances.append((speaker, variant(rng, text)))
                made += 1
            rng.shuffle(appearances)
            for k in range(0, len(appearances), QUOTES_PER_ARTICLE):
                chunk = appearances[k : k + QUOTES_PER_ARTICLE]
                article_no += 1
                quotes = []
                offset = 0
                for i, ((name, title, town), text) in enumerate(chunk):
                    quotes.append(
                        QuoteRecord(text, offset, offset + len(text) + 2, i, name, "person", name, title, town, "said")
                    )
                    offset += len(text) + 40
                body = "\n".join(f'"{q.text}" {q.speaker} said.' for q in quotes)
                url = f"https://outlet{article_no % 50}.example/story/{article_no}"
                record = ArticleRecord(
                    url, f"Outlet {article_no % 50}", "t", None, day, "en", body, ["sanctuary-policy"], "bench", quotes
                )
                with sessions.begin() as session:
                    page_id = store_page(session, PageRecord(url, 200, body.encode(), seen_at, None), "article")
                    store_article(session, page_id, record, seen_at)
            day += timedelta(days=1)
            while made >= next_mark:
                now = time.perf_counter()
                timings.append(now - batch_started)
                batch_started = now
                print(
                    f"{next_mark:>9,} statements  {timings[-1]:6.1f} s per {BATCH:,}  ({article_no:,} articles)",
                    flush=True,
                )
                next_mark += BATCH
    size = Path(args.db).stat().st_size
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f} s for {made:,} statements in {article_no:,} articles")
    if timings:
        print(f"first batch {timings[0]:.1f} s, last batch {timings[-1]:.1f} s, ratio {timings[-1] / timings[0]:.2f}")
    print(f"database size {size / 1e6:.0f} MB ({args.db})")


if __name__ == "__main__":
    main()
