"""Resolving a quote's speaker to an official: by name, alias, or surname with role context."""

from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.concurrency import OFFICIAL_NAMES, lock
from storage.models import Official, OfficialAlias, OfficialRole, Statement
from storage.normalize import name_key, surname_key, title_words
from storage.statements import relink


def find_or_add_official(
    session: Session,
    name: str,
    kind: str,
    title: str | None,
    organization: str | None,
    said_on: date | None = None,
) -> tuple[Official, bool]:
    """The official a speaker names, added as discovered when unknown; (official, added).

    A full name or alias matches directly. A bare surname ("Lurie") matches a known official only when
    the title or organization printed with it fits exactly one of them on that day ("Mayor", "San
    Francisco"), before any discovered official of that bare name; people who merely share a surname are
    never merged.
    """
    key = name_key(name)
    lock(session, OFFICIAL_NAMES, key)
    named = _named(session, key)
    if len(named) > 1:
        named = [o for o in named if _fits(o, title, organization, said_on)] or named
    if kind == "person" and len(key.split()) == 1 and (title or organization) and not any(o.curated for o in named):
        # "Sen. Padilla": the one registry person of that surname whose role that day fits the title, even
        # where an earlier article left a discovered "Padilla" without one.
        same_surname = session.scalars(
            select(Official).where(Official.surname_key == key, Official.kind == "person", Official.name_key != key)
        )
        fitting = [o for o in same_surname if _fits(o, title, organization, said_on)]
        if len(fitting) == 1:
            return fitting[0], False
    if named:
        official = named[0]
        _note_title(official, title, organization, said_on)
        return official, False
    official = Official(
        name=name,
        name_key=key,
        surname_key=surname_key(name) if kind == "person" else "",
        kind=kind,
        is_official=kind == "person" and title is not None,
        jurisdiction=organization if kind == "person" else None,
        curated=False,
        roles=[],
    )
    session.add(official)
    _note_title(official, title, organization, said_on)
    session.flush()
    return official, True


def _named(session: Session, key: str) -> list[Official]:
    """Officials whose name or an alias has this key (two indexed lookups, not an OR across a join)."""
    found = list(session.scalars(select(Official).where(Official.name_key == key).order_by(Official.id)))
    by_alias = session.scalars(
        select(Official).join(OfficialAlias).where(OfficialAlias.alias_key == key).order_by(Official.id)
    )
    return found + [o for o in by_alias if o not in found]


def _words(text: str | None) -> set[str]:
    return set(name_key(text or "").split())


def _fits(official: Official, title: str | None, organization: str | None, said_on: date | None) -> bool:
    """Whether the printed title or organization fits one of the official's roles held on that day."""
    want_title, want_org = title_words(title), _words(organization)
    roles: list[tuple[str | None, str | None, str | None, date | None, date | None]] = [
        (r.title, r.organization, r.jurisdiction, r.start, r.end) for r in official.roles
    ]
    if not roles:
        roles.append((official.title, official.organization, official.jurisdiction, None, None))
    for role_title, role_org, jurisdiction, start, end in roles:
        if said_on and ((start and said_on < start) or (end and said_on >= end)):
            continue
        title_fits = bool(want_title) and bool(want_title & title_words(role_title))
        place = _words(role_org) | _words(jurisdiction)
        org_fits = bool(want_org) and want_org <= place
        if (title_fits and (org_fits or not want_org)) or (org_fits and not want_title):
            return True
    return False


def _note_title(official: Official, title: str | None, organization: str | None, said_on: date | None) -> None:
    """Keep the title as printed on a discovered official, as a role dated by its first sighting."""
    if official.curated or not title:
        return
    if official.title == title and official.organization == organization:
        return  # the usual case, decided without loading the roles
    if official.title is None:
        official.title, official.organization = title, organization
    if not any(r.title == title and r.organization == organization for r in official.roles):
        official.roles.append(OfficialRole(title=title, organization=organization, start=said_on, curated=False))


def find_officials(session: Session, ref: str) -> list[Official]:
    """Officials matching a reference: an ID, a name or alias, else names containing the text."""
    if ref.isdigit():
        found = session.get(Official, int(ref))
        return [found] if found else []
    key = name_key(ref)
    exact = _named(session, key)
    if exact:
        return exact
    return list(session.scalars(select(Official).where(Official.name_key.contains(key)).order_by(Official.id)))


def add_alias(session: Session, official: Official, alias: str) -> bool:
    """Add another printed form of an official's name; False when it is already known."""
    key = name_key(alias)
    if key == official.name_key or any(a.alias_key == key for a in official.aliases):
        return False
    official.aliases.append(OfficialAlias(alias=alias, alias_key=key))
    session.flush()
    return True


def merge_officials(session: Session, source: Official, target: Official) -> tuple[int, int]:
    """Merge `source` into `target`: its statements, aliases and roles move over and its name becomes an
    alias. Statements of the two that are one statement (the identity rules of `storage.statements`)
    become one, whose other IDs keep resolving. Returns (statements moved, statements joined)."""
    if source.id == target.id:
        raise ValueError("cannot merge an official into itself")

    def count(official: Official) -> int:
        owned = select(func.count()).select_from(Statement).where(Statement.official_id == official.id)
        return session.scalar(owned) or 0

    theirs = count(source)
    session.execute(update(Statement).where(Statement.official_id == source.id).values(official_id=target.id))
    before = count(target)
    relink(session, [target.id])
    joined = before - count(target)
    moved = theirs - joined
    session.flush()
    for alias in [source.name, *(a.alias for a in source.aliases)]:
        add_alias(session, target, alias)
    for role in list(source.roles):
        source.roles.remove(role)
        target.roles.append(role)
    target.title = target.title or source.title
    target.organization = target.organization or source.organization
    session.flush()
    session.delete(source)
    session.flush()
    return moved, joined
