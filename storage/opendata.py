"""Officials from open data, read in their published layouts (both sources are CC0).

- unitedstates/congress-legislators: `legislators-current.yaml` (members of Congress, dated terms) and
  `executive.yaml` (presidents and vice presidents), with bioguide and Wikidata ids.
- OpenStates people: `data/<state>/{executive,legislature,municipalities}/*.yml`, one person a file, with
  dated roles (governors and statewide officers, state legislators, mayors) and OCD ids.

Each person becomes a registry entry: the name coverage uses (a nickname with the surname: "Bernie
Sanders"), the other printed forms as aliases ("Bernard Sanders", "JB Pritzker" for "J. B. Pritzker"),
dated roles with a title, organization and jurisdiction, and the source's id.
"""

import io
import re
import tarfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from storage.jurisdictions import STATES
from storage.registry_entry import RegistryEntry, Role

# congress-legislators term types: the title, the body.
FEDERAL = {
    "sen": ("Senator", "U.S. Senate"),
    "rep": ("Representative", "U.S. House of Representatives"),
    "prez": ("President", "United States"),
    "viceprez": ("Vice President", "United States"),
}
# OpenStates role types: the title; legislative chambers also name their body.
STATE_TITLES = {
    "governor": "Governor",
    "lt_governor": "Lieutenant Governor",
    "attorney general": "Attorney General",
    "secretary of state": "Secretary of State",
    "treasurer": "Treasurer",
    "auditor": "Auditor",
    "chief election officer": "Chief Election Officer",
    "upper": "State Senator",
    "lower": "State Representative",
    "legislature": "State Senator",  # Nebraska's one chamber
    "mayor": "Mayor",
}
# Where a state's lower chamber gives its members another title.
LOWER_TITLES = {"CA": "Assemblymember", "NY": "Assemblymember", "NV": "Assemblymember", "WI": "Assemblymember",
                "NJ": "Assemblymember", "MD": "Delegate", "VA": "Delegate", "WV": "Delegate"}  # fmt: skip
PLACE_RE = re.compile(r"/place:([a-z0-9_~-]+)")
STATE_RE = re.compile(r"/state:([a-z]{2})")


class OpenDataError(ValueError):
    """The files are not in the layout of the source named."""


def congress_legislators(path: Path) -> list[RegistryEntry]:
    """Members of Congress and presidents / vice presidents from a congress-legislators checkout or
    download: a directory holding `legislators-current.yaml` and/or `executive.yaml`, or one of them."""
    files = [path] if path.is_file() else [path / "legislators-current.yaml", path / "executive.yaml"]
    found = [f for f in files if f.is_file()]
    if not found:
        raise OpenDataError(f"{path}: no legislators-current.yaml or executive.yaml")
    entries: list[RegistryEntry] = []
    for file in found:
        people = _yaml(file.read_bytes(), str(file))
        if not isinstance(people, list):
            raise OpenDataError(f"{file}: expected a list of people")
        entries += [e for e in (_legislator(p) for p in people) if e is not None]
    return entries


def _legislator(person: dict[str, Any]) -> RegistryEntry | None:
    name = person.get("name") or {}
    first, last = name.get("first"), name.get("last")
    if not first or not last:
        return None
    # Coverage names people by given name (or nickname) and surname: "Adam Schiff", not "Adam B. Schiff".
    forms = [f"{first} {last}", name.get("official_full")]
    if len(first.rstrip(".")) == 1:
        forms.reverse()  # "J. Gresham Barrett" goes by the full form
    if name.get("middle"):
        forms.append(f"{first} {name['middle']} {last}")
    if name.get("nickname"):
        forms.insert(0, f"{name['nickname']} {last}")
    roles = []
    for term in person.get("terms") or []:
        title, body = FEDERAL.get(term.get("type"), (None, None))
        if title is None:
            continue
        state = STATES.get(term.get("state", ""), "United States")
        roles.append(Role(title, body, state, _day(term.get("start")), _day(term.get("end"))))
    ids = person.get("id") or {}
    scheme = next((k for k in ("bioguide", "wikidata", "govtrack") if ids.get(k)), None)
    external = f"{scheme}:{ids[scheme]}" if scheme else None
    return _entry(forms, roles, external, "congress-legislators")


