"""A small tokenizer for the prose around quotes: words and punctuation with offsets."""

import re
from dataclasses import dataclass

from pipelines.quotes.lexicon import ABBREVIATIONS

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’\-.]\w+)*\.?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark and where it sits in the article text."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The word in lower case without a trailing period."""
        return self.text.lower().rstrip(".")

    @property
    def is_cap(self) -> bool:
        """Whether the word starts with a capital letter."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        """Whether the token is a word rather than punctuation."""
        return self.text[:1].isalnum()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a trailing period stays on a word only when it is an abbreviation."""
    out: list[Token] = []
    for m in TOKEN_RE.finditer(text, start, end):
        word = m.group()
        if word.endswith(".") and len(word) > 1 and not _keeps_period(word):
            out.append(Token(word[:-1], m.start(), m.end() - 1))
            out.append(Token(".", m.end() - 1, m.end()))
        else:
            out.append(Token(word, m.start(), m.end()))
    return out


def _keeps_period(word: str) -> bool:
    bare = word[:-1]
    return bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isupper()) or "." in bare
