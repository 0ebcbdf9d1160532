"""The cue rules: the ordered patterns by which news writing says who spoke a quote.

`CUE_RULES` is the table: each rule is named, says in one line why news writing means what it matches, and
gives an example. The engine tries them in order for every quote and keeps the first cue found, recording
the rule's name on the quote (`rule` in `sanctuary-tracker quotes --format jsonl`). Order matters: a pattern
that binds a quote more tightly comes before a looser one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from pipelines.quotes.attribution import (
    Cue,
    after_comma_cue,
    asked_by_cue,
    colon_name_cue,
    dash_cue,
    find_cues,
    leading_cue,
    owned_quote_cue,
    passive_cue,
    possessive_cue,
    sentence_start,
    subject_cue,
    trailing_cue,
)
from pipelines.quotes.lexicon import CONTRASTING_JOINTS, FUNCTION_WORDS, QUOTE_MARKS, SENTENCE_END, SUBORDINATORS
from pipelines.quotes.mentions import Mention
from pipelines.quotes.segment import Span
from pipelines.quotes.tokens import Token, tokenize

# At most this many words between two quotes of one sentence: `a "good thing" that yielded "..."`.
MAX_BETWEEN_WORDS = 8


@dataclass(frozen=True, slots=True)
class QuoteSite:
    """The k-th quote of a paragraph and what the cue rules read around it: the prose before and after
    every quote of the paragraph (`gaps`) with the cues found in it, a colon introduction that ended the
    paragraph before, the paragraph's signature, a closing dash cue, and whether a title of a work came
    just before."""

    text: str
    spans: tuple[Span, ...]
    gaps: list[list[Token]]
    cues: list[list[Cue]]
    k: int
    introduced: Cue | None
    signed: Cue | None
    closing: Cue | None
    work_before: bool

    @property
    def span(self) -> Span:
        """The quote's span."""
        return self.spans[self.k]

    @property
    def before(self) -> list[Token]:
        """The prose between the previous quote (or the paragraph start) and this one."""
        return self.gaps[self.k]

    @property
    def after(self) -> list[Token]:
        """The prose between this quote and the next (or the paragraph end)."""
        return self.gaps[self.k + 1]

    @property
    def last(self) -> bool:
        """Whether no quote follows in the paragraph."""
        return self.k + 2 == len(self.gaps)

    @property
    def opens_sentence(self) -> bool:
        """Whether the quote's sentence starts in the prose right before it (not before an earlier quote)."""
        return self.k == 0 or ends_sentence(self.before) or closes_with_sentence_end(self.text, self.spans[self.k - 1])


@dataclass(frozen=True, slots=True)
class CueRule:
    """One pattern of news writing that names a quote's speaker."""

    name: str
    reason: str
    example: str
    find: Callable[[QuoteSite], Cue | None]


def _across_work(s: QuoteSite) -> Cue | None:
    if not s.work_before or closes_with_sentence_end(s.text, s.spans[s.k - 1]):
        return None
    return _across_title(s.text, s.gaps[s.k - 1], s.spans[s.k - 1], s.before)


def _subject(s: QuoteSite) -> Cue | None:
    if not s.opens_sentence:
        return None
    return subject_cue(s.before, s.text) or _previous_sentence_cue(s.before, s.cues[s.k], s.text)


def _contrasting(s: QuoteSite) -> Cue | None:
    if s.opens_sentence or not s.before or s.before[0].lower not in CONTRASTING_JOINTS:
        return None
    cue = subject_cue(s.before, s.text)
    return None if cue is not None and cue.verb.lower in FUNCTION_WORDS else cue


