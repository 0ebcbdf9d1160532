"""Topic rules: which of the configured topics an article is about, by keyword matches."""

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """Compiled keyword rules for named topics."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    min_matches: int

    @classmethod
    def build(cls, rules: Iterable[tuple[str, Iterable[str]]], min_matches: int = 2) -> "TopicMatcher":
        """Compile (topic, keywords) rules; all-capital keywords such as ICE match case-sensitively."""
        patterns = []
        for name, keywords in rules:
            exact = [re.escape(k) for k in keywords if k.isupper()]
            folded = [re.escape(k) for k in keywords if not k.isupper()]
            alternatives = []
            if exact:
                alternatives.append(r"\b(?:" + "|".join(exact) + r")\b")
            if folded:
                alternatives.append(r"(?i:\b(?:" + "|".join(folded) + r")\b)")
            if alternatives:
                patterns.append((name, re.compile("|".join(alternatives))))
        return cls(tuple(patterns), min_matches)

    def topics(self, title: str | None, text: str) -> list[str]:
        """Topics whose keywords occur; empty when all topics together match fewer than min_matches times."""
        body = f"{title or ''}\n{text}"
        counts = {name: len(pattern.findall(body)) for name, pattern in self.patterns}
        if sum(counts.values()) < self.min_matches:
            return []
        return [name for name, n in counts.items() if n]
