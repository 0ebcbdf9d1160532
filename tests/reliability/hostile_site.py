"""A hostile web site on 127.0.0.1: every way a page can fail, next to pages that are fine."""

import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from scheduler.demo import demo_routes

GOOD = demo_routes()["/abc7/sanctuary-ordinance.html"][2]
GOOD_LEDGER = demo_routes()["/ledger/harborview-detainers.html"][2]
CHALLENGE = b"<html><head><title>Just a moment...</title></head><body><div id='cf-chl-widget'></div></body></html>"
LATIN1 = (
    "<html><head><title>Caf\u00e9 owners and ICE</title></head><body><article><h1>Caf\u00e9 owners and ICE raids</h1>"
    + "<p>Jos\u00e9 Pe\u00f1a, who runs a caf\u00e9 in the Mission, said ICE agents came twice to the block. "
    "The sanctuary ordinance bars police from helping immigration agents, the city attorney said.</p>"
    * 4
    + "</article></body></html>"
).encode("latin-1")
BIG = b"<html><body><p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"
BINARY = bytes(range(256)) * 4000


class HostileHandler(http.server.BaseHTTPRequestHandler):
    """Serves the pages of HostileSite.routes; some routes misbehave on purpose."""

    site: "HostileSite"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.site.hits[path] = self.site.hits.get(path, 0) + 1
        action = self.site.routes.get(path)
        if action is None:
            self._send(404, "text/plain", b"not found")
        elif callable(action):
            action(self)
        else:
            self._send(*action)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        body = body.replace(b"{{BASE}}", self.site.base.encode())
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class HostileSite:
    """The routes and what each does; `release` frees handlers held to make timeouts."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.release = threading.Event()
        self.base = ""
        article = "text/html; charset=utf-8"
        self.routes: dict[str, object] = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/feed.xml": (200, "application/rss+xml", self.feed()),
            "/good.html": (200, article, GOOD),
            "/good2.html": (200, article, GOOD_LEDGER),
            "/latin1.html": (200, "text/html; charset=utf-8", LATIN1),  # declared wrongly
            "/latin1-nocharset.html": (200, "text/html", LATIN1),
            "/truncated.html": (200, article, GOOD[: len(GOOD) * 2 // 3]),
            "/e500.html": (500, "text/html", b"<h1>Internal Server Error</h1>"),
            "/e503.html": lambda h: h._send(503, "text/html", b"busy", {"Retry-After": "1"}),
            "/e503-forever.html": (503, "text/html", b"busy"),
            "/slow.html": self.slow,
            "/reset.html": self.reset,
            "/loop.html": lambda h: h._send(302, "text/html", b"", {"Location": "/loop.html"}),
            "/big.html": (200, article, BIG),
            "/binary.html": (200, "text/html", BINARY),
            "/empty.html": (200, "text/html", b""),
            "/challenge.html": (403, "text/html", CHALLENGE),
            "/private/secret.html": (200, article, GOOD),
            "/to-file.html": lambda h: h._send(302, "text/html", b"", {"Location": "file:///etc/passwd"}),
            "/bad-feed.xml": (200, "application/rss+xml", b"<html><body>Service moved</body></html>"),
            "/broken.xml.gz": (200, "application/x-gzip", gzip.compress(b"<urlset>")[:20]),
        }

    def feed(self) -> bytes:
        links = [
            "good.html",
            "good2.html",
            "latin1.html",
            "latin1-nocharset.html",
            "truncated.html",
            "e500.html",
            "e503.html",
            "e503-forever.html",
            "slow.html",
            "reset.html",
            "loop.html",
            "big.html",
            "binary.html",
            "empty.html",
            "challenge.html",
            "private/secret.html",
            "to-file.html",
        ]
        items = "".join(f"<item><link>{{{{BASE}}}}/{link}</link></item>" for link in links)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()

    def slow(self, handler: HostileHandler) -> None:
        """Hold the response past the crawler's download timeout."""
        self.release.wait(60)
        handler._send(200, "text/html", GOOD)

    def reset(self, handler: HostileHandler) -> None:
        """Close the connection without a response."""
        handler.close_connection = True
        handler.connection.shutdown(2)


@contextmanager
def hostile_site() -> Iterator[HostileSite]:
    """Serve a HostileSite on 127.0.0.1 while the block runs."""
    site = HostileSite()
    handler = type("Handler", (HostileHandler,), {"site": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
