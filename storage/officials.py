"""The official registry: finding or adding the official a quote's speaker names."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Official, OfficialAlias
from storage.normalize import name_key


def find_or_add_official(
    session: Session, name: str, kind: str, title: str | None, organization: str | None
) -> tuple[Official, bool]:
    """The official named `name` (by name or alias), added as discovered when unknown; (official, added)."""
    key = name_key(name)
    official = session.scalars(select(Official).where(Official.name_key == key).limit(1)).first()
    if official is None:
        official = session.scalars(
            select(Official).join(OfficialAlias).where(OfficialAlias.alias_key == key).limit(1)
        ).first()
    if official is not None:
        if official.title is None and title:
            official.title = title
        if official.organization is None and organization:
            official.organization = organization
        return official, False
    official = Official(
        name=name,
        name_key=key,
        kind=kind,
        is_official=kind == "person" and title is not None,
        title=title,
        organization=organization,
        jurisdiction=organization if kind == "person" else None,
        curated=False,
    )
    session.add(official)
    session.flush()
    return official, True
