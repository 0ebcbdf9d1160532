"""Queuing a run's first requests once, even if the process doing it dies.

Every process of a run runs its spiders' start(); for each spider kind one of them claims the seeding (a
Redis key that expires unless the claimant keeps renewing it), queues the kind's first requests and marks
the kind seeded. The others wait; if the claimant dies first, its claim runs out and another process seeds
the kind again (the run's seen-request filter drops what was already queued). A run cannot close while
a kind is not seeded.
"""

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

import scrapy
from redis import Redis
from redis.exceptions import RedisError

from crawler.frontier.connection import connect, safe_url
from crawler.frontier.keys import ACTIVE_RUN, RunKeys

log = logging.getLogger(__name__)

RENEW_EVERY = 50  # requests queued between two renewals of the claim
MAX_CLAIM_SECONDS = 60


@dataclass(frozen=True, slots=True)
class Seeding:
    """The seeding of one run (handed to Scrapy as TRACKER_SEEDING)."""

    url: str
    run_id: int
    lease_seconds: int

    @property
    def claim_seconds(self) -> int:
        """How long a claim lasts without renewal: as long as a request's lease, at most a minute."""
        return max(1, min(self.lease_seconds, MAX_CLAIM_SECONDS))

    async def seed(self, kind: str, requests: Iterable[scrapy.Request]) -> AsyncIterator[scrapy.Request]:
        """The kind's first requests if this process gets to queue them; nothing once another process did."""
        keys = RunKeys(self.run_id)
        server = connect(self.url)
        holder = uuid.uuid4().hex
        try:
            while not server.set(keys.seeder(kind), holder, nx=True, ex=self.claim_seconds):
                if self._done(server, kind):
                    return
                await asyncio.sleep(min(self.claim_seconds / 4, 1))  # another process seeds: wait for its end
            if self._done(server, kind):
                server.delete(keys.seeder(kind))
                return
            for i, request in enumerate(requests):
                if i % RENEW_EVERY == 0:
                    server.set(keys.seeder(kind), holder, ex=self.claim_seconds)
                yield request  # queued by the engine before this generator resumes
            server.sadd(keys.seeded, kind)
            server.delete(keys.seeder(kind))
        except RedisError as exc:
            log.error("lost the frontier at %s while seeding %s: %s", safe_url(self.url), kind, exc)
        finally:
            server.close()

    def _done(self, server: Redis, kind: str) -> bool:
        """Whether the kind is seeded, or the run is no longer open (closed while this process waited)."""
        pipe = server.pipeline(transaction=False)
        pipe.sismember(RunKeys(self.run_id).seeded, kind)
        pipe.get(ACTIVE_RUN)
        seeded, active = pipe.execute()
        return bool(seeded) or active != str(self.run_id).encode()
