"""Who else may have said a quote: the speakers an article offers around it, each with the features the
trained speaker model weighs.

The rules attribute a quote by the first cue pattern that fits. The candidates are what a reader would
weigh instead: the rules' pick, the subject of the quote's sentence or of the sentence after it, the names
and pronouns near the quote, the previous quote's speaker, the subject of the paragraph before a quote that
opens its paragraph, and nobody. Features are binary and generic (where a candidate sits, what kind of
mention it is, what the rules found), never words of one article.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipelines.quotes.attribution import sentence_start, sentence_subject
from pipelines.quotes.engine import NOBODY, Attributed, RulePass, Speaker, resolve_mention
from pipelines.quotes.entities import EntityIndex
from pipelines.quotes.lexicon import (
    OBJECT_MARKERS,
    PRONOUNS,
    SENTENCE_END,
    SPEAKING_HEADS,
    SPEECH_VERBS,
)
from pipelines.quotes.mentions import Mention, cap_run_end, is_title_word, parse_run
from pipelines.quotes.tokens import Token, make_token

# Names and pronouns nearest the quote on each side that become candidates; farther ones are rarely the
# speaker and only dilute the choice.
NEAREST = 3
# How many paragraphs back the previous quote's speaker is still in play.
PREVIOUS_REACH = 2
DISTANCE_BUCKETS = ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10"))


@dataclass(slots=True)
class Candidate:
    """One speaker a quote may have, the origins that proposed it and its features."""

    speaker: Speaker
    origins: set[str] = field(default_factory=set)
    features: list[str] = field(default_factory=list)

    @property
    def mention(self) -> Mention | None:
        """The words naming the candidate in the text (none for nobody)."""
        return self.speaker.mention


def candidates(
    found: RulePass, wanted: Callable[[Attributed], bool] | None = None
) -> Iterator[tuple[Attributed, list[Candidate] | None]]:
    """Every quote the rules attributed, with its candidate speakers (the rules' pick and nobody always
    among them), each with its features; None instead of the candidates of a quote `wanted` declines."""
    previous: Attributed | None = None
    for a in found.found:
        yield a, _for_quote(found, a, previous) if wanted is None or wanted(a) else None
        if a.speaker.name is not None:
            previous = a


def _for_quote(found: RulePass, a: Attributed, previous: Attributed | None) -> list[Candidate]:
    text, index, place = found.text, found.index, found.place
    gaps = found.gaps[a.n]
    before_all, after_all = gaps[a.k], gaps[a.k + 1]
    before = before_all[sentence_start(before_all, len(before_all)) :]
    after = _first_sentence(after_all)
    by_span: dict[tuple[int, int] | None, Candidate] = {}

    def propose(origin: str, speaker: Speaker) -> None:
        m = speaker.mention
        key = (m.start, m.end) if m is not None else None
        cand = by_span.setdefault(key, Candidate(speaker))
        cand.origins.add(origin)

    propose("none", NOBODY)
    if a.speaker.mention is not None:
        propose("rule", a.speaker)
    if a.settled:
        return _with_features(by_span, a, before_all, after_all, before, after, previous, index)
    for origin, tokens in (("subject", before), ("after_subject", _without_end(after))):
        subject = sentence_subject(tokens, text) if len(tokens) > 1 else None
        if subject is not None:
            propose(origin, resolve_mention(subject, _verb_after(tokens, subject), index, place))
    for origin, tokens, nearest_first in (("near_before", before, True), ("near_after", after, False)):
        mentions = _mentions(tokens, text)
        for m, verb in (mentions[::-1] if nearest_first else mentions)[:NEAREST]:
            propose(origin, resolve_mention(m, verb, index, place))
    if previous is not None and a.n - previous.n <= PREVIOUS_REACH:
        propose("previous", previous.speaker)
    if not any(t.is_word for t in before_all) and a.k == 0:
        last = _last_sentence_before(found, a.n)
        subject = sentence_subject(last, text) if len(last) > 1 else None
        if subject is not None:
            propose("para_subject", resolve_mention(subject, _verb_after(last, subject), index, place))
    return _with_features(by_span, a, before_all, after_all, before, after, previous, index)


def _with_features(
    by_span: dict[tuple[int, int] | None, Candidate],
    a: Attributed,
    before_all: list[Token],
    after_all: list[Token],
    before: list[Token],
    after: list[Token],
    previous: Attributed | None,
    index: EntityIndex,
) -> list[Candidate]:
    rule = _rule_state(a.speaker)
    context = _context(before_all, after_all)
    for cand in by_span.values():
        cand.features = _features(cand, a, rule, context, before, after, previous, index)
    return list(by_span.values())


def _features(
    cand: Candidate,
    a: Attributed,
    rule: str,
    context: list[str],
    before: list[Token],
    after: list[Token],
    previous: Attributed | None,
    index: EntityIndex,
) -> list[str]:
    m = cand.mention
    kind = m.kind if m is not None else "nobody"
    if m is not None and m.kind == "pronoun":
        kind = f"pronoun:{m.text.lower()}"
    out = [f"kind={kind}", f"kind={kind}|rule={rule}", f"rule_name={a.rule}"]
    if "rule" in cand.origins:
        out.append(f"rule_name={a.rule}|picked")
    for origin in sorted(cand.origins):
        out += [f"o={origin}", f"o={origin}|rule={rule}", f"o={origin}|kind={kind}"]
        out += [f"o={origin}|{c}" for c in context]
    out.append(f"n_origins={min(len(cand.origins), 3)}")
    if m is None:
        return out
    out.append("named" if cand.speaker.name else "unnamed")
    if cand.speaker.name:
        named, rank = index.salience(cand.speaker.name)
        out += [f"named_times={min(named, 5)}", f"salience_rank={min(rank, 3)}"]
        if len(cand.speaker.name.split()) > 1:
            out.append("full_name")
    if m.kind in ("description", "unnamed"):
        out.append(f"head={'speaking' if _speaking_head(m) else 'other'}|kind={kind}")
    if cand.speaker.kind == "organization":
        out.append("org")
    if m.start < a.span.start:
        side, tokens = "before", before
    else:
        side, tokens = "after", after
    k = next((i for i, t in enumerate(tokens) if t.start >= m.start), None)
    if k is None or tokens[k].start > m.start or m.end > (tokens[-1].end if tokens else 0):
        out.append("outside_sentence")
    else:
        last = next((i for i in range(k, len(tokens)) if tokens[i].end >= m.end), len(tokens) - 1)
        gap = len(tokens) - 1 - last if side == "before" else k
        out += [f"{side}|dist={_bucket(gap)}", f"{side}|dist={_bucket(gap)}|kind={kind}"]
        if last + 1 < len(tokens) and tokens[last + 1].lower in SPEECH_VERBS:
            out += ["verb_next", f"verb_next|{side}"]
        if k > 0 and tokens[k - 1].lower in SPEECH_VERBS:
            out += ["verb_before", f"verb_before|{side}"]
        if k > 0 and tokens[k - 1].lower in OBJECT_MARKERS:
            out.append("object")
        if k == 0:
            out.append(f"opens_sentence|{side}")
    if any(t.lower in SPEECH_VERBS for t in tokens):
        out.append(f"speech_in_sentence|{side}")
    if previous is not None and cand.speaker.name and cand.speaker.name == previous.speaker.name:
        out.append("previous_speaker")
    if a.speaker.name and cand.speaker.name == a.speaker.name:
        out.append("rule_person")
    return out


def _speaking_head(m: Mention) -> bool:
    """Whether a description's last word names someone or something that can speak ("the senator", "a
    spokesman", "the report"; not "some claims")."""
    head = m.text.split()[-1]
    bare = head.lower().rstrip(".,").removesuffix("'s").removesuffix("’s")
    return bare in SPEAKING_HEADS or bare.rstrip("s") in SPEAKING_HEADS or is_title_word(make_token(head, 0, len(head)))


