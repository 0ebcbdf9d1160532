"""The record of a distributed run: its workers' rows, and the run's counts as their sums."""

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import CrawlRun, CrawlWorker, SourceRun

RUN_COUNTS = ("pages", "articles_new", "articles_updated", "articles_unchanged", "off_topic", "statements_new")


def add_up_workers(session: Session, run_id: int) -> tuple[CrawlRun, dict[str, dict[str, int]]]:
    """Set the run's counts, error kinds and source rows to the sums of its workers' (the run row locked
    first, so workers ending together add up in turn and the last one sees every row); the run and its
    counts by source."""
    run = session.get(CrawlRun, run_id, with_for_update=True, populate_existing=True)
    if run is None:
        raise LookupError(f"no crawl run {run_id}")
    workers = session.scalars(select(CrawlWorker).where(CrawlWorker.run_id == run_id)).all()
    for name in RUN_COUNTS:
        setattr(run, name, sum(getattr(w, name) for w in workers))
    kinds: Counter[str] = Counter()
    sources: dict[str, Counter[str]] = {}
    for worker in workers:
        kinds.update(worker.error_kinds or {})
        for source, counts in (worker.per_source or {}).items():
            sources.setdefault(source, Counter()).update(counts)
    run.error_kinds = dict(kinds)
    run.errors = sum(kinds.values())
    session.execute(delete(SourceRun).where(SourceRun.run_id == run_id))
    session.add_all(SourceRun(run_id=run_id, source=name, **counts) for name, counts in sources.items())
    return run, {name: dict(counts) for name, counts in sources.items()}


def mark_stale_distributed_runs(session: Session, keep: int) -> int:
    """Distributed runs still marked running that the frontier no longer holds (its Redis lost them, or
    every worker was killed and the run replaced): say they were killed. Returns how many."""
    stale = session.scalars(
        select(CrawlRun).where(CrawlRun.status == "running", CrawlRun.frontier.is_not(None), CrawlRun.id != keep)
    ).all()
    for run in stale:
        run.status, run.finished_at = "killed", datetime.now(UTC)
    return len(stale)
