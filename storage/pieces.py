"""Quoted pieces of one statement: comparable word sequences, how two pieces relate, and clustering.

Outlets quote one utterance in pieces (sentences A and B here, B and C there), with elisions ("…",
"[the mayor]"), transcription variants ("I'm Sen. X" / "I am Senator X", "30,000" / "thirty thousand")
and light edits. A piece is turned into a canonical word sequence where an elision is one marker token,
and two pieces are compared by aligning those sequences. Clustering is transitive and deterministic:
the same pieces give the same statements in any order.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache

from storage.normalize import NEGATIONS, TITLE_SYNONYMS

GAP = "…"  # one token standing for words an outlet left out or replaced
# A short phrase of this many words quoted alone is a piece of a fuller quote that contains it.
MIN_PHRASE_WORDS = 4
# A shared run of this many words, or an equal text, is strong evidence on its own: such a link joins
# statements; shorter phrases only attach to one statement that contains them.
STRONG_WORDS = 8
# An aligned block this long anchors the overlap; shorter common blocks at the ends are coincidence.
ANCHOR_WORDS = 3
# Inside the overlap, at least this share of the words must agree (light edits, a word dropped).
MIN_FIDELITY = 0.85
# How far apart two pieces' dates may be. Measured on the PolNeAR cross-outlet groups
# (benchmarks/cross_outlet.py): reprints and follow-ups quote a statement up to weeks later; a short
# phrase is common enough that it only joins pieces from the same few days.
STRONG_WINDOW = timedelta(days=31)
PHRASE_WINDOW = timedelta(days=3)

# Editorial marks: "[the mayor]" replaces words (a gap); "(sic)" flags the speaker's own words.
SIC_RE = re.compile(r"[\[(]\s*sic\s*[\])]", re.IGNORECASE)
GAP_RE = re.compile(r"\.\s?\.\s?\.|…|\[[^\]]{0,80}\]")
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:'\w+)*|%|&")
# Spoken contractions as transcribed by one outlet and spelled out by another.
CONTRACTIONS = {
    "i'm": "i am",
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "let's": "let us",
    "y'all": "you all",
    **{f"{w}'s": f"{w} is" for w in ("it", "that", "there", "here", "what", "he", "she", "who", "where")},
}
CONTRACTION_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"))
SYMBOLS = {"%": "percent", "&": "and"}
# Hesitations one transcript keeps and another drops.
FILLERS = frozenset({"uh", "um", "er", "erm", "ah", "uhm", "hmm", "mm"})
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
} | {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


@dataclass(frozen=True, slots=True)
class Piece:
    """The canonical word sequence of a quoted piece; `GAP` tokens mark elisions."""

    tokens: tuple[str, ...]

    @property
    def words(self) -> int:
        """How many words the piece has (gaps not counted)."""
        return sum(t != GAP for t in self.tokens)

    @property
    def strong(self) -> bool:
        """Whether the piece is long enough to link statements on its own."""
        return self.words >= STRONG_WORDS


@lru_cache(maxsize=65536)
def piece(text: str) -> Piece:
    """The canonical word sequence of a quote as printed (cached: statement identity compares the same
    pieces again whenever their speaker is quoted anew)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    text = GAP_RE.sub(f" {GAP} ", SIC_RE.sub(" ", text))
    tokens: list[str] = []
    for raw in re.split(r"\s+", text):
        if raw == GAP:
            if tokens and tokens[-1] != GAP:
                tokens.append(GAP)
            continue
        for word in TOKEN_RE.findall(raw):
            tokens.extend(_spelled_out(word))
    while tokens and tokens[0] == GAP:
        tokens.pop(0)
    while tokens and tokens[-1] == GAP:
        tokens.pop()
    return Piece(tuple(_numbers(tokens)))


def _spelled_out(word: str) -> list[str]:
    """A token with contractions, abbreviated titles and symbols written out, fillers dropped."""
    word = word.strip("'")
    if word in CONTRACTIONS:
        return CONTRACTIONS[word].split()
    for suffix, full in CONTRACTION_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], full]
    if word in FILLERS or not word:
        return []
    word = word.replace("'", "")
    return [SYMBOLS.get(word) or TITLE_SYNONYMS.get(word) or word.replace(",", "")]


def _numbers(tokens: list[str]) -> list[str]:
    """Numbers written as words become digits ("thirty thousand" -> "30000"), and a digit followed by a
    scale word is multiplied out ("1.5 million" -> "1500000"), so both transcriptions read the same."""
    out: list[str] = []
    total = current = 0.0
    active = False
    for token in [*tokens, ""]:
        scale = SCALES.get(token)
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            active = True
            continue
        if scale is not None:
            if not active and out and (number := _as_number(out[-1])) is not None:
                out.pop()
                current, active = number, True
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            active = True
            continue
        if active:
            out.append(_format(total + current))
            total = current = 0.0
            active = False
        if token:
            number = _as_number(token)
            out.append(token if number is None else _format(number))
    return out


