"""`sanctuary-tracker officials`: list, show, merge, alias and import the speakers the tracker knows, and
build the shipped open-data registry."""

import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scheduler.database import open_database
from scheduler.exit_codes import EXIT_USAGE
from scheduler.options import config_option, database_url, db_option
from scheduler.output import emit, output_option
from storage.models import Appearance, Official, Statement
from storage.officials import add_alias, find_officials, merge_officials
from storage.open_registry import write_registry
from storage.opendata import READERS, OpenDataError
from storage.registry import import_registry


def _one(session: Session, ref: str) -> Official:
    found = find_officials(session, ref)
    if len(found) != 1:
        names = ", ".join(f"{o.id} {o.name}" for o in found[:10]) or "none"
        click.echo(f"error: {ref!r} matches {len(found)} officials ({names}); use an ID", err=True)
        sys.exit(EXIT_USAGE)
    return found[0]


@click.group("officials")
def officials() -> None:
    """List, inspect, merge and alias officials (the speakers of statements)."""


@officials.command("list")
@db_option
@config_option
@click.option("--search", help="Only officials whose name contains this text.")
@click.option("--curated/--discovered", "curated", default=None, help="Only curated (registry) or discovered ones.")
@click.option("--limit", type=int, default=100, show_default=True)
@output_option
def list_officials(
    db_url: str | None, config_path: str | None, search: str | None, curated: bool | None, limit: int, fmt: str
) -> None:
    """List officials with their current title and how many statements they have."""
    counts = select(Statement.official_id, func.count().label("n")).group_by(Statement.official_id).subquery()
    query = (
        select(Official, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.official_id == Official.id)
        .order_by(func.coalesce(counts.c.n, 0).desc(), Official.name)
        .limit(limit)
    )
    if search:
        query = query.where(Official.name.ilike(f"%{search}%"))
    if curated is not None:
        query = query.where(Official.curated.is_(curated))
    with open_database(database_url(db_url, config_path), write=False) as sessions, sessions.begin() as session:
        rows = [
            (o.id, o.name, o.kind, o.title, o.organization, "curated" if o.curated else "discovered", n)
            for o, n in session.execute(query)
        ]
    emit(["id", "name", "kind", "title", "organization", "source", "statements"], rows, fmt, "Officials")


@officials.command("show")
@click.argument("official")
@db_option
@config_option
def show_official(official: str, db_url: str | None, config_path: str | None) -> None:
    """Show one official (by ID, name or alias): roles, aliases and latest statements."""
    with open_database(database_url(db_url, config_path), write=False) as sessions, sessions.begin() as session:
        o = _one(session, official)
        click.echo(f"{o.id}  {o.name}  ({o.kind}, {'curated' if o.curated else 'discovered'})")
        if o.title:
            click.echo(f"title: {o.title}" + (f", {o.organization}" if o.organization else ""))
        if o.aliases:
            click.echo("aliases: " + "; ".join(a.alias for a in o.aliases))
        for role in sorted(o.roles, key=lambda r: str(r.start or "")):
            span = f"{role.start or '?'} to {role.end or 'now'}"
            click.echo(f"role: {role.title}, {role.organization or role.jurisdiction or ''} ({span})")
        statements = session.execute(
            select(Statement, func.count(func.distinct(Appearance.article_id)))
            .join(Appearance)
            .where(Statement.official_id == o.id)
            .group_by(Statement.id)
            .order_by(Statement.said_on.desc().nulls_last())
            .limit(10)
        )
        total = session.scalar(select(func.count()).select_from(Statement).where(Statement.official_id == o.id))
        click.echo(f"statements: {total}")
        for statement, articles in statements:
            day = statement.said_on or "undated"
            click.echo(f"  {day} [{articles} article(s)] {statement.uid[:8]}  {statement.text[:100]}")


