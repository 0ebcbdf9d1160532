"""Crawl jobs from the config: a pure function, so what the daemon will run can be tested and shown."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from crawler.config import Config, ConfigError, interval_seconds


@dataclass(frozen=True, slots=True)
class JobSpec:
    """One scheduled crawl: the sources it crawls together and when."""

    id: str
    sources: tuple[str, ...]
    schedule: str

    def trigger(self) -> Any:
        """The APScheduler trigger for the schedule (interval or cron)."""
        seconds = interval_seconds(self.schedule)
        if seconds is not None:
            return IntervalTrigger(seconds=seconds)
        try:
            return CronTrigger.from_crontab(self.schedule)
        except ValueError as exc:
            raise ConfigError(f"schedule {self.schedule!r}: {exc}") from exc


def build_jobs(config: Config) -> list[JobSpec]:
    """One job per distinct schedule, crawling every source on it together (one crawl, one lock)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for source in config.sources:
        groups[source.schedule or config.default_schedule].append(source.name)
    return [JobSpec(f"crawl {schedule}", tuple(names), schedule) for schedule, names in sorted(groups.items())]
