"""Run records and source health: what each crawl did, and which sources are failing."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import CrawlRun, SourceRun

# A source returning nothing this many runs in a row is failing.
EMPTY_RUNS_FAILING = 3
HEALTH_WINDOW = 20


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """A source's recent record."""

    source: str
    runs: int
    last_run: datetime | None
    last_success: datetime | None
    items_last_run: int
    consecutive_empty: int
    error_rate: float
    challenged: bool

    @property
    def status(self) -> str:
        """ok, failing (nothing several runs in a row, or bot challenges), or new (never run)."""
        if self.runs == 0:
            return "new"
        if self.challenged or self.consecutive_empty >= EMPTY_RUNS_FAILING:
            return "failing"
        return "ok" if self.consecutive_empty == 0 else "warning"

    @property
    def reason(self) -> str:
        """Why a source is not ok, in words a user can act on."""
        if self.challenged:
            return "serves bot-challenge / access-denied pages (not circumvented): check the source or drop it"
        if self.consecutive_empty >= EMPTY_RUNS_FAILING:
            return f"returned nothing {self.consecutive_empty} runs in a row: check its URL"
        if self.consecutive_empty:
            return f"returned nothing the last {self.consecutive_empty} run(s)"
        return ""


def source_health(session: Session, sources: list[str]) -> list[SourceHealth]:
    """Health of each named source over its last runs."""
    out = []
    for name in sources:
        rows = session.execute(
            select(SourceRun, CrawlRun.started_at)
            .join(CrawlRun, CrawlRun.id == SourceRun.run_id)
            .where(SourceRun.source == name, CrawlRun.status != "running")
            .order_by(SourceRun.run_id.desc())
            .limit(HEALTH_WINDOW)
        ).all()
        empty = 0
        for run, _ in rows:
            if run.found or run.pages:
                break
            empty += 1
        success = next((started for run, started in rows if (run.found or run.pages) and not run.challenges), None)
        requests = sum(r.pages + r.errors for r, _ in rows)
        out.append(
            SourceHealth(
                source=name,
                runs=len(rows),
                last_run=rows[0][1] if rows else None,
                last_success=success,
                items_last_run=max(rows[0][0].found, rows[0][0].pages) if rows else 0,
                consecutive_empty=empty,
                error_rate=sum(r.errors for r, _ in rows) / requests if requests else 0.0,
                challenged=bool(rows) and rows[0][0].challenges > 0,
            )
        )
    return out