def _as_number(token: str) -> float | None:
    if not token or not token[0].isdigit():
        return None
    try:
        return float(token)
    except ValueError:
        return None


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def link(a: Piece, b: Piece) -> str | None:
    """How two pieces of one speaker relate: "strong" (equal, or sharing a long run of words without a
    negation or a number changed), "phrase" (a short phrase contained word for word in the other), or
    None (different words)."""
    if not a.tokens or not b.tokens:
        return None
    if a.tokens == b.tokens:
        return "strong"
    shorter = min(a.words, b.words)
    if shorter < MIN_PHRASE_WORDS:
        return None
    ops = SequenceMatcher(None, a.tokens, b.tokens, autojunk=False).get_opcodes()
    # The overlap runs between anchors: common blocks long enough not to be chance, or that reach where
    # one of the pieces starts (for the first) or ends (for the last).
    long_enough = [k for k, op in enumerate(ops) if op[0] == "equal" and op[2] - op[1] >= min(ANCHOR_WORDS, shorter)]
    if not long_enough:
        return None
    starts = [k for k, op in enumerate(ops) if op[0] == "equal" and (op[1] == 0 or op[3] == 0)]
    ends = [k for k, op in enumerate(ops) if op[0] == "equal" and (op[2] == len(a.tokens) or op[4] == len(b.tokens))]
    first = min(long_enough[:1] + starts[:1])
    last = max(long_enough[-1:] + ends[-1:])
    matched = edited = 0
    for tag, i1, i2, j1, j2 in ops[first : last + 1]:
        if tag == "equal":
            matched += sum(t != GAP for t in a.tokens[i1:i2])
            continue
        left, right = a.tokens[i1:i2], b.tokens[j1:j2]
        if GAP in left or GAP in right:
            continue  # words one outlet left out
        if any(t in NEGATIONS or t[0].isdigit() for t in (*left, *right)):
            return None  # a negation or a number changed: another claim, not an edit
        edited += max(len(left), len(right))
    if matched / (matched + edited) < MIN_FIDELITY:
        return None
    lead_a, lead_b = _words(a.tokens[: ops[first][1]]), _words(b.tokens[: ops[first][3]])
    trail_a, trail_b = _words(a.tokens[ops[last][2] :]), _words(b.tokens[ops[last][4] :])
    if (lead_a or trail_a) and (lead_b or trail_b):
        # Neither lies inside the other: an overlap (A B / B C) must run from one's start to the other's end.
        if matched < STRONG_WORDS or (lead_a and lead_b) or (trail_a and trail_b):
            return None
        return "strong"
    if matched >= STRONG_WORDS:
        return "strong"
    return "phrase" if edited == 0 and matched >= MIN_PHRASE_WORDS else None


def _words(tokens: Sequence[str]) -> int:
    return sum(t != GAP for t in tokens)


@dataclass(frozen=True, slots=True)
class Dated:
    """A piece with its key and the day it was reported as said (None when the page gave no day)."""

    key: Hashable
    piece: Piece
    said_on: date | None


def _close(a: date | None, b: date | None, window: timedelta) -> bool:
    return a is None or b is None or abs(a - b) <= window


