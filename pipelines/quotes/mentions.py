"""Noun phrases that name speakers: split a capitalised run into title, jurisdiction and name."""

import re
from typing import NamedTuple

from pipelines.quotes.lexicon import (
    CONNECTORS,
    COUNTRIES,
    EXPANSIONS,
    FEMALE_NAMES,
    GIVEN_NAMES,
    HONORIFICS,
    INITIAL_GIVEN_NAMES,
    LINKS,
    MALE_NAMES,
    NAME_SUFFIXES,
    NICKNAME_OPENERS,
    NON_NAME_CAPS,
    NOT_SURNAMES,
    ORG_WORDS,
    PARTY_MEMBERS,
    PARTY_WORDS,
    PERSON_NOUNS,
    PLACE_CONNECTORS,
    PLACE_WORDS,
    PLURAL_TITLES,
    POSSESSIVE,
    RANKS,
    SERVICES,
    SPEECH_VERBS,
    SURNAME_ORG_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UNNAMED_HEADS,
)
from pipelines.quotes.tokens import Token, without_possessive

_new = tuple.__new__

# Longer words in capitals are shouted, not acronyms ("NATO", "NAACP"): two in a run make it a headline.
MAX_ACRONYM = 5
# A party and state label ("R-Ky.", "D-Newport News"), printed after a lawmaker's name.
PARTY_LABEL_RE = re.compile(r"^[RDI]-[A-Z]")


class Mention(NamedTuple):
    """A phrase that refers to a speaker.

    kind is "name" (a person or organisation named), "pronoun", "description" ("the mayor") or
    "unnamed" ("a spokesperson"). start/end cover the phrase as printed. A named tuple, like `Token`: the
    entity index moves a cached mention to every place its words recur (`_moved`), and a tuple is built
    several times faster than a frozen dataclass.
    """

    kind: str
    start: int
    end: int
    text: str
    name: str | None = None
    is_org: bool = False
    title: str | None = None
    jurisdiction: str | None = None
    gender: str = ""
    possessive: bool = False


def cap_run_end(tokens: list[Token], i: int) -> int:
    """End (exclusive) of the run of capitalised words starting at i, joined by name connectors."""
    j = i
    while j < len(tokens) and ((tokens[j].is_cap and tokens[j].is_word) or _connects(tokens, i, j)):
        j += 1
    return j


