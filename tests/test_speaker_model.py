"""The trained speaker model: a safe file, plumbing that lets it change a choice, and the choice it makes."""

import json
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from pipelines.quotes import extract_quotes
from pipelines.quotes.candidates import candidates
from pipelines.quotes.chooser import MODEL_FILE, SpeakerModel, shipped_model
from pipelines.quotes.engine import rule_pass

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
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


def test_overrulings_sort_the_models_changes_by_what_the_annotators_said():
    # The CV's count of a model's changes to the rules' picks: a change to the annotated source is right, to
    # anyone else wrong, and naming anyone where the annotators gave no source is a cost of its own.
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from speaker_training import Unit, overrulings
    finally:
        sys.path.remove(str(BENCHMARKS))
    [cands] = [c for a, c in candidates(rule_pass(CONTINUED)) if a.speaker.name is None]
    assert cands is not None
    nobody = next(k for k, c in enumerate(cands) if c.mention is None)
    ruiz = next(k for k, c in enumerate(cands) if c.speaker.name == "Ana Ruiz")
    to_ruiz = SpeakerModel({"o=previous": 10.0}, 0.0)
    right = [int(k == ruiz) for k in range(len(cands))]
    wrong = [0] * len(cands)
    units = [
        Unit(0, cands, right, nobody, sourced=True),
        Unit(0, cands, wrong, nobody, sourced=True),
        Unit(0, cands, [int(k == nobody) for k in range(len(cands))], nobody, sourced=False),
        Unit(0, cands, [int(k == nobody) for k in range(len(cands))], nobody, sourced=False, marked=False),
    ]
    assert overrulings(units, to_ruiz) == {"right": 1, "wrong": 1, "no source": 2}
    assert overrulings(units, SpeakerModel({"o=none": 10.0}, 0.0)) == {}
