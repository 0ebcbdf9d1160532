"""Value types of the quote engine."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted segment of an article and who said it.

    `start`/`end` index the article text and cover the quote marks; `statement` is shared by the
    segments of one statement ("...," Lurie said. "..."). `rule` names what attributed it: a row of the cue
    table (pipelines/quotes/cue_rules.py), how a speaker carried on ("continued", "reported_before"), or
    "model:<origin>" where the speaker model chose another candidate than the rules.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_kind: str | None
    speaker_start: int | None
    speaker_end: int | None
    mention: str | None
    title: str | None
    organization: str | None
    cue: str | None
    statement: int
    rule: str = "none"

    def as_dict(self) -> dict[str, object]:
        """The quote as the JSON-lines contract of `sanctuary-tracker quotes` names it."""
        return {
            "quote": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "mention": self.mention,
            "title": self.title,
            "organization": self.organization,
            "cue": self.cue,
            "statement": self.statement,
            "rule": self.rule,
        }