def _connects(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens[j] joins two capitalised words of one name: "Department of Justice", "Al-Assad"."""
    if j == i or j + 1 >= len(tokens) or not tokens[j + 1].is_cap:
        return False
    t = tokens[j]
    if t.text in {"-", "&"}:
        return True  # ("Procter & Gamble")
    return t.lower in CONNECTORS and not (t.lower == "and" and _joins_people(tokens[j - 1], tokens[j + 1]))


def _joins_people(before: Token, after: Token) -> bool:
    """Whether "and" joins two people ("Donald Trump and Hillary Clinton") rather than an org name."""
    return after.lower in GIVEN_NAMES or before.lower not in ORG_WORDS


def cap_run_start(tokens: list[Token], j: int) -> int:
    """Start of the capitalised run that ends (inclusive) at index j."""
    i = j
    while i > 0:
        prev = tokens[i - 1]
        if (prev.is_cap and prev.is_word) or (
            (prev.lower in CONNECTORS or prev.text == "&")
            and i - 2 >= 0
            and tokens[i - 2].is_cap
            and prev.lower != "the"
        ):
            i -= 1
        else:
            break
    return i


def is_title_word(t: Token) -> bool:
    """Whether a word is the head of a title ("Mayor", "Sen.", "spokeswoman", "nominee's", "cardiologist")."""
    return t.bare in TITLE_HEADS or t.bare in TITLE_ABBREVIATIONS or t.bare.endswith(("ologist", "ologists"))


def is_org_name(words: list[Token]) -> bool:
    """Whether the words name an organisation rather than a person (not "Michael Bloomberg", "Don Guardian",
    "G.K. Butterfield", "Vann R. Newkirk II")."""
    given = words[0].lower in GIVEN_NAMES
    if len(words) > 1 and given and words[-1].lower in SURNAME_ORG_WORDS:
        return False
    for k, w in enumerate(words):
        if w.lower in ORG_WORDS or "&" in w.text:
            return True  # ("AT&T", "Procter & Gamble": firms, not people)
        bare = w.text.replace(".", "")
        initials = ("." in w.text or w.lower in INITIAL_GIVEN_NAMES) and (
            k + 1 < len(words) and words[k + 1].is_cap and (k == 0 or given)
        )
        if len(bare) >= 2 and bare.isupper() and bare.isalpha() and not initials and bare not in NAME_SUFFIXES:
            return True
    return False


def expand(word: str) -> str:
    """Expand a known abbreviation of a place or agency ("SF" -> "San Francisco")."""
    return EXPANSIONS.get(word, word)


def parse_run(tokens: list[Token], text: str, speaking: bool = False, closing: bool = False) -> Mention | None:
    """Read a capitalised run as a named mention with its title and jurisdiction. `speaking`: the run is
    right before a speech verb, so a lone -ing word there is a name ("Boreing said"), not a participle;
    `closing`: the verb also ends the clause.

    The same run reads the same wherever it stands (its words and the spaces between them decide), so
    each is read once and moved to where it stands; a nickname in quote marks is looked for in the whole
    text, so a run with one is read every time, as is a run read without its text (`text` not holding it)."""
    if not tokens or len(text) < tokens[-1].end or any(t.text[:1] in NICKNAME_OPENERS for t in tokens):
        return _parse_run(tokens, text, speaking, closing)
    base = tokens[0].start
    # (A run of one word, most runs, is the word itself; a longer one is told apart by where its words stand.)
    where = () if len(tokens) == 1 else tuple((t.start - base, t.end - base) for t in tokens)
    key = (text[base : tokens[-1].end], where, speaking, closing)
    if key in _RUNS:
        found = _RUNS[key]
    else:
        found = _parse_run(tokens, text, speaking, closing)
        if found is not None:
            found = _moved(found, -base)
        if len(_RUNS) >= MAX_RUNS_KEPT:
            _RUNS.clear()
        _RUNS[key] = found
    return None if found is None else _moved(found, base)


# Runs read so far (see parse_run), with offsets from the run's start; cleared when it grows this large.
MAX_RUNS_KEPT = 20_000
_RUNS: dict[tuple[str, tuple[tuple[int, int], ...], bool, bool], Mention | None] = {}


def _moved(m: Mention, by: int) -> Mention:
    return _new(Mention, (m.kind, m.start + by, m.end + by, *m[3:]))


def _parse_run(tokens: list[Token], text: str, speaking: bool, closing: bool) -> Mention | None:
    # `,” From said.`, `,” Read said.`: a lone capitalised word right before a speech verb is a surname,
    # though the word is a common one.
    lone = closing and len(tokens) == 1 and tokens[0].is_cap and tokens[0].lower not in NOT_SURNAMES
    words = _trimmed(list(tokens), lone)
    if not words or sum(w.text.isupper() and len(w.text) > MAX_ACRONYM for w in words) > 1:
        return None  # ("AUSTRALIAN OLYMPIC TEAM REFUSES TO STAY": a headline in capitals, not a name)
    head, name_words, gender = _split_title(words)
    if not name_words or (is_title_word(words[-1]) and not _given_name_before(words) and not _body_of(words)):
        return _description(words, text)
    # "Lamar Alexander of Tennessee": the place is not part of a person's name.
    cut = next((k for k, w in enumerate(name_words) if w.lower in PLACE_CONNECTORS), None)
    if cut is not None and cut >= 2 and not is_org_name(name_words):
        name_words = name_words[:cut]
    if not (name_words[0].is_cap and name_words[-1].is_cap) or PARTY_LABEL_RE.match(name_words[0].text):
        return None
    other = _other_than_name(words, head, name_words, lone, speaking, text)
    if other is not _NAMED:
        return other if isinstance(other, Mention) else None
    head, name_words = _descriptors_moved(head, name_words)
    if not name_words[0].is_cap:
        return None  # "Delaware's top Democratic brass": no name after the possessive
    return _named(head, name_words, gender, text)


# What `_other_than_name` returns when the run does name someone.
_NAMED = object()


def _trimmed(words: list[Token], lone: bool) -> list[Token]:
    """The run without the capitalised common words and speech verbs that open it and the connectors that
    end it."""
    while not lone and words and (words[0].lower.split("-")[0] in NON_NAME_CAPS or words[0].lower in SPEECH_VERBS):
        if words[0].lower in HONORIFICS:
            break
        words.pop(0)
    while words and words[-1].lower in CONNECTORS:
        words.pop()
    return words


def _split_title(words: list[Token]) -> tuple[list[Token], list[Token], str]:
    """(title words, name words, gender): the last title word or honorific splits the title from the name."""
    gender = ""
    split = -1
    for k, w in enumerate(words):
        if w.lower in HONORIFICS:
            gender = HONORIFICS[w.lower] or gender
            split = k
        elif is_title_word(w) and k + 1 < len(words) and not (k and words[k - 1].lower == "of"):
            split = k  # (after "of" a title word names a body or office: "Department of Justice")
    head, name_words = words[: split + 1], words[split + 1 :]
    if name_words and name_words[0].lower == "of":
        head, name_words = _office_of(head, name_words)
    return head, name_words, gender


def _other_than_name(
    words: list[Token], head: list[Token], name_words: list[Token], lone: bool, speaking: bool, text: str
) -> object:
    """What a run is when its name part names nobody: a body ("the Justice Department"), people unnamed
    ("Supporters of Sanders"), or nothing (None); `_NAMED` when it does name someone."""
    if not lone and all(w.lower in TITLE_MODIFIERS or w.lower in NON_NAME_CAPS for w in name_words):
        if not head and name_words[-1].lower in ORG_WORDS:
            return _body(name_words, text)  # "the White House", "Homeland Security", "Police"
        return None  # "his doctor Friday": no name after the title
    if head and len(name_words) == 1 and name_words[0].lower in ORG_WORDS and all(w.is_cap for w in head):
        return _body(words, text)  # "the Justice Department": a body, not a person called "Department"
    if not head and len(name_words) == 1 and name_words[0].lower in UNNAMED_HEADS:
        return None  # "Officials said": people the article does not name
    if not head and len(name_words) > 2 and name_words[0].lower in UNNAMED_HEADS and name_words[1].lower in LINKS:
        # "Supporters of Sanders would argue": people the article does not name, not the one they back.
        start, end = name_words[0].start, name_words[-1].end
        return Mention("unnamed", start, end, text[start:end], title=name_words[0].lower)
    participle = name_words[0].lower.endswith("ing") and len(name_words[0].lower) > 5
    if not head and len(name_words) == 1 and participle and not speaking:
        return None  # "Bemoaning the ...": a participle opening the sentence
    return _NAMED


def _descriptors_moved(head: list[Token], name_words: list[Token]) -> tuple[list[Token], list[Token]]:
    """Words before a name that describe the person move to the title: descriptors before a given name, a
    country ending a title, a rank or party, a place's party, a possessive jurisdiction."""
    # Descriptors before a known given name describe the person: "Republican Donald Trump", "Navy Capt. Jeff
    # Davis", "Singer-guitarists Tom Johnston", "Texas-based Matt Mackowiak" (not "Cornell William Brooks").
    lead = next((k for k in range(1, len(name_words) - 1) if name_words[k].lower in GIVEN_NAMES), 0)
    if lead and all(_describes(w) for w in name_words[:lead]):
        head, name_words = head + name_words[:lead], name_words[lead:]
    elif len(name_words) == 3 and name_words[0].bare in COUNTRIES and not is_org_name(name_words):
        # "special envoy to Ukraine Kurt Volker": the country ends the title, the person is Kurt Volker.
        head, name_words = head + name_words[:1], name_words[1:]
    # A rank or a party is never a name: "Former Obama (adviser)", "Democrat Zephyr Teachout".
    while (
        len(name_words) > 1
        and (name_words[0].lower in RANKS or (len(name_words) > 2 and name_words[0].lower in PARTY_WORDS))
        and not is_org_name(name_words)
    ):
        head, name_words = [*head, name_words[0]], name_words[1:]
    # So is a party after a place: "Iowa Democrat Tom Harkin", "New Hampshire Republican Ayotte".
    party = next((k for k in range(1, len(name_words) - 1) if name_words[k].lower in PARTY_MEMBERS), None)
    if party is not None and not is_org_name(name_words[party + 1 :]):
        head, name_words = [*head, *name_words[: party + 1]], name_words[party + 1 :]
    # A possessive inside the name part is a jurisdiction: "San Francisco's District Attorney ..."
    for k, w in enumerate(name_words[:-1]):
        if w.text.endswith(POSSESSIVE):
            return name_words[: k + 1] + head, name_words[k + 1 :]
    return head, name_words


def _named(head: list[Token], name_words: list[Token], gender: str, text: str) -> Mention:
    """The mention of a person or body by name, with the title and jurisdiction its head gives."""
    possessive = name_words[-1].text.endswith(POSSESSIVE)
    title, jurisdiction = _title_parts(head)
    name_start, name_end = name_words[0].start, name_words[-1].end
    if possessive:
        name_end -= len(name_words[-1].text) - len(without_possessive(name_words[-1].text))
    name = " ".join(w.text for w in name_words)
    nickname = next((w.text[1:-1] for w in name_words[:-1] if w.text[:1] in NICKNAME_OPENERS), None)
    if nickname is not None:
        # Robert C. "Bobby" Scott goes by Bobby Scott when the article calls him that; Marcia "Cia" Price,
        # named so once, is Marcia Price.
        short = f"{nickname} {name_words[-1].text}"
        name = short if short in text else " ".join(w.text for w in name_words if w.text[:1] not in NICKNAME_OPENERS)
    if possessive:
        name = without_possessive(name)
    is_org = (
        is_org_name(name_words)
        or name_words[0].lower in PLACE_WORDS
        or (len(name_words) == 1 and name_words[0].bare in COUNTRIES)
        # "Web of Angels", "Bank of America": "of" joins the words of a thing's name, not a person's
        or any(w.text == "of" for w in name_words[1:-1])
    )
    if not gender and not is_org:
        first = name_words[0].lower
        gender = "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else ""
    if is_org and name.lower().startswith("the "):
        name = name[4:]
    return Mention(
        kind="name",
        start=name_start,
        end=name_end,
        text=text[name_start:name_end],
        name=expand(name) if is_org else name,
        is_org=is_org,
        title=title,
        jurisdiction=jurisdiction,
        gender=gender,
        possessive=possessive,
    )


def led_body(owner: Mention, body: Token, text: str) -> Mention:
    """ "Trump's campaign", "Gowdy's office": the body a named person leads, as an organisation."""
    start, end = owner.start, body.end
    return Mention("name", start, end, text[start:end], name=f"{owner.name} {body.lower}", is_org=True)


def _body(words: list[Token], text: str) -> Mention:
    start, end = words[0].start, words[-1].end
    name = " ".join(w.text for w in words)
    return Mention("name", start, end, text[start:end], name=name, is_org=True)


def _describes(word: Token) -> bool:
    """A word of a description rather than a name: a title word, a compound, a plural, a body's word."""
    lower = word.lower
    return (
        lower in TITLE_MODIFIERS
        or lower in SERVICES
        or is_title_word(word)
        or "-" in lower
        or lower in ORG_WORDS
        or lower in PERSON_NOUNS
        or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 4 and lower[:-1] in TITLE_HEADS)
    )