def _rule_state(speaker: Speaker) -> str:
    m = speaker.mention
    if m is None:
        return "none"
    return f"{m.kind}:{'named' if speaker.name else 'unnamed'}"


def _context(before: list[Token], after: list[Token]) -> list[str]:
    """What the prose around the quote looks like: how it opens, whether a colon leads in."""
    out = []
    words_before = [t for t in before if t.is_word]
    if not words_before:
        out.append("opens_paragraph")
    elif before[-1].text == ":":
        out.append("colon")
    elif before[-1].text == ",":
        out.append("comma_before")
    if not any(t.is_word for t in after):
        out.append("closes_paragraph")
    elif after[0].text == ",":
        out.append("comma_after")
    if any(t.lower in SPEECH_VERBS for t in before[-8:]):
        out.append("verb_near_before")
    if any(t.lower in SPEECH_VERBS for t in after[:8]):
        out.append("verb_near_after")
    return out


def _mentions(tokens: list[Token], text: str) -> list[tuple[Mention, Token]]:
    """The names and personal pronouns in tokens, in order, each with the token after it."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.lower in PRONOUNS and t.text.isalpha():
            out.append((Mention("pronoun", t.start, t.end, t.text, gender=PRONOUNS[t.lower]), _next(tokens, i + 1, t)))
            i += 1
        elif t.is_cap and t.is_word:
            j = cap_run_end(tokens, i)
            m = parse_run(tokens[i:j], text)
            if m is not None and m.kind in ("name", "description"):
                out.append((m, _next(tokens, j, t)))
            i = j
        else:
            i += 1
    return out


def _next(tokens: list[Token], j: int, fallback: Token) -> Token:
    return tokens[j] if j < len(tokens) else fallback


def _verb_after(tokens: list[Token], m: Mention) -> Token:
    """The token after a mention (the verb a speaker's cue records)."""
    return next((t for t in tokens if t.start >= m.end), tokens[-1])


def _first_sentence(tokens: list[Token]) -> list[Token]:
    end = next((i for i, t in enumerate(tokens) if t.text in SENTENCE_END), len(tokens) - 1)
    return tokens[: end + 1]


def _without_end(tokens: list[Token]) -> list[Token]:
    return tokens[:-1] if tokens and tokens[-1].text in SENTENCE_END else tokens


def _last_sentence_before(found: RulePass, n: int) -> list[Token]:
    """The last sentence of the nearest paragraph before paragraph n (without its full stop)."""
    for m in range(n - 1, max(-1, n - 3), -1):
        if found.paras[m].chrome:
            continue
        tokens = _without_end(found.gaps[m][-1])
        return tokens[sentence_start(tokens, len(tokens)) :]
    return []


def _bucket(gap: int) -> str:
    return next((label for limit, label in DISTANCE_BUCKETS if gap <= limit), "11+")
