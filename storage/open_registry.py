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
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from storage.normalize import name_key, surname_key
from storage.registry import RegistryEntry, Role

SHIPPED = "open_officials.json.gz"


@dataclass(frozen=True, slots=True)
class OpenRegistry:
    """Registry entries indexed by every printed form of their names and by surname."""

    by_name: dict[str, tuple[RegistryEntry, ...]]
    by_surname: dict[str, tuple[RegistryEntry, ...]]
    about: dict[str, Any]

    def named(self, key: str) -> tuple[RegistryEntry, ...]:
        """The people whose name or an alias has this name key."""
        return self.by_name.get(key, ())

    def surnamed(self, key: str) -> tuple[RegistryEntry, ...]:
        """The people of this surname."""
        return self.by_surname.get(key, ())


def write_registry(entries: list[RegistryEntry], path: Path, about: dict[str, Any]) -> int:
    """Write entries as the compact registry file; returns its size in bytes."""
    people = [
        {
            "name": e.name,
            "aliases": list(e.aliases),
            "roles": [[r.title, r.organization, r.jurisdiction, _iso(r.start), _iso(r.end)] for r in e.roles],
            "id": e.external_id,
            "source": e.source,
        }
        for e in sorted(entries, key=lambda e: (e.source, e.external_id or "", e.name))
    ]
    data = json.dumps({"about": about, "people": people}, separators=(",", ":"), ensure_ascii=False)
    # A fixed mtime keeps the file byte-identical when the data did not change.
    path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
    return path.stat().st_size


def read_registry(raw: bytes) -> OpenRegistry:
    """Parse a registry file and index it."""
    data = json.loads(gzip.decompress(raw))
    by_name: dict[str, list[RegistryEntry]] = defaultdict(list)
    by_surname: dict[str, list[RegistryEntry]] = defaultdict(list)
    for person in data["people"]:
        entry = RegistryEntry(
            person["name"],
            "person",
            tuple(person["aliases"]),
            tuple(Role(t, o, j, _day(s), _day(e)) for t, o, j, s, e in person["roles"]),
            person["id"],
            person["source"],
        )
        for form in {name_key(entry.name), *(name_key(a) for a in entry.aliases)}:
            by_name[form].append(entry)
        by_surname[surname_key(entry.name)].append(entry)
    return OpenRegistry(
        {k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in by_surname.items()}, data["about"]
    )


@cache
def shipped_open_registry() -> OpenRegistry:
    """The registry that ships with the tracker, read once when first needed."""
    return read_registry(files("storage").joinpath("data", SHIPPED).read_bytes())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
