"""An official as a registry lists them: name, aliases and dated roles. Plain data, no database imports, so
the shipped registry can be read by commands that never open a database."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Role:
    """A title held over a span of time."""

    title: str
    organization: str | None
    jurisdiction: str | None
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One official of a registry: hand-curated, or read from open data (storage/opendata.py)."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    # The id in the open-data source ("bioguide:P000145", "ocd-person/..."); None for hand-curated entries.
    external_id: str | None = None
    source: str = "curated"