def _office_of(head: list[Token], rest: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Secretary of State Jon Husted": the office runs on to the given name (or, with none we know, to
    the last two words, or the last of three), so "of State" stays in the title."""
    given = next((k for k, w in enumerate(rest) if w.lower in GIVEN_NAMES), None)
    if given is None or given < 2:
        given = len(rest) - 2 if len(rest) > 3 else len(rest) - 1
    if given < 2:
        return head, rest
    return head + rest[:given], rest[given:]


def _body_of(words: list[Token]) -> bool:
    """ "Department of Justice", "Board of Supervisors": a body named after the office it holds."""
    return len(words) > 2 and words[-2].lower == "of" and is_org_name(words[:-2])


def _given_name_before(words: list[Token]) -> bool:
    """ "Howard Dean", "Jane Chancellor": a surname that is also a title word, after a given name."""
    return len(words) >= 2 and words[-2].lower in GIVEN_NAMES


def _title_parts(head: list[Token]) -> tuple[str | None, str | None]:
    """Split the words before a name into a title and the place or body it belongs to."""
    words = [w for w in head if w.lower not in HONORIFICS]
    if not words:
        return None, None
    # "Secretary of State": the words after the office's "of" belong to the title.
    k = next((k for k in range(1, len(words)) if words[k].lower == "of" and is_title_word(words[k - 1])), len(words))
    while k > 0 and (is_title_word(words[k - 1]) or words[k - 1].lower in TITLE_MODIFIERS):
        k -= 1
    # "Acting ICE Director", "Former San Francisco Mayor": a rank before the body makes the whole phrase
    # the title; the body stays without the rank. So does a title word ("Chief Border Patrol Agent").
    lead = 0
    while lead < k and (words[lead].lower in RANKS or (lead == 0 and is_title_word(words[0]))):
        lead += 1
    title_words = words if lead else words[k:]
    place = " ".join(without_possessive(w.text) for w in words[lead:k])
    title = " ".join(PLURAL_TITLES.get(w.text, w.text) for w in title_words) or None
    return title, (expand(place) if place else None)


def _description(words: list[Token], text: str) -> Mention:
    """A capitalised title with no name after it ("Mayor", "Supervisor")."""
    title, place = _title_parts(words)
    if title is not None:
        title = without_possessive(title)  # "the Republican nominee's stance"
    start, end = words[0].start, words[-1].end
    return Mention("description", start, end, text[start:end], title=title, jurisdiction=place)
