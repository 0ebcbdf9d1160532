"""The quote engine's entry point: rules propose, the trained model chooses."""

from pipelines.quotes.candidates import Candidate
from pipelines.quotes.chooser import Choice, SpeakerModel, choose_speakers
from pipelines.quotes.engine import make_quote, rule_pass
from pipelines.quotes.model import Quote


def extract_quotes(text: str, model: SpeakerModel | None = None, rules_only: bool = False) -> list[Quote]:
    """Find every double-quoted span in `text` and attribute it to a speaker where the text says who.

    The rules attribute each quote; the trained speaker model (`model`, by default the shipped one) then
    picks among the candidates the article offers, the rules' pick among them. `rules_only` skips the model.
    """
    found = rule_pass(text)
    if rules_only:
        return [make_quote(text, a.span, a.speaker, a.statement, a.rule) for a in found.found]
    return [_quote(text, c) for c in choose_speakers(found, model)]


def explain_quotes(text: str, model: SpeakerModel | None = None) -> list[tuple[Quote, list[tuple[float, Candidate]]]]:
    """Every quote as `extract_quotes` gives it, with the candidate speakers the model weighed and their
    scores, best first (the first is the one chosen)."""
    return [(_quote(text, c), c.scored) for c in choose_speakers(rule_pass(text), model, everyone=True)]


def _quote(text: str, c: Choice) -> Quote:
    return make_quote(text, c.attributed.span, c.speaker, c.attributed.statement, c.rule)
