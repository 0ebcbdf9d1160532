"""Opening, joining and closing a distributed run in Redis. A run is open while ACTIVE_RUN names it; it
closes when every kind is seeded and every queue and lease of it is empty."""

import json

from redis import Redis

from crawler.frontier.keys import ACTIVE_RUN, OPEN_LOCK, RunKeys

OPEN_LOCK_SECONDS = 60
# How long Redis remembers that a run was closed (not lost): longer than any worker takes to notice.
CLOSED_SECONDS = 86400

# KEYS: ACTIVE_RUN. ARGV: run id, key prefix, kinds... Closes the run if drained: its abandoned count,
# or -1 when the run is not the active one or still has work.
CLOSE_IF_DRAINED = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local prefix = ARGV[2]
for i = 3, #ARGV do
  if redis.call('SISMEMBER', prefix .. ':seeded', ARGV[i]) == 0 then return -1 end
  local kind = prefix .. ':' .. ARGV[i]
  if redis.call('LLEN', kind .. ':queue') > 0 or redis.call('HLEN', kind .. ':leases') > 0 then return -1 end
end
redis.call('DEL', KEYS[1])
redis.call('SET', 'tracker:closed:' .. ARGV[1], 1, 'EX', CLOSED_SECONDS)
return tonumber(redis.call('GET', prefix .. ':abandoned') or '0')
""".replace("CLOSED_SECONDS", str(CLOSED_SECONDS))


def active_run(server: Redis) -> int | None:
    """The id of the run workers fetch for now, if any."""
    value = server.get(ACTIVE_RUN)
    return int(value) if value is not None else None


def lock_opening(server: Redis, holder: str) -> bool:
    """Take the lock one process holds while it opens a run (so two seeders never both open one)."""
    return bool(server.set(OPEN_LOCK, holder, nx=True, ex=OPEN_LOCK_SECONDS))


def unlock_opening(server: Redis, holder: str) -> None:
    """Give the opening lock back, if this holder still has it."""
    if server.get(OPEN_LOCK) == holder.encode():
        server.delete(OPEN_LOCK)


def open_run(server: Redis, run_id: int, sources: list[str], kinds: list[str]) -> None:
    """Make this run the active one, with its sources and spider kinds (none seeded yet)."""
    keys = RunKeys(run_id)
    pipe = server.pipeline(transaction=True)
    pipe.delete(keys.sources, keys.kinds, keys.seeded)
    pipe.set(keys.sources, json.dumps(sources))
    pipe.sadd(keys.kinds, *kinds)
    pipe.set(ACTIVE_RUN, run_id)
    pipe.execute()


def run_sources(server: Redis, run_id: int) -> list[str]:
    """The names of the run's sources, as its seeder chose them."""
    value = server.get(RunKeys(run_id).sources)
    return list(json.loads(value)) if value else []


def close_if_drained(server: Redis, run_id: int) -> int | None:
    """Close the run if nothing of it is left to do, forgetting its keys; the number of requests it
    abandoned, or None if it is still open (or another worker closed it first)."""
    keys = RunKeys(run_id)
    kinds = sorted(_text(k) for k in server.smembers(keys.kinds))
    abandoned = int(server.eval(CLOSE_IF_DRAINED, 1, ACTIVE_RUN, run_id, keys.prefix, *kinds))
    if abandoned < 0:
        return None
    stale = list(server.scan_iter(match=f"{keys.prefix}:*", count=1000))
    if stale:
        server.delete(*stale)
    return abandoned


def was_closed(server: Redis, run_id: int) -> bool:
    """Whether a worker closed the run when nothing was left (rather than Redis losing it)."""
    return bool(server.exists(f"tracker:closed:{run_id}"))


def kind_status(server: Redis, run_id: int) -> list[tuple[str, int, int, int, bool]]:
    """Each spider kind of the run: (kind, requests waiting, leased, leases run out, seeded)."""
    keys = RunKeys(run_id)
    kinds = sorted(_text(k) for k in server.smembers(keys.kinds))
    now = int(server.time()[0])
    pipe = server.pipeline(transaction=False)
    for kind in kinds:
        pipe.llen(keys.queue(kind))
        pipe.hlen(keys.leases(kind))
        pipe.zcount(keys.deadlines(kind), "-inf", now)
        pipe.sismember(keys.seeded, kind)
    counts = pipe.execute()
    return [
        (kind, int(counts[4 * i]), int(counts[4 * i + 1]), int(counts[4 * i + 2]), bool(counts[4 * i + 3]))
        for i, kind in enumerate(kinds)
    ]


def abandoned(server: Redis, run_id: int) -> int:
    """Requests of the run given up after their lease ran out too often."""
    return int(server.get(RunKeys(run_id).abandoned) or 0)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
