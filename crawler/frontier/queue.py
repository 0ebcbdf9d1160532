"""The run's request queue for one spider kind, with leases: a request a worker takes stays in Redis until
the worker says it is done, and goes back to the queue if the worker dies first.

scrapy-redis's own queues pop for good: a worker killed between the pop and the store would lose the page.
Here a pop moves the request into a lease with a deadline (one Lua script, so no request is ever in
neither place); the worker releases the lease when the request's page is stored, its failure recorded, or
its retry or redirect queued; any worker moves expired leases back to the queue before it pops. A request
whose lease ran out MAX_ATTEMPTS times (a page that kills every worker that takes it) is abandoned and
counted, so one page cannot keep a run alive for ever.
"""

import uuid

import scrapy
from redis import Redis
from redis.client import Pipeline
from scrapy_redis.queue import Base

from crawler.frontier import codec
from crawler.frontier.keys import RunKeys

# Request meta key holding the lease of a request this worker took from the queue.
LEASE_META = "frontier_lease"
MAX_ATTEMPTS = 3

# KEYS: queue, leases, deadlines, attempts, abandoned. ARGV: max attempts. Sets `requeued`: how many went
# back to the front of the queue.
_REQUEUE_EXPIRED = """
local now = redis.call('TIME')
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now[1], 'LIMIT', 0, 100)
local requeued = 0
for _, lease in ipairs(expired) do
  local request = redis.call('HGET', KEYS[2], lease)
  redis.call('HDEL', KEYS[2], lease)
  redis.call('ZREM', KEYS[3], lease)
  if request then
    if redis.call('HINCRBY', KEYS[4], redis.sha1hex(request), 1) > tonumber(ARGV[1]) then
      redis.call('INCR', KEYS[5])
    else
      redis.call('LPUSH', KEYS[1], request)
      requeued = requeued + 1
    end
  end
end
"""
REQUEUE_EXPIRED = _REQUEUE_EXPIRED + "return requeued\n"

# The same keys and ARGV, then lease id and lease seconds: expired leases back first, then the oldest
# request under a new lease, in one round trip. Returns the request or nil.
POP = (
    _REQUEUE_EXPIRED
    + """
local request = redis.call('LPOP', KEYS[1])
if not request then return false end
redis.call('HSET', KEYS[2], ARGV[2], request)
redis.call('ZADD', KEYS[3], tonumber(now[1]) + tonumber(ARGV[3]), ARGV[2])
return request
"""
)

# KEYS: queue, leases, deadlines. ARGV: request, lease id to release ('' for none).
PUSH = """
redis.call('RPUSH', KEYS[1], ARGV[1])
if ARGV[2] ~= '' then
  redis.call('HDEL', KEYS[2], ARGV[2])
  redis.call('ZREM', KEYS[3], ARGV[2])
end
return 1
"""


class LeasedQueue(Base):  # type: ignore[misc]
    """A FIFO queue of one spider kind's requests in one run, with leases (see the module docstring)."""

    def __init__(self, server: Redis, spider: scrapy.Spider, run: RunKeys, lease_seconds: int) -> None:
        super().__init__(server, spider, run.queue(spider.name), serializer=codec)
        self.leases = run.leases(spider.name)
        self.deadlines = run.deadlines(spider.name)
        self.attempts = run.attempts(spider.name)
        self.abandoned = run.abandoned
        self.lease_seconds = lease_seconds
        self._keys = [self.key, self.leases, self.deadlines, self.attempts, self.abandoned]
        self._pop = server.register_script(POP)
        self._requeue = server.register_script(REQUEUE_EXPIRED)
        self._push = server.register_script(PUSH)

    def __len__(self) -> int:
        """Requests waiting plus requests leased: the kind's work not yet done anywhere."""
        pipe = self.server.pipeline(transaction=False)
        self.count_into(pipe)
        waiting, leased = pipe.execute()
        return int(waiting) + int(leased)

    def count_into(self, pipe: Pipeline) -> None:
        """Add the two counts of __len__ (waiting, leased) to a pipeline that asks more."""
        pipe.llen(self.key)
        pipe.hlen(self.leases)

    def push(self, request: scrapy.Request) -> None:
        """Queue a request. A request carrying a lease (a retry, a redirect) replaces the leased one: the
        lease is released in the same step, so the work is never in two places or none."""
        lease = request.meta.pop(LEASE_META, None) or ""
        self._push(keys=[self.key, self.leases, self.deadlines], args=[self._encode_request(request), lease])

    def pop(self, timeout: int = 0) -> scrapy.Request | None:
        """Take the oldest request under a new lease (expired leases go back to the queue first)."""
        lease = uuid.uuid4().hex
        data = self._pop(keys=self._keys, args=[MAX_ATTEMPTS, lease, self.lease_seconds])
        if data is None:
            return None
        request: scrapy.Request = self._decode_request(data)
        request.meta[LEASE_META] = lease
        return request

    def release(self, lease: str) -> None:
        """The leased request is done."""
        pipe = self.server.pipeline(transaction=True)
        pipe.hdel(self.leases, lease)
        pipe.zrem(self.deadlines, lease)
        pipe.execute()

    def requeue_expired(self) -> int:
        """Move requests whose lease ran out back to the front of the queue; how many moved."""
        return int(self._requeue(keys=self._keys, args=[MAX_ATTEMPTS]))

    def clear(self) -> None:
        """Forget the kind's queue and leases."""
        self.server.delete(self.key, self.leases, self.deadlines, self.attempts)
