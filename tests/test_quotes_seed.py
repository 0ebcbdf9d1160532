"""The founding article: every quote segment, its statement grouping, speakers and titles."""

from pipelines.quotes import extract_quotes
from storage.normalize import name_key


def test_seed_segments_match_gold_offsets(seed_text, seed_gold):
    quotes = [q for q in extract_quotes(seed_text) if q.speaker]
    assert [(q.start, q.end) for q in quotes] == [(g["start"], g["end"]) for g in seed_gold["quotes"]]


def test_seed_speakers_titles_and_organizations(seed_text, seed_gold):
    quotes = {q.start: q for q in extract_quotes(seed_text)}
    for gold in seed_gold["quotes"]:
        q = quotes[gold["start"]]
        assert q.speaker == gold["speaker"]
        assert q.title == gold["title"]
        assert q.organization == gold["organization"]


def test_seed_statements_group_segments(seed_text, seed_gold):
    quotes = {q.start: q for q in extract_quotes(seed_text)}
    ours = {}
    for gold in seed_gold["quotes"]:
        ours.setdefault(gold["statement"], set()).add(quotes[gold["start"]].statement)
    assert all(len(ids) == 1 for ids in ours.values())
    assert len({next(iter(ids)) for ids in ours.values()}) == seed_gold["expected"]["statements"]
    speakers = {name_key(q.speaker) for q in quotes.values() if q.speaker}
    assert len(speakers) == seed_gold["expected"]["officials"]


def test_seed_non_statements_have_no_speaker(seed_text, seed_gold):
    for item in seed_gold["not_statements"]:
        for q in extract_quotes(seed_text):
            if item["quote"] in q.text:
                assert q.speaker is None, item["why"]
