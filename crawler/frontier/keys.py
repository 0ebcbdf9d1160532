"""Where a distributed run lives in Redis: one pointer to the active run, and the run's keys."""

from dataclasses import dataclass

# The id of the run workers fetch for now (absent: none); a lock held while one process opens a run.
ACTIVE_RUN = "tracker:run"
OPEN_LOCK = "tracker:opening"


@dataclass(frozen=True, slots=True)
class RunKeys:
    """The keys of one run: per spider kind a queue, its leases and their deadlines; for the whole run the
    seen-request filter (shared by every kind, so a URL two kinds of source found is fetched once), the
    kinds seeded, its sources, and the count of requests abandoned after too many leases."""

    run_id: int

    @property
    def prefix(self) -> str:
        """What every key of the run starts with."""
        return f"tracker:run:{self.run_id}"

    def queue(self, kind: str) -> str:
        """The requests of one spider kind waiting to be fetched (a list, oldest first)."""
        return f"{self.prefix}:{kind}:queue"

    def leases(self, kind: str) -> str:
        """Requests a worker took and has not finished (hash: lease id -> request)."""
        return f"{self.prefix}:{kind}:leases"

    def deadlines(self, kind: str) -> str:
        """When each lease runs out (sorted set: lease id -> Unix time)."""
        return f"{self.prefix}:{kind}:deadlines"

    def attempts(self, kind: str) -> str:
        """How often each request was handed out again after its lease ran out (hash: digest -> count)."""
        return f"{self.prefix}:{kind}:attempts"

    @property
    def seen(self) -> str:
        """Fingerprints of every request scheduled in the run (scrapy-redis's dupefilter)."""
        return f"{self.prefix}:seen"

    @property
    def seeded(self) -> str:
        """Spider kinds whose first requests are all queued (a set)."""
        return f"{self.prefix}:seeded"

    def seeder(self, kind: str) -> str:
        """Who is queuing the kind's first requests (a key that expires unless renewed)."""
        return f"{self.prefix}:{kind}:seeder"

    @property
    def sources(self) -> str:
        """The names of the run's sources (a list, in config order)."""
        return f"{self.prefix}:sources"

    @property
    def kinds(self) -> str:
        """The spider kinds of the run (a set)."""
        return f"{self.prefix}:kinds"

    @property
    def abandoned(self) -> str:
        """Requests given up after their lease ran out too often (a counter)."""
        return f"{self.prefix}:abandoned"
