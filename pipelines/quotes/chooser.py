"""The trained speaker model: a linear scorer over candidate features that picks each quote's speaker.

The weights are plain JSON (`data/speaker_model.json`, written by `benchmarks/train_speaker_model.py` from
PolNeAR train): no pickle, no numerical library at run time.
"""

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pipelines.quotes.candidates import Candidate, candidates
from pipelines.quotes.engine import Attributed, RulePass, Speaker

MODEL_FILE = "speaker_model.json"


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Feature weights and a bias; a candidate's score is the logistic of their sum over its features."""

    weights: Mapping[str, float]
    bias: float

    def score(self, features: list[str]) -> float:
        """The model's probability that a candidate with these features is the speaker."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def pick(self, cands: list[Candidate]) -> Candidate:
        """The best-scoring candidate (the first proposed among equals)."""
        return max(cands, key=lambda c: self.score(c.features))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "SpeakerModel":
        """A model from its JSON form ({"bias": float, "weights": {feature: float}})."""
        weights = data.get("weights")
        bias = data.get("bias")
        if not isinstance(weights, dict) or not isinstance(bias, int | float):
            raise ValueError("a speaker model needs a numeric 'bias' and a 'weights' object")
        return cls({str(k): float(v) for k, v in weights.items()}, float(bias))


@cache
def shipped_model() -> SpeakerModel:
    """The model that ships with the package."""
    raw = files("pipelines.quotes").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return SpeakerModel.from_json(json.loads(raw))


@dataclass(frozen=True, slots=True)
class Choice:
    """A quote the rules found, the speaker the model chose, the rule to record, and every candidate with
    its score, best first."""

    attributed: Attributed
    speaker: Speaker
    rule: str
    scored: list[tuple[float, Candidate]]


def choose_speakers(found: RulePass, model: SpeakerModel | None = None, everyone: bool = False) -> Iterator[Choice]:
    """Each quote the rules found, with the speaker the model picks among its candidates. The rule recorded
    is the rules' own where the model agrees, else "model:<origin>" (the origins that proposed it).

    The model weighs the quotes the rules leave without a named speaker; a quote they attribute to a named
    speaker keeps it (on the 6,941 quotes of PolNeAR train the model never overrules one), so its candidates
    are gathered only with `everyone` (for --explain)."""
    model = model or shipped_model()
    for a, cands in candidates(found, None if everyone else _unnamed):
        if cands is None:
            yield Choice(a, a.speaker, a.rule, [])
            continue
        scored = sorted(((model.score(c.features), c) for c in cands), key=lambda sc: -sc[0])
        chosen = scored[0][1]
        if "rule" in chosen.origins or (chosen.mention is None and a.speaker.mention is None):
            rule = a.rule
        else:
            rule = "model:" + "+".join(sorted(chosen.origins))
        yield Choice(a, chosen.speaker, rule, scored)


def _unnamed(a: Attributed) -> bool:
    return a.speaker.name is None
