"""Officials from open data: the congress-legislators and OpenStates readers on the shared snapshots, an
idempotent import, and surnames with a title resolving to the person holding that role on the day."""

from datetime import date

import pytest
from sqlalchemy import select

from scheduler.site_server import serve
from storage.models import Official
from storage.officials import find_or_add_official
from storage.opendata import OpenDataError, congress_legislators, openstates
from storage.registry import import_registry
from tests.conftest import run_cli, shared


@pytest.fixture(scope="module")
def congress():
    return congress_legislators(shared("data", "officials", "congress-legislators"))


@pytest.fixture(scope="module")
def states():
    return openstates(shared("data", "officials", "openstates-people.tar.gz"))


def by_name(entries, name):
    [entry] = [e for e in entries if e.name == name]
    return entry


def test_congress_legislators_gives_members_with_dated_roles_and_the_names_coverage_uses(congress):
    assert len(congress) > 600
    padilla = by_name(congress, "Alex Padilla")
    assert padilla.external_id == "bioguide:P000145"
    assert (padilla.roles[-1].title, padilla.roles[-1].jurisdiction) == ("Senator", "California")
    assert "Bernard Sanders" in by_name(congress, "Bernie Sanders").aliases  # the nickname is the name
    assert "JD Vance" in by_name(congress, "J.D. Vance").aliases
    vance = by_name(congress, "J.D. Vance").roles[-1]
    assert (vance.title, vance.start) == ("Vice President", date(2025, 1, 20))


def test_openstates_gives_governors_legislators_and_mayors(states):
    assert len(states) > 8000
    pritzker = by_name(states, "J. B. Pritzker")
    assert "JB Pritzker" in pritzker.aliases
    assert (pritzker.roles[-1].title, pritzker.roles[-1].jurisdiction) == ("Governor", "Illinois")
    bass = by_name(states, "Karen Bass").roles[-1]
    assert (bass.title, bass.organization) == ("Mayor", "City of Los Angeles")
    titles = {r.title for e in states for r in e.roles if r.jurisdiction == "California"}
    assert {"Assemblymember", "State Senator", "Governor"} <= titles
    # An initial alone is many people's name: never an alias.
    assert not any(len(a.split()[0].rstrip(".")) == 1 for e in states for a in e.aliases)


def test_a_folder_in_neither_layout_is_a_clear_error(tmp_path):
    with pytest.raises(OpenDataError, match=r"legislators-current\.yaml"):
        congress_legislators(tmp_path)
    with pytest.raises(OpenDataError, match="data/<state>"):
        openstates(tmp_path)


def test_import_is_idempotent_and_keeps_namesakes_apart(session, congress):
    first = import_registry(session, congress)
    assert first["added"] > 600
    again = import_registry(session, congress)
    assert again["added"] == again["updated"] == 0 and again["unchanged"] == len(congress)
    scotts = session.scalars(select(Official.name).where(Official.surname_key == "scott", Official.curated))
    assert {"Rick Scott", "Tim Scott"} <= set(scotts)


def test_a_surname_with_a_title_resolves_to_the_person_holding_that_role(session, congress, states):
    import_registry(session, congress)
    import_registry(session, [e for e in states if "Illinois" in {r.jurisdiction for r in e.roles}])
    day = date(2025, 6, 12)
    # An earlier article left a discovered "Padilla" without a title; "Sen. Padilla" is still the senator.
    find_or_add_official(session, "Padilla", "person", None, None, day)
    senator, added = find_or_add_official(session, "Padilla", "person", "Sen.", None, day)
    assert (senator.name, added) == ("Alex Padilla", False)
    governor, _ = find_or_add_official(session, "Pritzker", "person", "Gov.", "Illinois", day)
    assert governor.name == "J. B. Pritzker"
    assert find_or_add_official(session, "JB Pritzker", "person", None, None, day)[0].id == governor.id
    # Several senators named Scott: "Sen. Scott" is none of them.
    scott, _ = find_or_add_official(session, "Scott", "person", "Sen.", None, day)
    assert scott.name == "Scott" and not scott.curated