def _cue_after(s: QuoteSite) -> Cue | None:
    """A speech verb and speaker right after the quote ("“...,” Ruiz said"), unless the prose after is a new
    sentence about something else or leads into the next quote."""
    text, span, before, before_cues, after, after_cues, last = (
        s.text,
        s.span,
        s.before,
        s.cues[s.k],
        s.after,
        s.cues[s.k + 1],
        s.last,
    )
    cue = leading_cue(after, after_cues)
    if cue is not None and (
        (_ends_with_period(text, span) and (_opens_clause(after, cue) or not _closes_sentence(after, cue, last)))
        or (closes_with_sentence_end(text, span) and after[0].is_cap and _opens_clause(after, cue))
    ):
        # “... in the neighborhood.” Russia insisted that ...: a new sentence about something else
        # (“... without delay.” Clinton plans to visit on Sunday, according to an aide.; “...?” Dalton Brody
        # is a store, according to its website.).
        cue = None
    if (
        cue is not None
        and not last
        and closes_with_sentence_end(text, span)
        and after
        and after[-1].text in {",", ":"}
        and not ends_sentence(after)
    ):
        # `“Why now?” Mills then writes back, “You look cute.”`: after a quote that ends its sentence, a cue
        # that leads into the next quote is that quote's.
        cue = None
    leading = cue
    if cue is not None and not last and _leads_into_next(after, cue):
        # `Ryan saying he was “very encouraged” and Trump calling it a “great meeting.”`: a cue that leads
        # into the next quote gives way to the one leading into this quote.
        cue = trailing_cue(before, before_cues, text) or cue
    if cue is not None and cue is leading and cue.mention.kind == "pronoun" and _mid_sentence(before):
        # "DuVernay said she felt ... because “...,” she said.": the sentence already named the speaker.
        earlier = trailing_cue(before, before_cues, text)
        joined = cue.first > 0 and after[cue.first - 1].lower in {"and", "but"}
        if earlier is None and joined:
            # "Cruz exhorted Republicans to “...” and said he was ...": the subject goes on speaking (not
            # "Employees treated well stay, ... “...,” he says").
            earlier = subject_cue(before, text)
        if earlier is not None and (
            _same_person(earlier.mention, cue.mention) or (joined and _reported_subject(after, cue))
        ):
            # (or "Comey called it “extremely careless,” but said she should face no charges": "she" is
            # whom he spoke of)
            cue = earlier
    if (
        cue is not None
        and cue.first > 0
        and after[0].lower in SUBORDINATORS
        and (_introduces(before, before_cues) or (_mid_sentence(before) and trailing_cue(before, before_cues, text)))
    ):
        # `footage of Trump saying, “...,” when Clinton blasted him`: the cue that leads into the quote
        # wins over one in a clause that follows it.
        cue = None
    return cue


def _cue_before(s: QuoteSite) -> Cue | None:
    """A speaker and speech verb leading into the quote ("Ruiz said: “...”"), or a name labelling it right
    before ("Pollsters agree - Carl Bialik: “...”"), whichever is nearer the quote."""
    trailing, label = trailing_cue(s.before, s.cues[s.k], s.text), colon_name_cue(s.before, s.text)
    return label if label is not None and (trailing is None or label.first > trailing.last) else trailing


def _cue_after_comma(s: QuoteSite) -> Cue | None:
    return after_comma_cue(s.after, s.text) if ends_with_comma(s.text, s.span) else None


def _leads_into_next(after: list[Token], cue: Cue) -> bool:
    """Whether the prose after a quote is a clause of its own joined by "and" or "but" whose cue leads into
    the next quote, without ending the sentence: `“...” and Trump calling it a “...”`."""
    return (
        [t.lower for t in after[: cue.first]] in (["and"], ["but"], ["while"])
        and cue.last + 1 < len(after)
        and not ends_sentence(after)
    )


def _across_title(text: str, before: list[Token], title: Span, after: list[Token]) -> Cue | None:
    """The cue of a sentence that goes on across the title of a work before the quote: `Hemsley, the co-author
    of "Going Viral," about ..., said the days when the nation had "..."`."""
    if ends_sentence(after):
        return None
    inside = [t for t in tokenize(text, title.start, title.end) if t.text not in QUOTE_MARKS]
    tokens = before + inside + after
    cue = trailing_cue(tokens, find_cues(tokens, text), text)
    if cue is None or title.start <= cue.mention.start < title.end or cue.verb not in after:
        return None
    return cue


def _one_sentence(between: list[Token], text: str, span: Span) -> bool:
    """Whether a quote and the next one belong to one sentence: short prose between them that does not end
    a sentence, after a quote that does not end one."""
    inner = text[span.end - 2 : span.end - 1]
    words = [t for t in between if t.is_word]
    return inner not in {".", "?", "!"} and 0 < len(words) <= MAX_BETWEEN_WORDS and not ends_sentence(between)