@officials.command("merge")
@click.argument("source")
@click.argument("target")
@db_option
@config_option
def merge(source: str, target: str, db_url: str | None, config_path: str | None) -> None:
    """Merge official SOURCE into TARGET (both by ID or name). Every statement is kept."""
    with open_database(database_url(db_url, config_path)) as sessions, sessions.begin() as session:
        src, dst = _one(session, source), _one(session, target)
        if src.id == dst.id:
            click.echo("error: that is one official", err=True)
            sys.exit(EXIT_USAGE)
        src_name = src.name
        moved, joined = merge_officials(session, src, dst)
        click.echo(f"merged {src_name} into {dst.name}: {moved} statements moved, {joined} joined to the same words")


@officials.command("alias")
@click.argument("official")
@click.argument("alias")
@db_option
@config_option
def alias(official: str, alias: str, db_url: str | None, config_path: str | None) -> None:
    """Record ALIAS as another way OFFICIAL's name is printed."""
    with open_database(database_url(db_url, config_path)) as sessions, sessions.begin() as session:
        o = _one(session, official)
        added = add_alias(session, o, alias)
        click.echo(f"{'added' if added else 'already known'}: {alias!r} for {o.name}")


@officials.command("import")
@click.argument("source", type=click.Choice(sorted(READERS)))
@click.argument("location")
@db_option
@config_option
def import_officials(source: str, location: str, db_url: str | None, config_path: str | None) -> None:
    """Import officials from open data: SOURCE's files at LOCATION (a directory, a file, a tarball, or an
    http(s) URL of the upstream files). Running it again updates what changed and adds nothing twice.

    \b
    congress-legislators: a checkout of unitedstates/congress-legislators, or legislators-current.yaml /
      executive.yaml (e.g. https://theunitedstates.io/congress-legislators/legislators-current.yaml)
    openstates: a checkout of openstates/people, or a .tar.gz of it
    """
    started = time.monotonic()
    try:
        with _local(location) as path:
            entries = READERS[source](path)
    except (OpenDataError, OSError, tarfile.TarError, urllib.error.URLError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    with open_database(database_url(db_url, config_path)) as sessions, sessions.begin() as session:
        counts = import_registry(session, entries)
    click.echo(
        f"{source}: {len(entries)} people: {counts['added']} added, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged ({time.monotonic() - started:.1f} s)"
    )


@contextmanager
def _local(location: str) -> Iterator[Path]:
    """The location as a local path; a URL is downloaded to a temporary file first."""
    if not location.startswith(("http://", "https://")):
        path = Path(location)
        if not path.exists():
            raise OSError(f"{location}: no such file or directory")
        yield path
        return
    name = Path(urllib.parse.urlparse(location).path).name or "download"
    with tempfile.TemporaryDirectory() as folder, urllib.request.urlopen(location, timeout=60) as response:
        path = Path(folder) / name
        path.write_bytes(response.read())
        yield path


@officials.command("build-registry")
@click.option("--congress-legislators", "congress", required=True, help="congress-legislators files (as for import).")
@click.option("--openstates", "states", required=True, help="OpenStates people files (as for import).")
@click.option(
    "--output", required=True, type=click.Path(dir_okay=False), help="e.g. storage/data/open_officials.json.gz"
)
def build_registry(congress: str, states: str, output: str) -> None:
    """Build the shipped open-data registry from the two sources (how storage/data/open_officials.json.gz
    is made; run it on fresh downloads to refresh the shipped people)."""
    try:
        with _local(congress) as path:
            entries = READERS["congress-legislators"](path)
        with _local(states) as path:
            entries += READERS["openstates"](path)
    except (OpenDataError, OSError, tarfile.TarError, urllib.error.URLError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    about = {
        "built": date.today().isoformat(),
        "sources": {"congress-legislators": Path(congress).name, "openstates": Path(states).name},
        "license": "CC0 1.0 (both sources)",
    }
    size = write_registry(entries, Path(output), about)
    roles = sum(len(e.roles) for e in entries)
    click.echo(f"{len(entries)} people, {roles} roles: {output} ({size / 1024:.0f} KB)")
