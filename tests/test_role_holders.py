"""Offices named without a name resolve to whoever held them on the article's day."""

from datetime import UTC, date, datetime

import pytest

from crawler.items import PageItem
from pipelines.article_record import article_record
from pipelines.dateline import Place, dateline_place
from pipelines.extract import Extracted
from pipelines.quotes import extract_quotes
from pipelines.stages import ArticleDraft
from storage.open_registry import shipped_open_registry
from storage.registry_file import shipped_registry
from storage.role_holders import (
    LOCAL_OFFICES,
    ROLE_DESCRIPTIONS,
    described_local_office,
    described_office,
    local_office_holder,
    office_holder,
)


@pytest.mark.parametrize(
    ("mention", "office"),
    [
        ("the DHS secretary", "dhs_secretary"),
        ("the Homeland Security secretary", "dhs_secretary"),
        ("The acting ICE director", "ice_director"),
        ("the border czar", "border_czar"),
        ("ICE director", "ice_director"),  # headline style, no article
        # One of many, or another office: nobody in particular.
        ("a White House spokesperson", None),
        ("one former ICE director", None),
        ("the secretary", None),
        ("the DHS spokesperson", None),
        (None, None),
    ],
)
def test_definite_descriptions_of_national_offices(mention, office):
    found = described_office(mention)
    assert (found.name if found else None) == office


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [
        ("dhs_secretary", date(2025, 6, 1), "Kristi Noem"),
        ("dhs_secretary", date(2023, 6, 1), "Alejandro Mayorkas"),
        ("ice_director", date(2025, 2, 1), "Caleb Vitello"),
        ("ice_director", date(2025, 9, 3), "Todd Lyons"),
        ("ice_director", date(2025, 3, 1), None),  # between two acting directors
        ("border_czar", None, None),  # no day, no holder
    ],
)
def test_the_holder_is_whoever_held_the_office_that_day(office, day, holder):
    row = next(d for d in ROLE_DESCRIPTIONS if d.name == office)
    found = office_holder(row, day, shipped_registry())
    assert (found[0].name if found else None) == holder


def test_every_row_is_explained_and_its_example_names_the_office():
    for row in ROLE_DESCRIPTIONS:
        assert len(row.reason) > 20
        [q] = extract_quotes(row.example)
        assert described_office(q.mention) is row, row.name


def draft(text: str, published: date | None) -> ArticleDraft:
    page = PageItem("https://example.test/a", 200, b"", "test", "Example", datetime(2025, 9, 4, tzinfo=UTC))
    extracted = Extracted(text, "Title", None, published, None, "en", None)
    d = ArticleDraft(page, extracted, topics=["immigration-enforcement"])
    d.quotes = extract_quotes(text)
    return d


def test_stored_quote_of_an_office_goes_to_its_holder_on_the_article_day():
    text = "“Arrests will continue in every city,” the acting ICE director said on Wednesday.\n"
    record = article_record(draft(text, date(2025, 9, 3)), shipped_registry())
    [q] = record.quotes
    assert (q.speaker, q.title, q.organization) == (
        "Todd Lyons",
        "Acting Director",
        "U.S. Immigration and Customs Enforcement",
    )
    assert q.mention == "the acting ICE director"
    # Without the registry the quote has no speaker and is not stored.
    assert article_record(draft(text, date(2025, 9, 3))).quotes == []


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("SACRAMENTO, Calif. (AP) — California will not help.", Place("Sacramento", "California")),
        ("AUSTIN, Texas — The state sued.", Place("Austin", "Texas")),
        ("SALT LAKE CITY (AP) — Lawmakers met.", Place("Salt Lake City", "Utah")),
        ("CHICAGO — The council voted.", Place("Chicago", "Illinois")),
        ("ST. LOUIS — Agents arrived.", Place("St. Louis", "Missouri")),
        ("NEWARK, N.J. — Protesters gathered.", Place("Newark", "New Jersey")),
        ("DENVER, Jan 5 (Reuters) - The city said.", Place("Denver", "Colorado")),
        ("SPRINGFIELD — Lawmakers met.", None),  # which Springfield: no state, not a stand-alone dateline
        ("LONDON (AP) — Ministers met.", None),
        ("The governor spoke in Sacramento — again.", None),  # no dateline
        ("NASA — said nothing.", None),
    ],
)
def test_datelines_name_the_place_a_story_was_filed(opening, place):
    assert dateline_place(opening) == place


def test_every_local_office_is_explained_and_its_example_resolves():
    registry = shipped_registry()
    for office in LOCAL_OFFICES:
        assert len(office.reason) > 20
        [q] = extract_quotes(office.example)
        assert described_local_office(q.mention) is office, office.name
        place = dateline_place(office.example)
        assert place is not None, office.name
        people = [*registry, *shipped_open_registry().holding(office.titles, office.places(place.city, place.state))]
        assert local_office_holder(office, place.city, place.state, date(2025, 9, 3), people) is not None, office.name


@pytest.mark.parametrize(
    ("text", "day", "speaker"),
    [
        (
            "SACRAMENTO, Calif. (AP) — The state moved first.\n\n“We will protect every family,” the governor said.\n",
            date(2025, 6, 10),
            "Gavin Newsom",
        ),
        (
            "AUSTIN, Texas — The state sued.\n\n“We will secure the border,” the governor said.\n",
            date(2025, 6, 10),
            "Greg Abbott",
        ),
        (
            "TALLAHASSEE, Fla. — A law was signed.\n\n“Florida is not a sanctuary,” the governor said.\n",
            date(2018, 6, 1),
            "Rick Scott",  # the governor that day, not today's
        ),
        (
            "CHICAGO — The council voted.\n\n“Our police will not cooperate with ICE,” the mayor said.\n",
            date(2025, 1, 28),
            "Brandon Johnson",
        ),
        ("LONDON (AP) — Ministers met.\n\n“We will not comment,” the mayor said.\n", date(2025, 1, 28), None),
        ("CHICAGO — The council voted.\n\n“We will not comment,” a former mayor said.\n", date(2025, 1, 28), None),
        ("CHICAGO — The council voted.\n\n“We will not comment,” the mayor said.\n", None, None),  # undated
    ],
)
def test_the_governor_or_mayor_of_the_dateline_on_the_article_day(text, day, speaker):
    record = article_record(draft(text, day), shipped_registry(), shipped_open_registry())
    assert [q.speaker for q in record.quotes] == ([speaker] if speaker else [])