def _closing_cue(
    text: str, spans: tuple[Span, ...], gaps: list[list[Token]], cues: list[list[Cue]], k: int
) -> Cue | None:
    """The cue that closes the sentence of a quote after later quotes of that sentence: `a "good thing" that
    yielded "frankly good information," he remarked.`, `will carry "a great deal of weight" and bring the
    "firepower" they need, Neil Sroka said.`"""
    j = k + 1
    while j < len(spans) and _one_sentence(gaps[j], text, spans[j - 1]):
        cue = leading_cue(gaps[j + 1], cues[j + 1])
        if cue is not None:
            return None if _ends_with_period(text, spans[j]) else cue
        j += 1
    return None


def _introduces(before: list[Token], cues: list[Cue]) -> bool:
    """Whether the sentence before a quote has a named speaker and ends with a comma or colon ("Trump
    saying during the debate, “")."""
    return (
        bool(cues)
        and len(before) >= 2
        and before[-1].text in {",", ":"}
        and cues[-1].mention.kind == "name"
        and not any(t.text in SENTENCE_END for t in before[cues[-1].last :])
    )


def _previous_sentence_cue(tokens: list[Token], cues: list[Cue], text: str) -> Cue | None:
    """`Cummings called him a master at deals. “He showed again ...”`: a quote standing as its own sentence
    after a sentence in which a named person speaks is theirs."""
    if not tokens or tokens[-1].text not in SENTENCE_END:
        return None
    start = sentence_start(tokens, len(tokens) - 1)
    in_sentence = [c for c in cues if c.first >= start]
    spoken = [c for c in in_sentence if c.mention.kind == "name"]
    if spoken:
        return spoken[0]
    if in_sentence and in_sentence[0].mention.kind == "pronoun" and in_sentence[0].mention.gender in ("m", "f"):
        return in_sentence[0]  # "..., she said she and Obama had made progress. “...”"
    cue = subject_cue(tokens[start:-1], text)
    return cue if cue is not None and cue.mention.kind == "name" else None


def _mid_sentence(before: list[Token]) -> bool:
    """Whether the prose before a quote opens the sentence the quote belongs to."""
    return bool(before) and before[-1].text not in SENTENCE_END and any(t.is_word for t in before)


def _reported_subject(after: list[Token], cue: Cue) -> bool:
    """Whether a cue's pronoun follows its verb and a verb follows it: "said she should", the subject of
    what was said rather than the one who said it."""
    k = cue.last
    return (
        cue.mention.start > cue.verb.start
        and k + 1 < len(after)
        and after[k + 1].is_word
        and after[k + 1].text.islower()
    )


def _same_person(named: Mention, pronoun: Mention) -> bool:
    if named.kind not in ("name", "pronoun") or named.is_org:
        return False
    return not (named.gender and pronoun.gender and named.gender != pronoun.gender)


def _ends_with_period(text: str, span: Span) -> bool:
    return not span.open_end and text[span.end - 2 : span.end - 1] == "."


def _opens_clause(tokens: list[Token], cue: Cue) -> bool:
    """Whether words of a clause of their own come before the cue ("Clinton plans to visit ..., according
    to an aide"), not just a conjunction ("But, said Solovey, ...")."""
    return sum(t.is_word for t in tokens[: cue.first]) > 1


def _closes_sentence(tokens: list[Token], cue: Cue, last: bool) -> bool:
    """Whether the cue is all its sentence says (`he said.`, `she said, adding ...`; not `“...” Cruz said
    “...”`, which leads into the next quote)."""
    following = tokens[cue.last + 1 : cue.last + 2]
    if not following:
        return last
    return following[0].text in {".", ",", ";", "!", "?", "(", "—", "--"}


def closes_with_sentence_end(text: str, span: Span) -> bool:
    """`“... a failed candidate.” Romney fired back`: the quote ends its sentence, so the prose after it opens
    a new one."""
    return not span.open_end and text[span.end - 2 : span.end - 1] in {".", "?", "!"}


def ends_with_comma(text: str, span: Span) -> bool:
    return not span.open_end and text[span.end - 2 : span.end - 1] == ","


def ends_sentence(tokens: list[Token]) -> bool:
    return any(t.text in SENTENCE_END for t in tokens)


