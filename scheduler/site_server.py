"""A small HTTP server on 127.0.0.1 for the offline demo and the tests."""

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, str, bytes]  # status, content type, body
# A route may also be a function returning one, called per request (tests use it to hold a response).
Handler = Route | Callable[[], Route]


@contextmanager
def serve(routes: Mapping[str, Handler]) -> Iterator[str]:
    """Serve the routes (path -> status, content type, body) and yield the base URL; {{BASE}} in bodies
    is replaced by it."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = pages.get(self.path.split("?", 1)[0], (404, "text/plain", b"not found"))
            status, ctype, body = page() if callable(page) else page
            body = body.replace(b"{{BASE}}", base.encode())
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the server quiet; the crawler logs what matters."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = dict(routes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
