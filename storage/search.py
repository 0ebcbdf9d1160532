"""Full-text search that answers the same on SQLite and PostgreSQL.

Both databases index the same words: each statement keeps `search_text`, its words lower-cased, without
accents and reduced to their stems by the Snowball English stemmer ("raids" and "raided" are "raid"), and
neither database stems or drops stop words of its own (FTS5's unicode61 tokenizer; PostgreSQL's `simple`
configuration). A query is parsed here, its words stemmed the same way, and written out in each
database's syntax, so `trust -policy` finds the same rows on both.

The query language: words (all must occur), "a phrase" (in that order), `OR` between two items (either),
`-word` or `-"a phrase"` (must not occur), `word*` (a prefix, not stemmed). At least one item must be
wanted, not excluded. Anything else a user types is a word: quotes left open close at the end, other
punctuation separates words.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"[^\W_]+")
# A query item: an optional minus, then a quoted phrase (closed or not) or a run of other characters.
ITEM_RE = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')


class SearchSyntaxError(ValueError):
    """The query cannot be searched (nothing wanted, only excluded, or no words at all)."""


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must occur in this order (one word is a phrase of one); `prefix`: the last is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Alternatives of which one must occur, or (`excluded`) none may."""

    terms: tuple[Term, ...]
    excluded: bool = False


@lru_cache(maxsize=1)
def _stemmer() -> "snowballstemmer.Stemmer":
    return snowballstemmer.stemmer("english")


def _plain(word: str) -> str:
    """Lower case, accents removed ("José" -> "jose")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    """The words of a text as the index holds them: plain and stemmed."""
    stemmer = _stemmer()
    return [stemmer.stemWord(w) for w in WORD_RE.findall(_plain(text))]


@lru_cache(maxsize=16384)
def search_text(text: str) -> str:
    """What a statement's text is indexed as: its stemmed words, space-separated (cached: a statement's
    text is written again whenever a new piece joins it, mostly unchanged)."""
    return " ".join(words_of(text))


def parse_query(query: str) -> list[Clause]:
    """The clauses of a query (see the module's docstring); SearchSyntaxError when nothing is wanted."""
    clauses: list[Clause] = []
    pending_or = False
    for match in ITEM_RE.finditer(query):
        minus, phrase, bare = match.groups()
        if bare == "OR" and not minus:
            pending_or = bool(clauses) and not clauses[-1].excluded
            continue
        term = _term(phrase if phrase is not None else bare, quoted=phrase is not None)
        if term is None:
            continue
        if pending_or and not minus:
            clauses[-1] = Clause((*clauses[-1].terms, term))
        else:
            clauses.append(Clause((term,), excluded=bool(minus)))
        pending_or = False
    if not any(not c.excluded for c in clauses):
        raise SearchSyntaxError("a search needs at least one word that is not excluded")
    return clauses


def _term(raw: str, quoted: bool) -> Term | None:
    prefix = not quoted and raw.endswith("*")
    found = WORD_RE.findall(_plain(raw))
    if not found:
        return None
    if prefix and len(found) == 1:
        return Term((found[0],), prefix=True)  # a prefix is matched as typed, not stemmed
    return Term(tuple(words_of(" ".join(found))))


def fts5_query(clauses: list[Clause]) -> str:
    """The query in SQLite FTS5 syntax, on the `search_text` column (every word quoted: no FTS5 syntax
    from the user ever reaches it)."""

    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    def alternatives(c: Clause) -> str:
        return "(" + " OR ".join(term(t) for t in c.terms) + ")"

    wanted = " AND ".join(alternatives(c) for c in clauses if not c.excluded)
    excluded = [alternatives(c) for c in clauses if c.excluded]
    body = f"({wanted})" + (f" NOT ({' OR '.join(excluded)})" if excluded else "")
    return f"search_text : ({body})"


def tsquery(clauses: list[Clause]) -> str:
    """The query as PostgreSQL tsquery text for the `simple` configuration (lexemes quoted)."""

    def term(t: Term) -> str:
        lexemes = [f"'{w}'" for w in t.words]
        if t.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"

    def alternatives(c: Clause) -> str:
        return "(" + " | ".join(term(t) for t in c.terms) + ")"

    parts = [alternatives(c) for c in clauses if not c.excluded]
    parts += ["!" + alternatives(c) for c in clauses if c.excluded]
    return " & ".join(parts)
