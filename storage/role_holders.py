"""Offices named without a name: "the DHS secretary said", "the acting ICE director told reporters".

A description of a national office that one person holds at a time, with the definite article or none,
means whoever held it on the article's day. `ROLE_DESCRIPTIONS` is the table: each row names the office,
the words that describe it and the role (organization and titles) it is in the registry, with a reason
and an example. A description with an indefinite article ("a White House spokesperson") is one of many
and is never resolved.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from storage.registry_entry import RegistryEntry, Role

WORD_RE = re.compile(r"[a-z]+")
# Words of a description that say nothing of the office ("the acting ICE director", "the department's").
FILLER = frozenset({"the", "acting", "current", "then", "s", "u", "us"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "former"})


@dataclass(frozen=True, slots=True)
class RoleDescription:
    """An office one person holds at a time, and the ways news writing names it."""

    name: str
    reason: str
    example: str
    # Each alternative is the set of words (beyond FILLER) that describes the office.
    wordings: tuple[frozenset[str], ...]
    organization: str
    # The registry role's title is one of these (in lower case): "Assistant Secretary" is another office.
    titles: frozenset[str]


def _wordings(*texts: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(WORD_RE.findall(t)) - FILLER for t in texts)


ROLE_DESCRIPTIONS: tuple[RoleDescription, ...] = (
    RoleDescription(
        "dhs_secretary",
        "one secretary heads Homeland Security at a time; stories name the office once the person is known",
        "“We will enforce the law,” the DHS secretary said.",
        _wordings("dhs secretary", "homeland security secretary", "secretary of homeland security"),
        "U.S. Department of Homeland Security",
        frozenset({"secretary of homeland security", "acting secretary of homeland security"}),
    ),
    RoleDescription(
        "ice_director",
        "ICE has one director (often acting) at a time",
        "The acting ICE director said: “Arrests will continue.”",
        _wordings("ice director", "director of ice", "immigration and customs enforcement director"),
        "U.S. Immigration and Customs Enforcement",
        frozenset({"director", "acting director"}),
    ),
    RoleDescription(
        "cbp_commissioner",
        "CBP has one commissioner (often acting) at a time",
        "“Crossings are down,” the CBP commissioner said.",
        _wordings("cbp commissioner", "commissioner of cbp", "customs and border protection commissioner"),
        "U.S. Customs and Border Protection",
        frozenset({"commissioner", "acting commissioner"}),
    ),
    RoleDescription(
        "uscis_director",
        "USCIS has one director at a time",
        "“Applications are backlogged,” the USCIS director said.",
        _wordings("uscis director", "director of uscis"),
        "U.S. Citizenship and Immigration Services",
        frozenset({"director", "acting director"}),
    ),
    RoleDescription(
        "border_patrol_chief",
        "the Border Patrol has one chief at a time",
        "“Agents are stretched thin,” the Border Patrol chief said.",
        _wordings("border patrol chief", "chief of the border patrol"),
        "U.S. Border Patrol",
        frozenset({"border patrol chief", "chief"}),
    ),
    RoleDescription(
        "border_czar",
        "the White House names one border czar",
        "“The border is closed,” the border czar told reporters.",
        _wordings("border czar"),
        "The White House",
        frozenset({"border czar"}),
    ),
    RoleDescription(
        "white_house_press_secretary",
        "the White House has one press secretary at a time",
        "“The president was clear,” the White House press secretary said.",
        _wordings("white house press secretary"),
        "The White House",
        frozenset({"press secretary"}),
    ),
)


def described_office(mention: str | None) -> RoleDescription | None:
    """The office a description names ("the DHS secretary", "ICE director"), if it is one of the table's;
    never one with an indefinite article ("a White House spokesperson", "one ICE director": one of many)."""
    words = _description_words(mention)
    return next((d for d in ROLE_DESCRIPTIONS if words in d.wordings), None) if words else None


def office_holder(
    office: RoleDescription, on: date | None, registry: Iterable[RegistryEntry]
) -> tuple[RegistryEntry, Role] | None:
    """(person, role) of the one registry person holding the office on the day; None without a day or when
    no one or several did."""
    return _one_holder(
        registry, on, lambda role: role.organization == office.organization and role.title.lower() in office.titles
    )


def _description_words(mention: str | None) -> frozenset[str] | None:
    """The words of a definite description that say which office it is; None for none, or for one with an
    indefinite article or 'former' (one of many)."""
    if not mention or mention.lower().split()[0] in INDEFINITE:
        return None
    return frozenset(WORD_RE.findall(mention.lower())) - FILLER


def _one_holder(
    people: Iterable[RegistryEntry], on: date | None, fits: Callable[[Role], bool]
) -> tuple[RegistryEntry, Role] | None:
    """(person, role) of the one person with a fitting role held on the day (a person listed in the curated
    and the open registry both counts once); None without a day, or when no one or several did."""
    if on is None:
        return None
    found = {
        entry.name: (entry, role)
        for entry in people
        for role in entry.roles
        if fits(role) and (role.start is None or role.start <= on) and (role.end is None or on < role.end)
    }
    return next(iter(found.values())) if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class LocalOffice:
    """An office a state or a city has one of, named without the place: the place is where the story was
    filed ("SACRAMENTO, Calif. — ... the governor said" is California's governor)."""

    name: str
    reason: str
    example: str
    wordings: tuple[frozenset[str], ...]
    level: str  # "state" or "city": whose office it is
    titles: frozenset[str]

    def places(self, city: str, state: str) -> set[str]:
        """How registries write the jurisdiction of this office in that city or state."""
        return {state} if self.level == "state" else {city, f"{city}, {state}"}


LOCAL_OFFICES: tuple[LocalOffice, ...] = (
    LocalOffice(
        "governor",
        "a state has one governor; a story filed in a state speaks of its own governor as 'the governor'",
        "SACRAMENTO, Calif. (AP) — “We will protect every family,” the governor said.",
        _wordings("governor", "state governor", "state's governor"),
        "state",
        frozenset({"governor"}),
    ),
    LocalOffice(
        "lieutenant_governor",
        "a state has one lieutenant governor",
        "AUSTIN, Texas — “The Senate will act,” the lieutenant governor said.",
        _wordings("lieutenant governor", "lt governor"),
        "state",
        frozenset({"lieutenant governor"}),
    ),
    LocalOffice(
        "state_attorney_general",
        "'the state attorney general' is the filing state's; 'the attorney general' alone is often the U.S. one",
        "SPRINGFIELD, Ill. — “The law is clear,” the state attorney general said.",
        _wordings("state attorney general", "state's attorney general"),
        "state",
        frozenset({"attorney general"}),
    ),
    LocalOffice(
        "mayor",
        "a city has one mayor; a story filed in a city speaks of its own mayor as 'the mayor'",
        "CHICAGO — “Our police will not cooperate with ICE,” the mayor said.",
        _wordings("mayor", "city's mayor", "city mayor"),
        "city",
        frozenset({"mayor"}),
    ),
)


def described_local_office(mention: str | None) -> LocalOffice | None:
    """The state or city office a description names ("the governor", "the city's mayor"), if it is one of
    the table's; never one with an indefinite article or 'former'."""
    words = _description_words(mention)
    return next((o for o in LOCAL_OFFICES if words in o.wordings), None) if words else None


def local_office_holder(
    office: LocalOffice, city: str, state: str, on: date | None, people: Iterable[RegistryEntry]
) -> tuple[RegistryEntry, Role] | None:
    """(person, role) of the one person holding the office of this state (or this city of the state) on
    the day; None without a day or when no one or several did."""
    places = office.places(city, state)
    return _one_holder(people, on, lambda role: role.title.lower() in office.titles and role.jurisdiction in places)