CUE_RULES: tuple[CueRule, ...] = (
    CueRule(
        "owned_quote",
        "a possessive name right before a quote and a word for a statement after it give the words to the owner",
        "Mitt Romney's “47 percent” comment",
        lambda s: owned_quote_cue(s.before, s.after, s.text),
    ),
    CueRule(
        "passive_agent",
        "the agent of a passive naming or writing verb said or wrote the quoted words",
        "“American Skin” was written by Springsteen",
        lambda s: passive_cue(s.before, s.after, s.text),
    ),
    CueRule(
        "asked_by",
        "in an interview the agent of a passive asking verb asks the quoted question, not the one asked",
        "Sanders was asked by host Bill Maher, “Has the story moved?”",
        lambda s: asked_by_cue(s.before, s.cues[s.k], s.text),
    ),
    CueRule(
        "speech_verb_after",
        "a speech verb and its speaker right after a quote are the commonest attribution in news writing",
        "“We will comply,” the mayor said.",
        _cue_after,
    ),
    CueRule(
        "speech_verb_before",
        "a speaker and speech verb leading into a quote, or a name labelling it, say who speaks it",
        "Ruiz said: “We will comply.” / Pollsters agree - Carl Bialik: “...”",
        _cue_before,
    ),
    CueRule(
        "dash_credit",
        "a name after a dash that closes the paragraph credits the quote, as under epigraphs and tweets",
        "“We will comply.” ― Pamela Padilla",
        lambda s: dash_cue(s.after, s.text),
    ),
    CueRule(
        "speaker_after_comma",
        "a quote closed by a comma is attributed by the subject of the clause that follows, whatever its verb",
        "“Don't leave me,” Blige sings to Clinton.",
        _cue_after_comma,
    ),
    CueRule(
        "colon_introduction",
        "a paragraph that ends introducing a quote with a colon hands it to the next paragraph's quote",
        "Ruiz put it this way:\n“We will comply.”",
        lambda s: s.introduced if s.k == 0 and not s.before else None,
    ),
    CueRule(
        "signature",
        "a quoted paragraph that the next paragraph only signs with a dash and a name is the signer's",
        "“We must act now.”\n- Bernie Sanders.",
        lambda s: s.signed,
    ),
    CueRule(
        "closing_dash",
        "a dash cue closing a paragraph of several quotes covers the ones before it",
        "“We are ready.” And that is all he has. “We will win.” ― Christina Lastra.",
        lambda s: s.closing if s.k + 1 < len(s.spans) else None,
    ),
    CueRule(
        "sentence_closing_cue",
        "quotes woven into one sentence share the cue that closes the sentence after the last of them",
        "will carry “a great deal of weight” and bring the “firepower” they need, Neil Sroka said.",
        lambda s: _closing_cue(s.text, s.spans, s.gaps, s.cues, s.k),
    ),
    CueRule(
        "across_title",
        "a sentence that goes on across the title of a work keeps its speaker",
        "Hemsley, the co-author of “Going Viral,” about the campaign, said the days when the nation had “one shared "
        "set of facts” are gone.",
        _across_work,
    ),
    CueRule(
        "statement_owner",
        "a possessive name owning a word for a statement gives the following quote to the owner",
        "Politifact seized on Trump's claim that there have been “thousands of cases like this.”",
        lambda s: possessive_cue(s.before, s.text),
    ),
    CueRule(
        "sentence_subject",
        "in a sentence without a speech verb, its named or pronoun subject owns the quoted words; a quote "
        "standing as its own sentence belongs to whoever spoke in the sentence before",
        "Ruiz criticized the county plan as “reckless and cruel.” / Cummings called him a master at deals. “He "
        "showed again what he can do.”",
        _subject,
    ),
    CueRule(
        "contrasting_clause",
        "a contrasting clause after a quote brings a subject of its own, who speaks the next quote",
        "He refers to the governor as “Mr. Trump,” while Trump refers to him as “Chris.”",
        _contrasting,
    ),
)


def first_cue(site: QuoteSite) -> tuple[Cue, str] | None:
    """The cue of the first rule of the table that finds one, with the rule's name."""
    for rule in CUE_RULES:
        cue = rule.find(site)
        if cue is not None:
            return cue, rule.name
    return None
