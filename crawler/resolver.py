"""Name resolution that refuses private addresses: a public-looking name that resolves to a loopback or
private address is refused at the address actually connected to, unless a source allows that host."""

import ipaddress
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

# The names refused in this process, so a failed request can be recorded as private_address: Twisted turns
# the resolver's error into a plain failed lookup on the way to the spider.
_REFUSED: set[str] = set()


def refused_name(host: str | None) -> bool:
    """Whether the resolver refused this host name for resolving to a private address."""
    return host is not None and host.lower() in _REFUSED


class PrivateAddressError(DNSLookupError):
    """A name resolved to a private or loopback address no source allows."""


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing any non-public address for hosts outside `allowed`.

    Set as DNS_RESOLVER; the hosts come from the TRACKER_PRIVATE_HOSTS setting (the hosts of sources with
    allow_private). Redirects and every later request resolve through it too.
    """

    allowed: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> Self:
        resolver = super().from_crawler(crawler, reactor)
        resolver.allowed = frozenset(h.lower() for h in crawler.settings.getlist("TRACKER_PRIVATE_HOSTS"))
        return resolver

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:
        """The address of `name`, failing with PrivateAddressError for a private one that is not allowed."""
        return super().getHostByName(name, timeout).addCallback(self.check, name)

    def check(self, address: str, name: str) -> str:
        """The address, unless it is private and the host is not allowed."""
        if name.lower() in self.allowed or ipaddress.ip_address(address).is_global:
            return address
        _REFUSED.add(name.lower())
        raise PrivateAddressError(f"{name} resolves to {address}, a private or loopback address")
