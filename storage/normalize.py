"""Text normalization and fingerprints for statement and article identity."""

import hashlib
import re
import unicodedata

PUNCT_RE = re.compile(r"[^\w\s]")
SPACE_RE = re.compile(r"\s+")
# Dedup by containment only for texts long enough that a match is not a coincidence.
MIN_CONTAINED_CHARS = 24


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
    """Whether two normalized texts are one statement: equal, or one a cut-down version of the other."""
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= MIN_CONTAINED_CHARS and shorter in longer


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, accents and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return SPACE_RE.sub(" ", PUNCT_RE.sub(" ", plain.casefold())).strip()
