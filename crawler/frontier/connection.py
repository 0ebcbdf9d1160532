"""Connecting to the frontier's Redis, with errors that say which server and why."""

from urllib.parse import urlsplit, urlunsplit

from redis import Redis
from redis.exceptions import RedisError

# Seconds to wait for Redis before calling it unreachable; a worker then exits with its own code.
CONNECT_TIMEOUT = 10
SOCKET_TIMEOUT = 30


class FrontierUnavailable(RuntimeError):
    """The frontier's Redis cannot be reached (or refused us)."""


def safe_url(url: str) -> str:
    """The URL without its password, for messages and the run record."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def connect(url: str) -> Redis:
    """A client of the frontier's Redis, checked with a PING; FrontierUnavailable if it does not answer."""
    try:
        client: Redis = Redis.from_url(
            url,
            socket_connect_timeout=CONNECT_TIMEOUT,
            socket_timeout=SOCKET_TIMEOUT,
            health_check_interval=30,
        )
        client.ping()
    except (RedisError, ValueError) as exc:
        raise FrontierUnavailable(f"cannot reach the frontier at {safe_url(url)}: {exc}") from exc
    return client
