"""The trained speaker model: a safe file, plumbing that lets it change a choice, and the choice it makes."""

import json
from importlib.resources import files

import pytest

from pipelines.quotes import extract_quotes
from pipelines.quotes.candidates import candidates
from pipelines.quotes.chooser import MODEL_FILE, SpeakerModel, shipped_model
from pipelines.quotes.engine import rule_pass

CONTINUED = (
    "Mayor Ana Ruiz spoke at City Hall on Monday.\n"
    "“We will not hand over our residents,” Ruiz said.\n"
    "Sheriff Tom Vega disagreed.\n"
    "“The county follows the law.”\n"
)


def test_shipped_model_is_plain_json_and_small():
    raw = files("pipelines.quotes").joinpath("data", MODEL_FILE).read_bytes()
    data = json.loads(raw)  # JSON, not a pickle: loading it runs no code
    assert len(raw) < 100_000
    assert isinstance(data["bias"], float)
    assert all(isinstance(w, float) for w in data["weights"].values())
    assert shipped_model().weights


@pytest.mark.parametrize("bad", [{}, {"bias": 0.0}, {"bias": "x", "weights": {}}, {"bias": 0.0, "weights": []}])
def test_malformed_model_is_refused(bad):
    with pytest.raises(ValueError):
        SpeakerModel.from_json(bad)


def test_every_quote_has_the_rules_pick_and_nobody_among_its_candidates():
    found = rule_pass(CONTINUED)
    per_quote = list(candidates(found))
    assert len(per_quote) == 2
    for a, cands in per_quote:
        assert cands is not None
        assert any(c.mention is None and "none" in c.origins for c in cands)
        if a.speaker.mention is not None:
            assert any("rule" in c.origins and c.speaker == a.speaker for c in cands)
        assert all(c.features for c in cands)


def test_a_model_can_overrule_the_rules():
    # A model that trusts the previous quote's speaker above all moves the unattributed second quote to Ruiz;
    # one that trusts nobody above all leaves it unattributed, and the named first quote keeps its speaker
    # whatever the model (the model weighs only quotes the rules leave without a name).
    previous = SpeakerModel({"o=previous": 10.0}, 0.0)
    assert [(q.speaker, q.rule) for q in extract_quotes(CONTINUED, model=previous)][1] == ("Ana Ruiz", "model:previous")
    nobody = SpeakerModel({"o=none": 10.0}, 0.0)
    assert [q.speaker for q in extract_quotes(CONTINUED, model=nobody)] == ["Ana Ruiz", None]


def test_shipped_model_keeps_a_plain_cue():
    quotes = extract_quotes(CONTINUED)
    assert quotes[0].speaker == "Ana Ruiz"
    assert quotes[0].mention == "Ruiz"
    assert extract_quotes(CONTINUED, rules_only=True)[0].speaker == "Ana Ruiz"
