"""The curated official registry in the database: syncing the shipped file (storage/registry_file.py)
into it, importing registries of your own."""

from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.models import Official, OfficialAlias, OfficialRole
from storage.normalize import name_key, surname_key
from storage.registry_entry import RegistryEntry, Role


def sync_registry(session: Session, entries: list[RegistryEntry]) -> int:
    """Make the curated officials in the database match the registry; returns how many were added.

    A discovered official with a registry name becomes curated (its statements stay with it).
    """
    return import_registry(session, entries)["added"]


def import_registry(session: Session, entries: list[RegistryEntry]) -> Counter[str]:
    """Add or update registry officials in the caller's transaction; counts "added", "updated" and
    "unchanged". An entry with an external id matches the official imported with that id; otherwise (or
    the first time) an official of that exact name not bound to another id, so a discovered official
    becomes a registry one and keeps its statements."""
    with_ids = select(Official).where(Official.external_id.is_not(None))
    by_id = {o.external_id: o for o in session.scalars(with_ids.options(selectinload(Official.roles)))}
    counts: Counter[str] = Counter()
    for entry in entries:
        official = by_id.get(entry.external_id) if entry.external_id else None
        if official is None:
            same_name = select(Official).where(
                Official.name_key == name_key(entry.name), Official.external_id.is_(None)
            )
            official = session.scalars(same_name.order_by(Official.id)).first()
        before = _state(official) if official is not None else None
        official = _apply(session, official, entry)
        if entry.external_id:
            by_id[entry.external_id] = official
        counts["added" if before is None else "unchanged" if _state(official) == before else "updated"] += 1
    session.flush()
    return counts


def materialize(session: Session, entry: RegistryEntry) -> tuple[Official, bool]:
    """The database's official for a registry entry, added from the entry when missing; (official, added)."""
    official = None
    if entry.external_id:
        official = session.scalars(select(Official).where(Official.external_id == entry.external_id)).first()
    if official is None:
        same_name = select(Official).where(Official.name_key == name_key(entry.name), Official.external_id.is_(None))
        official = session.scalars(same_name.order_by(Official.id)).first()
    if official is not None:
        return official, False
    official = _apply(session, None, entry)
    session.flush()
    return official, True


def _state(official: Official) -> tuple[object, ...]:
    """What an import may change of an official, to tell "updated" from "unchanged"."""
    roles = sorted(repr((r.title, r.organization, r.jurisdiction, r.start, r.end)) for r in official.roles if r.curated)
    aliases = sorted(a.alias_key for a in official.aliases)
    return (official.curated, official.kind, official.source, official.external_id, official.title, aliases, roles)


def _apply(session: Session, official: Official | None, entry: RegistryEntry) -> Official:
    """Write one entry onto its official (a new one when None). The hand-curated registry has the last
    word on the people it lists: open data only adds their aliases and ids."""
    key = name_key(entry.name)
    if official is None:
        official = Official(name=entry.name, name_key=key, surname_key=surname_key(entry.name), kind=entry.kind)
        session.add(official)
    official.external_id = entry.external_id or official.external_id
    hand_curated = official.source == "curated" and entry.source != "curated"
    if not hand_curated:
        official.curated = True
        official.kind = entry.kind
        official.is_official = True
        official.source = entry.source
    current = current_role(entry.roles) or max(entry.roles, key=lambda r: r.start or date.min, default=None)
    if current is not None and not hand_curated:
        official.title, official.organization, official.jurisdiction = (
            current.title,
            current.organization,
            current.jurisdiction,
        )
    known = {a.alias_key for a in official.aliases} | {official.name_key}
    for alias in entry.aliases:
        if name_key(alias) not in known:
            official.aliases.append(OfficialAlias(alias=alias, alias_key=name_key(alias)))
            known.add(name_key(alias))
    wanted = [(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in entry.roles]
    have = [(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in official.roles if r.curated]
    if have != wanted and not hand_curated:
        official.roles = [r for r in official.roles if not r.curated] + [
            OfficialRole(title=t, organization=o, jurisdiction=j, start=s, end=e, curated=True)
            for t, o, j, s, e in wanted
        ]
    return official


def current_role(roles: tuple[Role, ...], on: date | None = None) -> Role | None:
    """The role held on a day (today by default): started, not ended; the latest start wins."""
    on = on or date.today()
    held = [r for r in roles if (r.start is None or r.start <= on) and (r.end is None or on < r.end)]
    return max(held, key=lambda r: r.start or date.min) if held else None
