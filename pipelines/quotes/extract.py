"""The quote engine's entry point: rules propose, the trained model chooses."""

from pipelines.quotes.chooser import SpeakerModel, choose_speakers
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
    return [make_quote(text, a.span, speaker, a.statement, rule) for a, speaker, rule in choose_speakers(found, model)]
