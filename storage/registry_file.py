"""The curated official registry file: reading and validating the shipped TOML (or one of your own).
No database here: the crawl's worker processes read the registry without loading SQLAlchemy."""

import tomllib
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from storage.registry_entry import RegistryEntry, Role

OFFICIAL_KEYS = {"name", "kind", "aliases", "roles"}
ROLE_KEYS = {"title", "organization", "jurisdiction", "start", "end"}


class RegistryError(ValueError):
    """The registry file names a bad key or value."""


def shipped_registry() -> list[RegistryEntry]:
    """The registry that ships with the tracker."""
    return parse_registry(
        files("storage").joinpath("data", "officials.toml").read_text(encoding="utf-8"), "officials.toml"
    )


def load_registry(path: Path) -> list[RegistryEntry]:
    """A registry file of your own, in the shipped file's format."""
    return parse_registry(path.read_text(encoding="utf-8"), str(path))


def parse_registry(text: str, where: str) -> list[RegistryEntry]:
    """Parse and validate registry TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{where}: not valid TOML: {exc}") from exc
    entries = []
    for i, raw in enumerate(data.get("officials", [])):
        label = f"{where}: officials[{i}]"
        unknown = set(raw) - OFFICIAL_KEYS
        if unknown:
            raise RegistryError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RegistryError(f"{label}: 'name' must be a non-empty string")
        kind = raw.get("kind", "person")
        if kind not in ("person", "organization"):
            raise RegistryError(f"{label}: kind must be person or organization")
        entries.append(
            RegistryEntry(
                name.strip(),
                kind,
                tuple(raw.get("aliases", [])),
                tuple(_role(r, f"{label} {name}") for r in raw.get("roles", [])),
            )
        )
    return entries


def _role(raw: dict[str, Any], label: str) -> Role:
    unknown = set(raw) - ROLE_KEYS
    if unknown:
        raise RegistryError(f"{label}: role has unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("title"), str):
        raise RegistryError(f"{label}: a role needs a title")
    for key in ("start", "end"):
        if key in raw and not isinstance(raw[key], date):
            raise RegistryError(f"{label}: role {key} must be a date (YYYY-MM-DD)")
    return Role(raw["title"], raw.get("organization"), raw.get("jurisdiction"), raw.get("start"), raw.get("end"))
