"""A small tokenizer for the prose around quotes: words and punctuation with offsets."""

import re
from typing import NamedTuple

from pipelines.quotes.lexicon import (
    ABBREVIATIONS,
    APOSTROPHES,
    GIVEN_NAMES,
    NICKNAME_OPENERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)

# Inside a word, combining accents (decomposed "José") and Latin-1 symbols, which are mojibake ("FranÃÂ§ois"),
# are part of it, not punctuation (guillemets and the no-break space excepted).
IN_WORD = "\u0300-\u036f\u0080-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf"
NICKNAME = '["\u201c][A-Z][a-z\'’]+["\u201d](?= [A-Z][a-z])'
NICKNAME_RE = re.compile(NICKNAME)
# A full stop with its space lost between a lower-case word and a capitalised one: "said.Trump".
GLUED_SENTENCE_RE = re.compile(r"([a-z]{2,})\.(?=[A-Z][a-z])")
# A pronoun or "The" after an abbreviation such as "U.S." opens a new sentence.
NEW_SENTENCE_RE = re.compile(r" (?:He|She|They|We|It|I|The) ")
# A web address ("Mic.com", "whitehouse.gov"): its dots abbreviate nothing.
DOMAIN_RE = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|io|co|us|news)")
TOKEN = rf"{NICKNAME}|(?:[A-Za-z]\.){{2,}}|\w+(?:['’\-.&]\w+|[{IN_WORD}]+\w*)*\.?|--+|[^\w\s]"
# A token with the spaces before it (all that lies between two tokens).
SPACED_TOKEN_RE = re.compile(rf"(\s*)({TOKEN})")


class Token(NamedTuple):
    """A word or punctuation mark and where it sits in the article text.

    lower is the word in lower case without a trailing period, bare the same without a possessive ("'s");
    is_cap and is_word say whether it starts with a capital letter and whether it is a word rather than
    punctuation; in_name_run whether it can be part of a run naming someone (a capitalised word, or a title
    word in lower case: "presidential nominee Donald Trump"). They are computed once, since the parser asks
    for them many times. A named tuple: the tokenizer makes hundreds of thousands, and a tuple is built in
    one call (`_new`), several times faster than a dataclass.
    """

    text: str
    start: int
    end: int
    lower: str
    is_cap: bool
    is_word: bool
    bare: str
    in_name_run: bool


_new = tuple.__new__


def make_token(text: str, start: int, end: int) -> Token:
    """A token with its derived fields (a quoted nickname is a capitalised word)."""
    return _new(Token, (text, start, end, *_derived(text)))


# The derived fields of the words seen so far (a plain dict: a lookup is cheaper than lru_cache's call, and
# most tokens are words seen before); cleared when it grows this large.
MAX_WORDS_KEPT = 65_536
_DERIVED: dict[str, tuple[str, bool, bool, str, bool]] = {}


def _derived(text: str) -> tuple[str, bool, bool, str, bool]:
    """(lower, is_cap, is_word, bare, in_name_run) of a word: the same for every occurrence, so worked out
    once."""
    found = _DERIVED.get(text)
    if found is None:
        if len(_DERIVED) >= MAX_WORDS_KEPT:
            _DERIVED.clear()
        found = _DERIVED[text] = _derive(text)
    return found


def _derive(text: str) -> tuple[str, bool, bool, str, bool]:
    head = text[1:2] if text[:1] in NICKNAME_OPENERS and len(text) > 2 else text[:1]
    lower = text.lower().rstrip(".")
    is_cap, is_word, bare = head.isupper(), head.isalnum(), without_possessive(lower)
    # ("the Republican nominee's stance": a possessive title word too)
    return lower, is_cap, is_word, bare, is_word and (is_cap or bare in TITLE_HEADS or bare in TITLE_MODIFIERS)


def without_possessive(text: str) -> str:
    """ "Trump's" -> "Trump", "Sanders’" -> "Sanders"."""
    if text.endswith(("'s", "’s")):
        return text[:-2]
    return text[:-1] if text.endswith(("s'", "s’")) else text


