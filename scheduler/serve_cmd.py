"""`sanctuary-tracker serve`: the database in Datasette, read-only, with the research views, full-text
search and canned queries described (the optional `web` extra)."""

import json
import socket
import sys

import click

from scheduler.database import DatabaseUnavailable, open_database
from scheduler.options import config_option, database_url, db_option
from scheduler.serve_metadata import datasette_metadata
from storage.db import sqlite_path

WEB_EXTRA = "pip install 'sanctuary-tracker[web]'"


@click.command("serve")
@db_option
@config_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port (0 picks a free one)."
)
@click.option("--print-metadata", is_flag=True, help="Print the Datasette metadata (JSON) and exit.")
def serve(db_url: str | None, config_path: str | None, host: str, port: int, print_metadata: bool) -> None:
    """Browse the database in Datasette, read-only: the statement_overview and appearance_overview views,
    full-text search on statements, and canned queries (statements by official, by week, by outlet, and
    those reported by several outlets). SQLite databases only; needs the web extra."""
    url = database_url(db_url, config_path)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseUnavailable("serve opens SQLite databases (Datasette reads SQLite only); give --db a file")
    metadata = datasette_metadata(path.stem)
    if print_metadata:
        click.echo(json.dumps(metadata, indent=2))
        return
    with open_database(url, write=False):
        pass  # exists and has this version's schema (the views included)
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError as exc:
        raise DatabaseUnavailable(f"serve needs Datasette: {WEB_EXTRA}") from exc
    app = Datasette([str(path)], metadata=metadata, settings={"default_page_size": 50}).app()
    listener = _listen(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    click.echo(f"serving {path} read-only at http://{bound_host}:{bound_port}/ (Ctrl-C stops)")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    server.run(sockets=[listener])


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound before the address is printed so that a client never races the server."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise click.UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    listener.listen(128)
    return listener
