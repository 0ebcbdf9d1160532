"""Text normalization and fingerprints for statement and article identity."""

import hashlib
import re
import tomllib
import unicodedata
from collections import defaultdict
from functools import cache
from importlib.resources import files

from rapidfuzz import fuzz

PUNCT_RE = re.compile(r"[^\w\s]")
SPACE_RE = re.compile(r"\s+")
# Dedup by containment only for texts long enough that a match is not a coincidence.
MIN_CONTAINED_CHARS = 24
LIGHT_EDIT_RATIO = 92
MIN_FUZZY_PART_CHARS = 40
CUT_DOWN_ORDER_RATIO = 85
NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "dont", "doesnt", "didnt", "wont", "cant", "isnt", "arent", "wasnt"}
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def normalize_text(text: str) -> str:
    """Case-folded words with punctuation, quote styles and whitespace differences removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = PUNCT_RE.sub(" ", text.replace("'", ""))
    return SPACE_RE.sub(" ", text).strip()


def fingerprint(normalized: str) -> str:
    """A stable hash of already-normalized text."""
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


def same_words(a: str, b: str) -> bool:
    """Whether two normalized texts are one statement: equal, one a cut-down version of the other, or
    lightly edited (a word changed here and there) without a negation or a number changed."""
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_CONTAINED_CHARS:
        return False
    if shorter in longer:
        return True
    changed = set(a.split()) ^ set(b.split())
    if NEGATIONS & changed or any(any(c.isdigit() for c in word) for word in changed):
        return False  # a negation or a number changed: a different claim, not a light edit
    if fuzz.ratio(a, b) >= LIGHT_EDIT_RATIO:
        return True
    # A cut-down version that was also lightly edited: its words all appear in the fuller text, mostly in
    # the same order.
    return (
        len(shorter) >= MIN_FUZZY_PART_CHARS
        and fuzz.token_set_ratio(shorter, longer) >= LIGHT_EDIT_RATIO
        and fuzz.partial_ratio(shorter, longer) >= CUT_DOWN_ORDER_RATIO
    )


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, accents and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return SPACE_RE.sub(" ", PUNCT_RE.sub(" ", plain.casefold())).strip()


def surname_key(name: str) -> str:
    """The lookup key of a person's last name ("Daniel Lurie" -> "lurie"), suffixes dropped."""
    words = [w for w in name_key(name).split() if w not in NAME_SUFFIXES]
    return words[-1] if words else ""


# Abbreviated titles as printed, and the word a curated role uses.
TITLE_SYNONYMS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "gen": "general",
    "atty": "attorney",
    "da": "attorney",
    "supt": "superintendent",
    "sgt": "sergeant",
    "del": "delegate",
    "pres": "president",
    "sec": "secretary",
}


def title_words(title: str | None) -> set[str]:
    """The words of a title for matching, abbreviations spelled out ("Sen." -> {"senator"})."""
    return {TITLE_SYNONYMS.get(w, w) for w in name_key(title or "").split()}


@cache
def _given_name_forms() -> dict[str, frozenset[str]]:
    """Each given name with the other forms it is printed in (storage/data/nicknames.toml), both ways."""
    table = tomllib.loads(files("storage").joinpath("data", "nicknames.toml").read_text(encoding="utf-8"))
    forms: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in table["nicknames"].items():
        for short in shorts:
            forms[formal].add(short)
            forms[short].add(formal)
    return {name: frozenset(others) for name, others in forms.items()}


def given_name_variants(key: str) -> list[str]:
    """The name keys of a full name with its given name in its other printed forms ("pam bondi" ->
    ["pamela bondi"]); empty for a single word."""
    words = key.split()
    if len(words) < 2:
        return []
    return sorted(" ".join([other, *words[1:]]) for other in _given_name_forms().get(words[0], ()))