def is_nickname(text: str, i: int) -> bool:
    """Whether the quote mark at i opens a nickname: after an initial (Robert C. "Bobby" Scott), or after a
    given name when no given name follows (Marcia "Cia" Price; not Clinton "Crooked" Hillary)."""
    found = NICKNAME_RE.match(text, i)
    if found is None or text[i - 1 : i] != " ":
        return False
    before = text[max(0, i - 30) : i - 1].rsplit(None, 1)[-1:]
    after = text[found.end() + 1 : found.end() + 30].split(None, 1)[:1]
    if not before or not after:
        return False
    if re.fullmatch(r"[A-Z]\.", before[0]):
        return True
    return before[0].lower() in GIVEN_NAMES and after[0].lower() not in GIVEN_NAMES


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a trailing period stays on a word only when it is an abbreviation."""
    out: list[Token] = []
    known = _DERIVED.get
    taken = start  # (the apostrophe of a plural possessive is already in its word)
    after = start
    # Every character is a token's or a space, so each token's offset follows from the lengths before it
    # (cheaper than asking a match object for its span).
    for space, word in SPACED_TOKEN_RE.findall(text, start, end):
        at = after + len(space)
        after = at + len(word)
        if at < taken:
            continue
        if "." not in word and (word[-1] != "s" or text[after : after + 1] not in APOSTROPHES):
            # Most tokens: nothing to split off or join (the tokenizer's time is mostly spent here).
            out.append(_new(Token, (word, at, after) + (known(word) or _derived(word))))
            continue
        if "." in word and (glued := GLUED_SENTENCE_RE.match(word)) is not None:
            # "Trump said.Trump claimed": a lost space after a full stop, so two sentences.
            cut = at + glued.end(1)
            out.append(make_token(glued.group(1), at, cut))
            out.append(make_token(".", cut, cut + 1))
            word, at = word[glued.end(1) + 1 :], cut + 1
        if word[-1] == "." and len(word) > 1 and _ends_with_full_stop(word, text, after):
            out.append(make_token(word[:-1], at, after - 1))
            out.append(make_token(".", after - 1, after))
        elif word[-1] == "s" and text[after : after + 1] in APOSTROPHES and _plural_possessive(word, text, after):
            out.append(make_token(word + text[after], at, after + 1))
            taken = after + 1
        else:
            out.append(make_token(word, at, after))
    return out


def _plural_possessive(word: str, text: str, end: int) -> bool:
    """Whether the apostrophe after a capitalised word ending in "s" makes it possessive ("Sanders’ campaign",
    "Bass' office") rather than closing a single-quoted phrase opened earlier in the paragraph."""
    if not (word[-1:] == "s" and word[:1].isupper() and text[end : end + 1] in APOSTROPHES):
        return False
    if not text[end + 1 : end + 2].isspace():
        return False
    opened = False
    for k in range(text.rfind("\n", 0, end) + 1, end):
        ch = text[k]
        if ch == "‘" or (ch == "'" and (k == 0 or not text[k - 1].isalnum()) and text[k + 1 : k + 2].isalpha()):
            opened = True
        elif ch in APOSTROPHES and not text[k + 1 : k + 2].isalpha():
            opened = False
    return not opened


def _ends_with_full_stop(word: str, text: str, end: int) -> bool:
    """Whether a word's trailing period ends a sentence rather than abbreviating it; "U.S." does both
    before "He", "She", "The" ... ("... attacks in the U.S. He says")."""
    return not _keeps_period(word, text[end : end + 1]) or ("." in word[:-1] and bool(NEW_SENTENCE_RE.match(text, end)))


def _keeps_period(word: str, following: str) -> bool:
    """Whether a word's period abbreviates it: a known abbreviation, an initial, "U.S.", or any period
    followed at once by a comma or a closing parenthesis ("R-Ky.,", "(D-Nev.)"), which never ends a sentence."""
    if following in {",", ")"}:
        return True
    bare = word[:-1]
    if DOMAIN_RE.fullmatch(bare):
        return False  # "editor in chief of Mic.com.": a web address ends the sentence
    return bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isupper()) or "." in bare
