"""Where a story was filed, from its dateline: "SACRAMENTO, Calif. (AP) — ...", "CHICAGO — ...".

Wire and newspaper style opens a story with the city in capitals, the state as the AP stylebook
abbreviates it (or spelled out, for the eight states AP never abbreviates), an optional agency credit and
a dash. Big cities stand alone ("CHICAGO —"): AP's list of datelines that need no state. The place tells
which governor or mayor "the governor said" means (storage/role_holders.py). Pure functions.
"""

import re
from dataclasses import dataclass

# AP stylebook state abbreviations in datelines; Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah
# are always spelled out, and any state may be.
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
STATE_NAMES = frozenset(AP_STATES.values()) | {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah"}
# AP's stand-alone datelines in the United States, with their states.
STANDALONE_CITIES = {
    "Atlanta": "Georgia", "Baltimore": "Maryland", "Boston": "Massachusetts", "Chicago": "Illinois",
    "Cincinnati": "Ohio", "Cleveland": "Ohio", "Dallas": "Texas", "Denver": "Colorado", "Detroit": "Michigan",
    "Honolulu": "Hawaii", "Houston": "Texas", "Indianapolis": "Indiana", "Las Vegas": "Nevada",
    "Los Angeles": "California", "Miami": "Florida", "Milwaukee": "Wisconsin", "Minneapolis": "Minnesota",
    "New Orleans": "Louisiana", "New York": "New York", "Oklahoma City": "Oklahoma",
    "Philadelphia": "Pennsylvania", "Phoenix": "Arizona", "Pittsburgh": "Pennsylvania",
    "St. Louis": "Missouri", "Salt Lake City": "Utah", "San Antonio": "Texas", "San Diego": "California",
    "San Francisco": "California", "Seattle": "Washington", "Washington": "District of Columbia",
}  # fmt: skip

# CITY in capitals, then ", State" (or a Reuters-style date), an optional credit in parentheses, a dash.
DATELINE_RE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})"
    r"(?:,\s*(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?))?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[—–-]{1,2}\s"
)
HEAD = 160  # a dateline opens the story: look no further than this


@dataclass(frozen=True, slots=True)
class Place:
    """Where a story was filed: a city and its state (full names)."""

    city: str
    state: str


def dateline_place(text: str) -> Place | None:
    """The place of the dateline opening `text`, if it names a US city with a known state."""
    match = DATELINE_RE.match(text[:HEAD])
    if match is None:
        return None
    city = _city_name(match.group("city"))
    printed = match.group("state")
    if printed is None:
        state = STANDALONE_CITIES.get(city)
    else:
        state = AP_STATES.get(printed.replace(" ", ""), printed if printed in STATE_NAMES else None)
    return Place(city, state) if state else None


def _city_name(capitals: str) -> str:
    """ "SALT LAKE CITY" -> "Salt Lake City", "ST. LOUIS" -> "St. Louis", "MCALLEN" -> "Mcallen"."""
    return " ".join(word[:1] + word[1:].lower() for word in capitals.split())
