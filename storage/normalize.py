"""Text normalization and fingerprints for statement and article identity."""

import hashlib
import re
import tomllib
import unicodedata
from collections import defaultdict
from functools import cache
from importlib.resources import files

PUNCT_RE = re.compile(r"[^\w\s]")
SPACE_RE = re.compile(r"\s+")
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