def cluster(pieces: Sequence[Dated]) -> list[list[Hashable]]:
    """Group the pieces of one speaker into statements; the result does not depend on their order.

    Strong links join groups transitively (pieces an article quotes in one run are one piece already). A
    group made only of short phrases then joins the one other group that contains its phrase within a few
    days; a phrase contained in several statements stays apart rather than bridge them.
    """
    everything = sorted(pieces, key=lambda d: repr(d.key))
    # The same words reported for the same day (a wire quote reprinted by many outlets) link to each other
    # and to exactly what any one of them links to: compare one of them, and let the others follow it.
    same: dict[Hashable, list[Hashable]] = defaultdict(list)
    first_of: dict[tuple[object, ...], Dated] = {}
    for d in everything:
        signature = (d.piece.tokens, d.said_on) if d.piece.tokens else (d.key,)
        shown = first_of.setdefault(signature, d)
        if shown is not d:
            same[shown.key].append(d.key)
    keys = list(first_of.values())
    parent = {d.key: d.key for d in keys}

    def find(k: Hashable) -> Hashable:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(x: Hashable, y: Hashable) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            low, high = sorted((rx, ry), key=repr)
            parent[high] = low

    phrase_links: list[tuple[Hashable, Hashable]] = []
    for a, b in _candidate_pairs(keys):
        kind = link(a.piece, b.piece)
        if kind == "strong" and _close(a.said_on, b.said_on, STRONG_WINDOW):
            union(a.key, b.key)
        elif kind == "phrase" and _close(a.said_on, b.said_on, PHRASE_WINDOW):
            phrase_links.append((a.key, b.key))
    by_key = {d.key: d for d in everything}
    members: dict[Hashable, list[Hashable]] = defaultdict(list)
    for d in keys:
        members[find(d.key)].extend([d.key, *same[d.key]])
    short = {root for root, ks in members.items() if not any(by_key[k].piece.strong for k in ks)}
    targets: dict[Hashable, set[Hashable]] = defaultdict(set)
    for x, y in phrase_links:
        rx, ry = find(x), find(y)
        if rx != ry:
            if rx in short and ry not in short:
                targets[rx].add(ry)
            if ry in short and rx not in short:
                targets[ry].add(rx)
    for root, into in targets.items():
        if len(into) == 1:
            members[next(iter(into))].extend(members.pop(root))
    return sorted((sorted(ks, key=repr) for ks in members.values()), key=lambda ks: repr(ks[0]))


def _candidate_pairs(pieces: Sequence[Dated]) -> list[tuple[Dated, Dated]]:
    """The pairs that can link, found without comparing every piece with every other: pieces sharing two
    runs of four words (one, where the shorter piece has only one: a four-word phrase), and equal pieces
    too short for that. A link needs eight aligned words at 85 % agreement, or a phrase contained whole, so
    no linking pair is missed."""
    grams_of = [_grams(d.piece) for d in pieces]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, grams in enumerate(grams_of):
        for gram in grams:
            index[gram].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                shared[x, y] += 1
    pairs = {pair for pair, n in shared.items() if n >= min(2, *(len(grams_of[k]) for k in pair))}
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, d in enumerate(pieces):
        if not grams_of[n] and d.piece.tokens:
            by_words[d.piece.tokens].append(n)
    for members in by_words.values():
        pairs |= {(x, y) for i, x in enumerate(members) for y in members[i + 1 :]}
    return [(pieces[x], pieces[y]) for x, y in sorted(pairs)]


def _grams(p: Piece) -> set[tuple[str, ...]]:
    """The runs of MIN_PHRASE_WORDS words of a piece, within its fragments."""
    grams: set[tuple[str, ...]] = set()
    fragment: list[str] = []
    for token in [*p.tokens, GAP]:
        if token != GAP:
            fragment.append(token)
            continue
        grams |= {tuple(fragment[i : i + MIN_PHRASE_WORDS]) for i in range(len(fragment) - MIN_PHRASE_WORDS + 1)}
        fragment = []
    return grams


def fullest(texts: Sequence[str]) -> str:
    """The fullest reconstruction of one statement from its printed pieces: the longest piece, extended
    by any piece that continues it (A B + B C -> A B C). Among equally long pieces the one in ordinary
    case wins over a shouted headline; ties go the same way whatever the order."""
    # The same words printed by many outlets extend nothing more than once.
    ordered = sorted(set(texts), key=lambda t: (-piece(t).words, -sum(c.islower() for c in t), t))
    if not ordered:
        return ""
    best = ordered[0].strip()
    for text in ordered[1:]:
        best = _extend(best, text.strip())
    return best


def _extend(base: str, other: str) -> str:
    """`base` followed by the rest of `other` when `other` begins with the end of `base`."""
    spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(other)]
    base_words = piece(base).tokens
    last = TOKEN_RE.findall(base.casefold().replace("’", "'"))[-1:]
    for cut in range(len(spans) - 1, MIN_PHRASE_WORDS - 1, -1):
        if [other[slice(*spans[cut - 1])].casefold().replace("’", "'")] != last:
            continue  # the overlap must end on the word the base ends on; saves normalising every prefix
        head = piece(other[: spans[cut - 1][1]]).tokens
        if len(head) >= MIN_PHRASE_WORDS and GAP not in head and base_words[-len(head) :] == head:
            tail = other[spans[cut - 1][1] :]
            rest = tail.lstrip(" ,;:.!?")
            if not piece(rest).words:
                return base
            joint = tail[: len(tail) - len(rest)].strip()
            base = base.rstrip(" ,;:")
            if not base.endswith((".", "!", "?")) and joint[:1] in (".", "!", "?"):
                base += joint[0]
            return f"{base} {rest}"
    return base
