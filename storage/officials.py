"""Resolving a quote's speaker to an official: by name, alias, or surname with role context."""

from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.concurrency import OFFICIAL_NAMES, lock
from storage.models import Official, OfficialAlias, OfficialRole, Statement
from storage.normalize import given_name_variants, name_key, surname_key
from storage.open_registry import OpenRegistry, shipped_open_registry
from storage.registry import materialize
from storage.registry_entry import RegistryEntry
from storage.role_fit import RoleRow, fit_level, role_fits
from storage.statements import relink


def find_or_add_official(
    session: Session,
    name: str,
    kind: str,
    title: str | None,
    organization: str | None,
    said_on: date | None = None,
    registry: OpenRegistry | None = None,
) -> tuple[Official, bool]:
    """The official a speaker names, added when new to the database; (official, added).

    A full name or alias matches directly: an official in the database, else a person of the open-data
    registry (`registry`, the shipped one by default), who is added then. A bare surname ("Padilla")
    matches only when the title or organization printed with it fits the role of exactly one person,
    known to the database or the registry, on that day ("Sen.", "Mayor", "San Francisco"), before any
    discovered official of that bare name; people who merely share a surname are never merged. Anyone
    else is added as discovered, with the title as printed.
    """
    key = name_key(name)
    lock(session, OFFICIAL_NAMES, key)
    named = _named(session, key)
    if not named and kind == "person":
        # "Pam Bondi" for a Pamela Bondi, "Bill Lee" for a William Lee: one person by another given name.
        by_nickname = {o.id: o for variant in given_name_variants(key) for o in _named(session, variant)}
        named = list(by_nickname.values()) if len(by_nickname) == 1 else []
    if len(named) > 1:
        named = [o for o in named if _fits(o, title, organization, said_on)] or named
    person = kind == "person"
    if person and not any(o.curated for o in named):
        registry = registry or shipped_open_registry()
        if len(key.split()) == 1:
            found = _by_surname(session, registry, key, title, organization, said_on)
        else:
            found = None if named else _listed(session, registry, key, title, organization, said_on)
        if found is not None:
            return found
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


def _listed(
    session: Session, registry: OpenRegistry, key: str, title: str | None, organization: str | None, on: date | None
) -> tuple[Official, bool] | None:
    """A full name the database does not know, found in the registry (the one fitting the printed title
    where the name is several people's)."""
    entry = registry.by_name_and_role(key, title, organization, on)
    return materialize(session, entry) if entry is not None else None


def _by_surname(
    session: Session, registry: OpenRegistry, key: str, title: str | None, organization: str | None, on: date | None
) -> tuple[Official, bool] | None:
    """ "Sen. Padilla": the one person of that surname, in the database or the registry, whose role that
    day fits the printed title or organization; None when none or several do (or nothing was printed)."""
    if not (title or organization):
        return None
    same_surname = select(Official).where(
        Official.surname_key == key, Official.kind == "person", Official.name_key != key
    )
    people = list(session.scalars(same_surname))
    # Whom the database has, it knows best (the hand-curated registry dates roles the open data leaves open).
    seen = {o.external_id for o in people if o.external_id} | {o.name_key for o in people}
    candidates: list[tuple[int, Official | RegistryEntry]] = [
        (fit_level(_official_rows(o), title, organization, on), o) for o in people
    ]
    candidates += [
        (fit_level(_role_rows(e), title, organization, on), e)
        for e in registry.surnamed(key)
        if name_key(e.name) != key
        and e.external_id not in seen
        and not ({name_key(e.name), *(name_key(a) for a in e.aliases)} & seen)
    ]
    # The people whose role is the printed title, else those whose role shares a word of it.
    best = max((level for level, _ in candidates), default=0)
    fitting = [c for level, c in candidates if level == best and level > 0]
    if len(fitting) != 1:
        return None
    chosen = fitting[0]
    return (chosen, False) if isinstance(chosen, Official) else materialize(session, chosen)


def _named(session: Session, key: str) -> list[Official]:
    """Officials whose name or an alias has this key (two indexed lookups, not an OR across a join)."""
    found = list(session.scalars(select(Official).where(Official.name_key == key).order_by(Official.id)))
    by_alias = session.scalars(
        select(Official).join(OfficialAlias).where(OfficialAlias.alias_key == key).order_by(Official.id)
    )
    return found + [o for o in by_alias if o not in found]


def _fits(official: Official, title: str | None, organization: str | None, said_on: date | None) -> bool:
    """Whether the printed title or organization fits one of the official's roles held on that day."""
    return role_fits(_official_rows(official), title, organization, said_on)


def _official_rows(official: Official) -> list[RoleRow]:
    """An official's roles; one without dated roles has its current title."""
    roles: list[RoleRow] = [(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in official.roles]
    return roles or [(official.title, official.organization, official.jurisdiction, None, None)]


def _role_rows(entry: RegistryEntry) -> list[RoleRow]:
    return [(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in entry.roles]


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
    # Roles move by their foreign key: taking one out of the source's collection would orphan (delete) it
    # at the next autoflush. A role the target already holds is not copied.
    held = {(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in target.roles}
    for role in list(source.roles):
        if (role.title, role.organization, role.jurisdiction, role.start, role.end) in held:
            session.delete(role)
        else:
            session.execute(update(OfficialRole).where(OfficialRole.id == role.id).values(official_id=target.id))
    session.flush()
    session.expire(source, ["roles"])
    session.expire(target, ["roles"])
    target.title = target.title or source.title
    target.organization = target.organization or source.organization
    session.flush()
    session.delete(source)
    session.flush()
    return moved, joined