def openstates(path: Path) -> list[RegistryEntry]:
    """State officials, legislators and mayors from an OpenStates people checkout (its `data/` folder or
    the repository root) or a tarball of it."""
    if path.is_file():
        with tarfile.open(path) as archive:
            members = [m for m in archive.getmembers() if m.isfile() and _is_person_file(m.name)]
            if not members:
                raise OpenDataError(f"{path}: no data/<state>/<kind>/*.yml files in the archive")
            return _people((m.name, _read(archive, m)) for m in members)
    files = sorted(p for p in path.rglob("*.yml") if _is_person_file(p.as_posix()))
    if not files:
        raise OpenDataError(f"{path}: no data/<state>/<kind>/*.yml files")
    return _people((p.as_posix(), p.read_bytes()) for p in files)


def _read(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(member)
    return handle.read() if handle is not None else b""


def _is_person_file(name: str) -> bool:
    parts = name.split("/")
    return (
        len(parts) >= 4
        and parts[-4] == "data"
        # data/us is Congress, which congress-legislators gives with its own ids and dated terms.
        and parts[-3] != "us"
        and parts[-2] in ("executive", "legislature", "municipalities")
        and name.endswith(".yml")
    )


def _people(files: Iterable[tuple[str, bytes]]) -> list[RegistryEntry]:
    entries = []
    for where, raw in files:
        person = _yaml(raw, where)
        if isinstance(person, dict):
            entry = _state_person(person, where.split("/")[-3].upper())
            if entry is not None:
                entries.append(entry)
    return entries


def _state_person(person: dict[str, Any], state: str) -> RegistryEntry | None:
    name = person.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    forms = [name]
    given, family = person.get("given_name"), person.get("family_name")
    if given and family:
        forms.append(f"{given} {family}")
    forms += [
        o["name"] for o in person.get("other_names") or [] if isinstance(o, dict) and "," not in o.get("name", ",")
    ]
    roles = [r for r in (_state_role(raw, state) for raw in person.get("roles") or []) if r is not None]
    return _entry(forms, roles, person.get("id"), "openstates")


def _state_role(raw: dict[str, Any], state: str) -> Role | None:
    kind = raw.get("type")
    title = STATE_TITLES.get(kind or "")
    if title is None:
        return None
    jurisdiction = str(raw.get("jurisdiction", ""))
    state_match = STATE_RE.search(jurisdiction)
    code = state_match.group(1).upper() if state_match else state
    state_name = STATES.get(code, code)
    place = PLACE_RE.search(jurisdiction)
    if kind == "lower":
        title = LOWER_TITLES.get(code, title)
    if place:
        city = place.group(1).replace("_", " ").replace("~", "-").title()
        organization, where = f"City of {city}", f"{city}, {state_name}"
    elif kind in ("upper", "lower", "legislature"):
        organization, where = f"{state_name} Legislature", state_name
    else:
        organization, where = f"State of {state_name}", state_name
    return Role(title, organization, where, _day(raw.get("start_date")), _day(raw.get("end_date")))


def _entry(forms: Sequence[str | None], roles: list[Role], external: str | None, source: str) -> RegistryEntry | None:
    """An entry named by the first form, every other spelling an alias (initials also without dots:
    "J. B. Pritzker" -> "JB Pritzker")."""
    names = list(dict.fromkeys(f.strip() for f in forms if f and f.strip()))
    if not names or not roles:
        return None
    variants = [re.sub(r"\b([A-Z])\.\s?(?=[A-Z]\.)", r"\1", n) for n in names]
    variants = [re.sub(r"\b([A-Z]{1,3})\.(?=\s)", r"\1", v) for v in variants]
    # An initial alone ("J. Newsom") is many people's name: no alias.
    aliases = tuple(
        a for a in dict.fromkeys(names[1:] + variants) if a != names[0] and len(a.split()[0].rstrip(".")) > 1
    )
    return RegistryEntry(names[0], "person", aliases, tuple(roles), external, source)


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _yaml(raw: bytes, where: str) -> Any:
    try:
        return yaml.load(io.BytesIO(raw), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise OpenDataError(f"{where}: not valid YAML: {exc}") from exc


# `sanctuary-tracker officials import SOURCE PATH`: the readers by source name.
READERS = {"congress-legislators": congress_legislators, "openstates": openstates}
