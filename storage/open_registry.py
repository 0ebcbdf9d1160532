"""The shipped registry built from open data: every member of Congress, president and vice president,
governor and statewide officer, state legislator and mayor in the snapshots it was built from.

It is a compact gzipped JSON file (`storage/data/open_officials.json.gz`) built by `sanctuary-tracker
officials build-registry` from congress-legislators and OpenStates (see README, Officials). Nobody has
to import it: a speaker the database does not know is looked up here, and the person found is added to
the database then (`storage.officials.find_or_add_official`), so start-up reads nothing until a name
needs it.
"""

import gzip
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from storage.normalize import given_name_variants, name_key, surname_key
from storage.registry_entry import RegistryEntry, Role
from storage.role_fit import RoleRow, fit_level

SHIPPED = "open_officials.json.gz"


class OpenRegistry:
    """Registry people indexed by every printed form of their names and by surname. A person's entry is
    built from the file's record (a JSON string, or an object in files of earlier versions) when a lookup
    first returns them, so loading stays fast."""

    def __init__(
        self,
        people: list[Any],
        by_name: dict[str, list[int]],
        by_surname: dict[str, list[int]],
        about: dict[str, Any],
    ) -> None:
        self._people = people
        self._entries: dict[int, RegistryEntry] = {}
        self._by_office: dict[tuple[str, str], list[int]] | None = None
        self.by_name = by_name
        self.by_surname = by_surname
        self.about = about

    def __len__(self) -> int:
        return len(self._people)

    def named(self, key: str) -> tuple[RegistryEntry, ...]:
        """The people whose name or an alias has this name key."""
        return tuple(self._entry(i) for i in self.by_name.get(key, ()))

    def surnamed(self, key: str) -> tuple[RegistryEntry, ...]:
        """The people of this surname."""
        return tuple(self._entry(i) for i in self.by_surname.get(key, ()))

    def holding(self, titles: Iterable[str], places: Iterable[str]) -> tuple[RegistryEntry, ...]:
        """The people who hold or held a role of one of these titles (lower case) in one of these
        jurisdictions, at any time (the caller checks the dates). The index is built on first use."""
        if self._by_office is None:
            self._by_office = defaultdict(list)
            for i in range(len(self._people)):
                for role in self._entry(i).roles:
                    self._by_office[(role.title.lower(), role.jurisdiction or "")].append(i)
        found = {i for title in titles for place in places for i in self._by_office.get((title, place), ())}
        return tuple(self._entry(i) for i in sorted(found))

    def _entry(self, i: int) -> RegistryEntry:
        entry = self._entries.get(i)
        if entry is None:
            person = self._people[i]
            if isinstance(person, str):
                person = json.loads(person)
            entry = RegistryEntry(
                person["name"],
                "person",
                tuple(person["aliases"]),
                tuple(Role(t, o, j, _day(s), _day(e)) for t, o, j, s, e in person["roles"]),
                person["id"],
                person["source"],
            )
            self._entries[i] = entry
        return entry

    def by_name_and_role(
        self, name: str, title: str | None, organization: str | None, on: date | None
    ) -> RegistryEntry | None:
        """The one person a full name means: by name or alias, else by another form of the given name
        ("Pam Bondi" for Pamela Bondi); where several share it, the one whose role fits the printed title or
        organization. None when no one or several remain."""
        key = name_key(name)
        listed = self.named(key)
        if not listed:
            nicknamed = {id(e): e for variant in given_name_variants(key) for e in self.named(variant)}
            listed = tuple(nicknamed.values())
        if len(listed) > 1:
            listed = tuple(e for e in listed if fit_level(_rows(e), title, organization, on) > 0)
        return listed[0] if len(listed) == 1 else None

    def by_surname_and_role(
        self, surname: str, title: str | None, organization: str | None, on: date | None
    ) -> RegistryEntry | None:
        """ "Sen. Padilla": the one person of this surname whose role (held that day, when `on` is given)
        fits the printed title or organization best; None when nothing was printed, or none or several fit.
        People who merely share a surname are never guessed between."""
        if not (title or organization):
            return None
        scored = [(fit_level(_rows(e), title, organization, on), e) for e in self.surnamed(surname_key(surname))]
        best = max((level for level, _ in scored), default=0)
        fitting = [e for level, e in scored if level == best and level > 0]
        return fitting[0] if len(fitting) == 1 else None


def write_registry(entries: list[RegistryEntry], path: Path, about: dict[str, Any]) -> int:
    """Write entries as the compact registry file; returns its size in bytes.

    Each person is stored as a JSON string of its own, with the name keys and surnames that find them
    worked out here: reading the file then builds two small indexes and parses a person only when a lookup
    returns them, and a command that reads it stays quick to start and to exit."""
    ordered = sorted(entries, key=lambda e: (e.source, e.external_id or "", e.name))
    people = [
        json.dumps(
            {
                "name": e.name,
                "aliases": list(e.aliases),
                "roles": [[r.title, r.organization, r.jurisdiction, _iso(r.start), _iso(r.end)] for r in e.roles],
                "id": e.external_id,
                "source": e.source,
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )
        for e in ordered
    ]
    by_name: dict[str, list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(ordered):
        for key in sorted(_keys(e.name, e.aliases)):
            by_name[key].append(i)
        by_surname[surname_key(e.name)].append(i)
    data = json.dumps(
        {"about": about, "people": people, "names": by_name, "surnames": by_surname},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    # A fixed mtime keeps the file byte-identical when the data did not change.
    path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
    return path.stat().st_size


def read_registry(raw: bytes) -> OpenRegistry:
    """Parse a registry file and index it (a file written before the indexes were stored gets them built)."""
    data = json.loads(gzip.decompress(raw))
    people: list[Any] = data["people"]
    if "names" in data:
        return OpenRegistry(people, data["names"], data["surnames"], data["about"])
    by_name: dict[str, list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, person in enumerate(people):
        for key in _keys(person["name"], person["aliases"]):
            by_name[key].append(i)
        by_surname[surname_key(person["name"])].append(i)
    return OpenRegistry(people, by_name, by_surname, data["about"])


def _keys(name: str, aliases: Iterable[str]) -> set[str]:
    return {name_key(name), *(name_key(a) for a in aliases)}


@cache
def shipped_open_registry() -> OpenRegistry:
    """The registry that ships with the tracker, read once when first needed."""
    return read_registry(files("storage").joinpath("data", SHIPPED).read_bytes())


def _rows(entry: RegistryEntry) -> list[RoleRow]:
    return [(r.title, r.organization, r.jurisdiction, r.start, r.end) for r in entry.roles]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
