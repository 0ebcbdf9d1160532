"""Topic rules: how strongly an article, and each quote with its paragraph, is about the configured topics.

A topic has keywords, which name it on their own ("deportation", "sanctuary city", "ICE"), and context
words, which coverage of it uses but other stories use too ("raids", "federal agents", "National Guard").
Each distinct context word adds half a keyword, at most one keyword's worth per passage, so a crime story full of
"agents" and "arrested" never passes on them alone, while "ICE agents raided ..." counts for more than
"ICE" does. A score is 1 - 0.5 ** weight: 0.5 for one keyword, 0.75 for two.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT_WEIGHT = 0.5
CONTEXT_CAP = 1.0
# A quote is tagged with a topic when it or its paragraph carries at least one keyword's worth.
PASSAGE_MIN_WEIGHT = 1.0


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a word list; all-capital words (ICE, DHS) match case-sensitively, others fold case."""
    words = [w for w in words if w]
    exact = [w for w in words if w.isupper()]
    folded = [w for w in words if not w.isupper()]
    alternatives = []
    if exact:
        alternatives.append(_first_letters(exact) + r"\b(?:" + "|".join(map(re.escape, exact)) + r")(?!\w)")
    if folded:
        folded_firsts = _first_letters([w.lower() for w in folded])
        alternatives.append(r"(?i:" + folded_firsts + r"\b(?:" + "|".join(map(re.escape, folded)) + r")(?!\w))")
    return re.compile("|".join(alternatives)) if alternatives else None


def _first_letters(words: list[str]) -> str:
    """A lookahead for the letters the words begin with. It changes no match, but lets the regex engine
    skip every other position at once instead of trying each word there."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic's compiled keyword and context patterns."""

    name: str
    keywords: re.Pattern[str] | None
    context: re.Pattern[str] | None

    def weight(self, text: str) -> float:
        """Keyword matches plus capped context matches in a passage."""
        strong = len(self.keywords.findall(text)) if self.keywords else 0
        # A context word said again and again ("border", "border", ...) is still one hint.
        weak = len({w.casefold() for w in self.context.findall(text)}) if self.context else 0
        return strong + min(CONTEXT_CAP, CONTEXT_WEIGHT * weak)


def score(weight: float) -> float:
    """A weight of evidence as a score between 0 and 1."""
    evidence: float = 1.0 - pow(0.5, weight)
    return round(evidence, 3)


@dataclass(frozen=True, slots=True)
class Relevance:
    """What the topic rules say of one article: the topics it is about (empty when off topic) and the
    score of every topic with any evidence."""

    topics: list[str]
    scores: dict[str, float]


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """Compiled topic rules and the article gate."""

    rules: tuple[Topic, ...]
    min_matches: float

    @classmethod
    def build(cls, rules: Iterable[tuple[str, Iterable[str], Iterable[str]]], min_matches: float = 2) -> "TopicMatcher":
        """Compile (topic, keywords, context words) rules."""
        return cls(tuple(Topic(name, _pattern(keys), _pattern(context)) for name, keys, context in rules), min_matches)

    def assess(self, title: str | None, text: str) -> Relevance:
        """An article is on topic when its title and text carry at least `min_matches` of evidence in all
        (a sheriff's paragraph on detainers in a budget story counts as much as a whole story on them)."""
        body = f"{title or ''}\n{text}"
        weights = {t.name: t.weight(body) for t in self.rules}
        scores = {name: score(w) for name, w in weights.items() if w}
        if sum(weights.values()) < self.min_matches:
            return Relevance([], scores)
        return Relevance([name for name, w in weights.items() if w >= PASSAGE_MIN_WEIGHT], scores)

    def passage(self, text: str, start: int, end: int) -> dict[str, float]:
        """The topics of the quote at text[start:end] with its paragraph, and their scores."""
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", end)
        paragraph = text[para_start : para_end if para_end >= 0 else len(text)]
        weights = {t.name: t.weight(paragraph) for t in self.rules}
        return {name: score(w) for name, w in weights.items() if w >= PASSAGE_MIN_WEIGHT}
