"""A local news site for the distributed-run tests: stories reprinted by three outlets, served from
127.0.0.1 with every request counted, and a gate that holds article responses until a test opens it."""

import threading
from collections import Counter
from dataclasses import dataclass, field

from tests.cross_outlet import page

OUTLETS = ("alpha", "beta", "gamma")


def story(i: int) -> tuple[str, str]:
    """Story i: a headline and paragraphs with two quotes by officials (the words vary with i)."""
    title = f"Supervisors weigh sanctuary protections as ICE raids continue, hearing {i}"
    text = (
        f"SAN FRANCISCO — The Board of Supervisors debated the city's sanctuary ordinance on Tuesday as "
        f"immigration agents carried out ICE raids across the region, the {i}th hearing on the measure.\n"
        f'"We will not let immigration enforcement tear families apart in hearing number {i}," '
        f"Mayor Daniel Lurie said at City Hall.\n"
        f"Supervisor Connie Chan, who wrote the ordinance, said the sanctuary law protects residents. "
        f'"Every neighbor must trust that calling for help will not bring ICE to their door, case {i}," '
        f"Chan said.\n"
        f"Immigration advocates packed the chamber during the sanctuary hearing and urged the board to act."
    )
    return title, text


@dataclass
class Site:
    """The routes of n stories at each outlet, and what was requested."""

    stories: int
    hits: Counter[str] = field(default_factory=Counter)
    gate: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def __post_init__(self) -> None:
        self.gate.set()

    def article_paths(self) -> list[str]:
        """Every article page of every outlet."""
        return [f"/{outlet}/{i}.html" for outlet in OUTLETS for i in range(self.stories)]

    def routes(self) -> dict[str, object]:
        """Path -> handler: counts the request, waits at the gate for article pages, answers."""
        routes: dict[str, object] = {}
        for i in range(self.stories):
            title, text = story(i)
            body = page(title, f"2025-03-{1 + i % 28:02d}", text)
            for outlet in OUTLETS:
                routes[f"/{outlet}/{i}.html"] = self._handler(f"/{outlet}/{i}.html", body, "text/html", True)
        for outlet in OUTLETS[:2]:
            locs = "".join(f"<url><loc>{{{{BASE}}}}/{outlet}/{i}.html</loc></url>" for i in range(self.stories))
            sitemap = (
                f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            )
            routes[f"/{outlet}/sitemap.xml"] = self._handler(
                f"/{outlet}/sitemap.xml", sitemap.encode(), "application/xml"
            )
        return routes

    def config(self, base: str, lease_seconds: int = 600) -> str:
        """Two sitemap sources and one list of URLs (two spider kinds), politeness off for a local site."""
        urls = ", ".join(f'"{base}/{OUTLETS[2]}/{i}.html"' for i in range(self.stories))
        return (
            "allow_private = true\n\n[crawler]\nautothrottle = false\nobey_robots = false\n"
            "concurrent_requests = 16\nconcurrent_requests_per_domain = 8\nworkers = 1\n\n"
            f"[frontier]\nlease_seconds = {lease_seconds}\n\n"
            + "".join(
                f'[[sources]]\nname = "{o}"\nkind = "sitemap"\nurl = "{base}/{o}/sitemap.xml"\n'
                f'outlet = "{o.title()} News"\n\n'
                for o in OUTLETS[:2]
            )
            + f'[[sources]]\nname = "{OUTLETS[2]}"\nkind = "urls"\nurls = [{urls}]\noutlet = "Gamma News"\n'
        )

    def wait_for_arrivals(self, n: int, timeout: float = 120) -> None:
        """Block until n article requests reached the site (held at the gate while it is closed)."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: self.article_hits() >= n, timeout=timeout):
                raise AssertionError(f"only {self.article_hits()} article requests arrived, waited for {n}")

    def article_hits(self) -> int:
        """Article requests so far."""
        return sum(n for path, n in self.hits.items() if path.endswith(".html"))

    def _handler(self, path: str, body: bytes, ctype: str, article: bool = False) -> object:
        def handle() -> tuple[int, str, bytes]:
            with self.arrived:
                self.hits[path] += 1
                self.arrived.notify_all()
            if article:
                self.gate.wait(timeout=120)
            return 200, f"{ctype}; charset=utf-8", body

        return handle
