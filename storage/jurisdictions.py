"""Jurisdictions as people read them and as open data identifies them (Open Civic Data division ids).

The registries write a jurisdiction as a readable name: "United States", a state ("California"), or a
city with its state ("San Francisco, California"). `ocd_division` gives the OCD division id researchers
join other data on; a city without its state ("San Francisco", as some curated entries write it) has none.
"""

import re

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
# OCD division types of the places among STATES that are not states.
NON_STATES = {"DC": "district", "PR": "territory", "GU": "territory", "VI": "territory", "AS": "territory",
              "MP": "territory"}  # fmt: skip
CODES = {name: code for code, name in STATES.items()}
COUNTRY = "ocd-division/country:us"
SPACES_RE = re.compile(r"\s+")


def ocd_division(jurisdiction: str | None) -> str | None:
    """The OCD division id of a readable jurisdiction: "California" -> ocd-division/country:us/state:ca,
    "San Francisco, California" -> .../state:ca/place:san_francisco, "Los Angeles County, California" ->
    .../state:ca/county:los_angeles; None when it is not one of those."""
    if not jurisdiction:
        return None
    if jurisdiction == "United States":
        return COUNTRY
    city, _, state = jurisdiction.rpartition(", ")
    code = CODES.get(state)
    if code is None:
        return None
    division = f"{COUNTRY}/{NON_STATES.get(code, 'state')}:{code.lower()}"
    if not city:
        return division
    kind = "place"
    if city.endswith(" County"):
        kind, city = "county", city.removesuffix(" County")
    # OCD ids write a place in lower case with _ for spaces and ~ for hyphens ("winston~salem").
    place = SPACES_RE.sub("_", city.strip().lower()).replace("-", "~")
    return f"{division}/{kind}:{place}"
