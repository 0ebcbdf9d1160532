"""`sanctuary-tracker statement show ID`: one statement whole, with every piece and where it appeared."""

import json
import sys
from typing import Any

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from scheduler.database import open_database
from scheduler.exit_codes import EXIT_USAGE
from scheduler.options import config_option, database_url, db_option
from storage.cells import scores_cell
from storage.export import title_on
from storage.models import Appearance, Article, Official, OfficialRole, Statement, StatementAlias

MIN_PREFIX = 6
CONTEXT_CHARS = 300


@click.group("statement")
def statement() -> None:
    """Look at one statement."""


@statement.command("show")
@click.argument("statement_id")
@db_option
@config_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(statement_id: str, db_url: str | None, config_path: str | None, fmt: str) -> None:
    """Show statement STATEMENT_ID (its ID, an ID it was merged from, or the first 6+ characters of one):
    the canonical text, the speaker with the title held that day, and every appearance with its outlet,
    URL, date and the paragraph around the quote."""
    with open_database(database_url(db_url, config_path), write=False) as sessions, sessions.begin() as session:
        found = _find(session, statement_id)
        if found is None:
            click.echo(f"error: no statement {statement_id!r} (an ID, or its first {MIN_PREFIX}+ characters)", err=True)
            sys.exit(EXIT_USAGE)
        data = describe(session, found)
    if fmt == "json":
        click.echo(json.dumps(data, default=str, ensure_ascii=False, indent=2))
        return
    speaker = data["speaker"]
    click.echo(f"statement {data['statement_id']}")
    title = f", {speaker['title_on_date']}" if speaker["title_on_date"] else ""
    click.echo(f"speaker: {speaker['name']}{title} (official {speaker['official_id']})")
    click.echo(
        f"said: {data['date'] or 'undated'} ({data['date_precision']}); last reported {data['last_date'] or '-'}"
    )
    if data["topics"]:
        click.echo(f"topics: {data['topics']}")
    click.echo(f"text: “{data['text']}”")
    click.echo(
        f"appearances: {len(data['appearances'])} quote(s) in {len({a['url'] for a in data['appearances']})} article(s)"
    )
    for a in data["appearances"]:
        click.echo(f"\n  {a['published'] or 'undated'}  {a['outlet'] or ''}  {a['url']}")
        click.echo(f"    piece {a['piece']}: “{a['quote']}”  (cue {a['cue']}, mention {a['speaker_mention']!r})")
        click.echo(f"    … {a['context']} …")


def _find(session: Session, ref: str) -> Statement | None:
    """The statement an ID names: its own, one merged into it, or an unambiguous prefix."""
    exact = session.scalars(select(Statement).where(Statement.uid == ref)).first()
    if exact is not None:
        return exact
    alias = session.scalars(select(StatementAlias.statement_id).where(StatementAlias.uid == ref)).first()
    if alias is not None:
        return session.get(Statement, alias)
    if len(ref) < MIN_PREFIX:
        return None
    matches = list(session.scalars(select(Statement).where(Statement.uid.startswith(ref, autoescape=True)).limit(2)))
    return matches[0] if len(matches) == 1 else None


def describe(session: Session, statement: Statement) -> dict[str, Any]:
    """Everything `statement show` prints, as data."""
    official = session.get(Official, statement.official_id)
    assert official is not None
    roles = list(session.scalars(select(OfficialRole).where(OfficialRole.official_id == official.id)))
    rows = session.execute(
        select(Appearance, Article)
        .join(Article, Article.id == Appearance.article_id)
        .where(Appearance.statement_id == statement.id)
        .order_by(Article.published.asc().nulls_last(), Article.id, Appearance.start)
    )
    appearances = [
        {
            "quote": a.text,
            "piece": a.piece,
            "speaker_mention": a.speaker_mention,
            "title_as_printed": a.title_as_printed,
            "cue": a.cue,
            "outlet": article.outlet,
            "url": article.url,
            "published": article.published,
            "context": _paragraph(article.text, a.start, a.end),
        }
        for a, article in rows
    ]
    return {
        "statement_id": statement.uid,
        "text": statement.text,
        "date": statement.said_on,
        "date_precision": statement.date_precision,
        "last_date": statement.last_on,
        "topics": scores_cell(statement.topics),
        "speaker": {
            "official_id": official.id,
            "name": official.name,
            "title_on_date": (title_on(roles, statement.said_on) if roles else official.title),
            "organization": official.organization,
            "jurisdiction": official.jurisdiction,
            "external_id": official.external_id,
        },
        "appearances": appearances,
    }


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around a quote, cut to a readable length around it."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    para_start = max(para_start, start - CONTEXT_CHARS)
    para_end = min(para_end, end + CONTEXT_CHARS)
    return " ".join(text[para_start:para_end].split())
