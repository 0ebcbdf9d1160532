"""Quote engine behaviour on the patterns news uses."""

import pytest

from pipelines.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_curly_quotes_and_inverted_attribution():
    text = "Acting Director Jane Roe spoke.\n“We will comply with the law,” said Jane Roe, the acting director.\n"
    assert speakers(text) == [("We will comply with the law,", "Jane Roe")]


def test_pronoun_resolves_to_previous_person():
    text = 'Mayor Ana Ruiz met reporters on Monday.\n"We are not changing course," she said.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ana Ruiz"
    assert q.mention == "she"
    assert q.title == "Mayor"


def test_colon_attribution_before_quote():
    text = 'Council member Lee Park said: "The ordinance stays."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Lee Park", "Council member")


def test_multi_paragraph_quote_is_one_statement():
    text = (
        '"The first part of what I said runs on," Sheriff Tom Vega said. "And it keeps going\n\n'
        '"until the next paragraph ends it."\n\nA new paragraph follows.\n'
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 3
    assert {q.statement for q in quotes} == {0}
    assert all(q.speaker == "Tom Vega" for q in quotes)


def test_unnamed_source_has_no_name():
    text = '"We do not comment on operations," a spokesperson for the agency said.\n'
    [q] = extract_quotes(text)
    assert q.speaker is None
    assert q.mention == "a spokesperson for the agency"


def test_organization_speaker():
    text = '"The raids will continue," the Department of Homeland Security said in a statement.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Department of Homeland Security"
    assert q.speaker_kind == "organization"


def test_more_lines_are_page_chrome():
    assert extract_quotes('MORE: "Know your rights" events planned\n') == []


@pytest.mark.parametrize(
    "text",
    ["", '"', '"""', "“unclosed quote that never ends", 'a " b " c " d', "\n\n\n", "”reversed“"],
)
def test_odd_input_never_raises_and_offsets_index_text(text):
    for q in extract_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
