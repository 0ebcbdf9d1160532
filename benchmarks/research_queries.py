"""Export speed, export memory and query latency on a large SQLite database.

Run benchmarks/ingest_scale.py first to make one, then:

    python benchmarks/research_queries.py --db /tmp/tracker-scale.db

Prints rows per second of a full statements export (written to /dev/null through the real CSV writer),
the process's peak resident memory, and the latency of queries by official and date range.
"""

import argparse
import os
import random
import resource
import statistics
import time
from datetime import timedelta

from sqlalchemy import func, select

from scheduler.database import open_database
from storage.export import COLUMNS, rows, write_csv
from storage.models import Official, Statement
from storage.queries import StatementFilter, statements_query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/tracker-scale.db")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    url = f"sqlite:///{args.db}"
    rng = random.Random(3)
    with open_database(url) as sessions:
        with sessions.begin() as session:
            total = session.scalar(select(func.count()).select_from(Statement)) or 0
            names = list(session.scalars(select(Official.name).where(Official.curated.is_(False)).limit(20_000)))
            first, last = session.execute(select(func.min(Statement.said_on), func.max(Statement.said_on))).one()
        latencies = []
        found = 0
        for _ in range(args.queries):
            start_day = first + timedelta(days=rng.randint(0, max(0, (last - first).days - 90)))
            flt = StatementFilter(official=rng.choice(names), since=start_day, until=start_day + timedelta(days=90))
            with sessions.begin() as session:
                t = time.perf_counter()
                found += len(session.execute(statements_query(session, flt).limit(100)).all())
                latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        searches = []
        for _ in range(20):
            words = " ".join(
                rng.sample(["sanctuary", "detainer", "custody", "warrant", "families", "trust", "court"], 2)
            )
            with sessions.begin() as session:
                t = time.perf_counter()
                session.execute(statements_query(session, StatementFilter(search=words)).limit(100)).all()
                searches.append((time.perf_counter() - t) * 1000)
        print(f"{total:,} statements")
        print(f"full-text search (two words, first 100 rows): median {statistics.median(searches):.1f} ms")
        print(
            f"query by official and 90-day range: median {statistics.median(latencies):.1f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms over {args.queries} queries ({found} rows)"
        )
        with sessions.begin() as session, open(os.devnull, "w", encoding="utf-8") as sink:
            t = time.perf_counter()
            n = write_csv(sink, COLUMNS["statements"], rows(session, "statements", StatementFilter()))
            seconds = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"export: {n:,} rows in {seconds:.1f} s, {n / seconds:,.0f} rows/s; peak resident memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