def test_officials_import_command_reads_a_url_and_reports_counts(tmp_path):
    folder = shared("data", "officials", "congress-legislators")
    db = f"sqlite:///{tmp_path / 't.db'}"
    executive = (folder / "executive.yaml").read_bytes()
    with serve({"/executive.yaml": (200, "text/yaml", executive)}) as base:
        done = run_cli("officials", "import", "congress-legislators", f"{base}/executive.yaml", "--db", db)
    assert done.returncode == 0, done.stderr
    # Presidents and vice presidents; the two the hand-curated registry lists get the new ids only.
    assert "80 people: 78 added, 2 updated" in done.stdout
    again = run_cli("officials", "import", "congress-legislators", str(folder / "executive.yaml"), "--db", db)
    assert "80 people: 0 added, 0 updated, 80 unchanged" in again.stdout
    missing = run_cli("officials", "import", "openstates", str(tmp_path / "nowhere"), "--db", db)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_congress_comes_from_congress_legislators_only(states):
    # OpenStates also lists Congress (data/us); its people come from congress-legislators, dated and with ids.
    assert not [e for e in states if e.name in {"Chuck Schumer", "Bernie Sanders"}]


def fictional_registry(tmp_path, people):
    from storage.open_registry import read_registry, write_registry
    from storage.registry_entry import RegistryEntry, Role

    entries = [
        RegistryEntry(
            name, "person", (), (Role(title, None, "Harborview", date(2020, 1, 1), None),), f"test:{n}", "test"
        )
        for n, (name, title) in enumerate(people)
    ]
    path = tmp_path / "registry.json.gz"
    write_registry(entries, path, {"about": "fictional"})
    return read_registry(path.read_bytes())


def test_a_nickname_finds_the_person_listed_by_the_formal_name(session, tmp_path):
    registry = fictional_registry(
        tmp_path,
        [("Pamela Ortega", "Mayor"), ("Christopher Vale", "Sheriff"), ("Christine Vale", "Supervisor")],
    )
    day = date(2025, 6, 12)
    mayor, added = find_or_add_official(session, "Pam Ortega", "person", None, None, day, registry)
    assert (mayor.name, added, mayor.curated) == ("Pamela Ortega", True, True)
    # Once in the database, the nickname finds her there.
    assert find_or_add_official(session, "Pam Ortega", "person", None, None, day, registry)[0].id == mayor.id
    # "Chris" is short for both Christopher and Christine: neither is guessed.
    chris, added = find_or_add_official(session, "Chris Vale", "person", None, None, day, registry)
    assert added and not chris.curated


def test_registry_file_finds_people_by_name_alias_and_surname_also_in_the_earlier_layout(tmp_path):
    import gzip
    import json

    from storage.open_registry import read_registry

    registry = fictional_registry(tmp_path, [("Pamela Ortega", "Mayor"), ("Tom Vega", "Sheriff")])
    assert [e.name for e in registry.named("pamela ortega")] == ["Pamela Ortega"]
    assert registry.by_surname_and_role("Vega", "Sheriff", None, date(2024, 1, 1)).external_id == "test:1"
    assert registry.by_surname_and_role("Vega", "Mayor", None, None) is None  # the title fits no Vega
    # A file of the earlier layout (people as objects, no stored indexes) reads the same.
    earlier = {
        "about": {},
        "people": [
            {
                "name": "Pamela Ortega",
                "aliases": ["Pam Ortega"],
                "roles": [["Mayor", None, "Harborview", None, None]],
                "id": "test:0",
                "source": "test",
            },
        ],
    }
    old = read_registry(gzip.compress(json.dumps(earlier).encode()))
    assert [e.external_id for e in old.named("pam ortega")] == ["test:0"]
    assert old.by_surname_and_role("Ortega", "Mayor", None, None).name == "Pamela Ortega"


@pytest.mark.parametrize(
    ("jurisdiction", "division"),
    [
        ("United States", "ocd-division/country:us"),
        ("California", "ocd-division/country:us/state:ca"),
        ("San Francisco, California", "ocd-division/country:us/state:ca/place:san_francisco"),
        ("Winston-Salem, North Carolina", "ocd-division/country:us/state:nc/place:winston~salem"),
        ("Los Angeles County, California", "ocd-division/country:us/state:ca/county:los_angeles"),
        ("District of Columbia", "ocd-division/country:us/district:dc"),
        ("San Francisco", None),  # a city without its state is not one place
        ("Harborview", None),
        (None, None),
    ],
)
def test_jurisdictions_as_ocd_division_ids(jurisdiction, division):
    from storage.jurisdictions import ocd_division

    assert ocd_division(jurisdiction) == division


def test_every_curated_and_open_data_jurisdiction_has_a_division_id():
    from storage.jurisdictions import ocd_division
    from storage.open_registry import shipped_open_registry
    from storage.registry_file import shipped_registry

    curated = {role.jurisdiction for entry in shipped_registry() for role in entry.roles}
    assert {j for j in curated if ocd_division(j) is None} == set()
    opened = shipped_open_registry()
    places = {role.jurisdiction for i in range(len(opened)) for role in opened._entry(i).roles}
    assert {j for j in places if ocd_division(j) is None} == set()
