"""The people and organisations an article names, for resolving "Chiu", "he" and "the mayor"."""

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from pipelines.quotes.lexicon import (
    APPOSITIVE_CLAUSE_OPENERS,
    CLAUSE_RELATIVES,
    CLAUSE_VERBS,
    COMMON_NOUN_TITLES,
    COUNTRIES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    FAMILY_NAMES_FIRST,
    FEMALE_TITLE_WORDS,
    GENERIC_HEAD_BODIES,
    GENERIC_ORG_HEADS,
    GIVEN_NAMES,
    ISSUED_BY,
    ISSUING_AUXILIARIES,
    ISSUING_VERBS,
    LED_BODIES,
    LINKING_VERBS,
    MALE_NAMES,
    MALE_TITLE_WORDS,
    NAME_SUFFIXES,
    NOUN_PHRASE_PREPOSITIONS,
    PARTICIPLE_FOLLOWERS,
    PARTIES,
    PAST_PARTICIPLE_FOLLOWERS,
    PERSON_NOUNS,
    PLACE_WORDS,
    PLURAL_TITLES,
    POSSESSIVE,
    PUBLICATION_WORDS,
    SAME_DOCUMENTS,
    SENTENCE_BREAKS,
    SPEECH_VERBS,
    SURNAME_ORG_WORDS,
    TIME_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_SYNONYMS,
    UNSPEAKING_ORG_HEADS,
    US_STATES,
    WEEKDAYS,
)
from pipelines.quotes.mentions import Mention, cap_run_end, is_title_word, led_body, parse_run
from pipelines.quotes.tokens import Token, make_token
from storage.normalize import given_name_variants

# A capitalised word not opening a sentence or paragraph: a name, not "Good information can ...".
# (Each opens with its capital, which the regex engine scans for at speed, and looks behind it after: half
# the time of a lookahead first.)
MID_SENTENCE_CAP_RE = re.compile(r"[A-Z](?<=[^.!?\n] [A-Z])[\w'’-]+")
# "Given Surname" (split at the space): a capital not inside a word, a lower-case run, a space, a surname.
FULL_NAME_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+ [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# An appositive is a title when a title word comes within its first few words.
MAX_TITLE_HEAD_AT = 5
# An appositive longer than this is a clause ("For Clinton, the event presented ...").
MAX_APPOSITIVE_WORDS = 13
# An opening line this short is a headline.
MAX_HEADLINE_WORDS = 20
MIN_BODY_PARAGRAPHS = 2
# How far back (characters) a sentence subject stays the likely antecedent of a pronoun.
PRONOUN_WINDOW = 1500
# Words after which an indefinite noun phrase says what someone is: "is a doctor", "worked as a lawyer".
PREDICATE_WORDS = frozenset("is was are were be been became becomes as".split())
# An indefinite noun phrase up to its head ("a doctor", "one senior official", "another protester").
INDEFINITE_NOUN_PHRASE = r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){0,3}"
# How far back (characters) a pronoun resolved to someone makes the next pronoun mean them too.
ECHO_WINDOW = 400
# How far back (characters) a description with no office of its own looks for the subject it renames.
RECENT_SUBJECT_WINDOW = 300
# Words a sentence may open with before the comma and its subject ("In early July, Gingrich ...").
MAX_OPENING_WORDS = 4
# How many named mentions back a description ("the Vermont senator") may reach for its person.
MAX_DESCRIBED_BACK = 4
# "a Times article", "the Justice Department's report", "a letter from Sen. Grassley", "the Security Council
# issued a statement": a document and whoever issued it, for a later "the article said" (not "a Clinton
# campaign memo": the campaign, not Clinton).
DOCUMENT_RE = re.compile(rf"\b({'|'.join(sorted(DOCUMENT_NOUNS))})\b")
_OWNER = r"((?:[A-Z][\w.&-]*[ ])*[A-Z][\w.&-]*?)"
OWNER_BEFORE_RE = re.compile(rf"{_OWNER}(?:['’]s)?[ ]+(?:([a-z][\w-]*)[ ]+)?$")
_ISSUING = "|".join(sorted(ISSUING_VERBS)) + "|put[ ]+out|puts[ ]+out"
_BETWEEN = "|".join(sorted(ISSUING_AUXILIARIES)) + "|on[ ]+(?:" + "|".join(w.title() for w in sorted(WEEKDAYS)) + ")"
ISSUING_RE = re.compile(rf"\b(?:{_ISSUING})\b")  # (a quick look before the slower match with the owner)
# (up to three words describe the document: "a new 30-second ad", "its monetary policy report")
ISSUER_BEFORE_RE = re.compile(
    rf"{_OWNER}[ ]+(?:(?:{_BETWEEN})[ ]+){{0,2}}(?:{_ISSUING})[ ]+(?:a|an|its|their|his|her|the)[ ]+"
    rf"(?:[a-z0-9][\w-]*[ ]+){{0,3}}$"
)
# (a body the owner leads after the owner, "by the Sanders campaign", is the campaign's, not Sanders')
OWNER_AFTER_RE = re.compile(
    rf"[ ]+(?:(?:{'|'.join(sorted(ISSUED_BY))})[ ]+by|by|from)[ ]+(?:the[ ]+)?{_OWNER}"
    rf"(?:[ ]+({'|'.join(sorted(LED_BODIES))}))?(?=[\s,.;]|$)"
)
# "In a 45-page ruling, Orrick said": a document opening the sentence, and who speaks in it after the comma.
IN_DOCUMENT_BEFORE_RE = re.compile(r"[.!?\n][\s”\"]*In[ ]+(?:a|an|his|her|its|their|the)[ ]+(?:[\w-]+[ ]+){0,3}$")
IN_DOCUMENT_AFTER_RE = re.compile(rf",[ ]+{_OWNER}[ ]+[a-z]")
# (the verb is looked for first and its owner in the words before it: most capitals open no such owner)
DOCUMENT_VERB_RE = re.compile(rf"\b({'|'.join(sorted(DOCUMENT_VERBS))})\b")
VERB_OWNER_RE = re.compile(rf"{_OWNER}[ ]+(?:also[ ]+)?$")
# How many characters before a document noun hold its owner.
OWNER_REACH = 80
# How far back (characters) "the article" looks for the article it means.
DOCUMENT_WINDOW = 2000
# A surname this long, this close to the surname of someone named in full, is that name misspelt
# ("McLenney" for Tyresha McClenney): news copy has typos; two such near-namesakes in one article are rare.
MIN_MISSPELT_LENGTH = 6
MIN_MISSPELT_RATIO = 87.0
# How many tokens after a name with a plural title ("Sens. Jon Tester (D-Mont.)") the next name may start.
MAX_SHARED_TITLE_GAP = 6


@dataclass(slots=True)
class Entity:
    """One person or organisation named in the article, with what the article says they are."""

    name: str
    is_org: bool
    title: str | None = None
    jurisdiction: str | None = None
    gender: str = ""
    positions: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    surname: str = ""
    offices: set[str] = field(default_factory=set)
    full_mentions: int = 0

    def __post_init__(self) -> None:
        self.rename(self.name)

    def give_title(self, title: str | None) -> None:
        """Note a title the article gives; an office ("Republican presidential nominee") replaces a bare
        label ("Republican"), and every office stays findable by description ("the nominee")."""
        if not title:
            return
        self.offices |= _offices(title)
        if self.title is None or (not _names_office(self.title) and _names_office(title)):
            self.title = title

    def rename(self, name: str) -> None:
        """Change the name, keeping `words` (its words in lower case) and `surname` in step."""
        self.name = name
        self.words = _key(name).split()
        # "Robert F. Kennedy Jr.": a later "Kennedy" means him, so the surname is the word before the suffix.
        suffixed = len(self.words) > 1 and _is_suffix(self.words[-1])
        self.surname = self.words[-2] if suffixed else (self.words[-1] if self.words else "")


class EntityIndex:
    """Every named mention in an article, in text order, grouped into entities."""

    def __init__(self, text: str = "") -> None:
        self.full_names = _full_names(text)
        self.mid_sentence_caps = {word.lower() for word in MID_SENTENCE_CAP_RE.findall(text)}
        self.entities: dict[str, Entity] = {}
        self._order: list[tuple[int, Entity, bool]] = []
        self._descriptions: list[tuple[int, str, bool]] = []
        self._people_by_word: dict[str, list[Entity]] = {}
        self._echoes: list[tuple[int, Entity]] = []
        self._text = text
        self._headline_end = _headline_end(text)
        self._documents: list[tuple[int, str, str]] | None = None  # found when first asked for
        self._counts: list[int] | None = None  # distinct mention counts, most first (see salience)

    def add(
        self, mention: Mention, appositive: str | None = None, subject: bool = False, current: bool = False
    ) -> Entity | None:
        """Record a named mention; a one-word name joins the fullest entity it abbreviates. A `current`
        appositive (", now the Senate majority leader,") replaces the title the article gave before."""
        if mention.kind != "name" or not mention.name or not self.plausible(mention):
            return None
        if mention.start < self._headline_end and self._glued_in_headline(mention):
            return None  # "Liberal Oscar-winner Sarandon" in the headline: a common word glued to a name
        entity = self.lookup(mention.name, mention.start, mention.is_org, mention.gender, mention.title)
        if entity is None or (len(mention.name.split()) > len(entity.words) and not entity.is_org):
            entity = (
                self.entities.get(_key(mention.name))
                or self._fuller(mention)
                or self._new(mention.name, mention.is_org)
            )
        if mention.name != entity.name and not entity.is_org and _fuller_given_name(mention.name, entity.name):
            self._give_full_name(entity, mention.name)  # "Pam Bondi", then "Pamela Bondi": the fuller form
        if current and appositive and not mention.title:
            entity.title = None
        entity.give_title(mention.title or appositive)
        entity.jurisdiction = entity.jurisdiction or mention.jurisdiction
        entity.gender = entity.gender or mention.gender or _title_gender(mention.title or appositive)
        entity.positions.append(mention.start)
        entity.full_mentions += _is_full_name(mention.name)
        self._order.append((mention.start, entity, subject and not mention.possessive))
        return entity

    def plausible(self, mention: Mention) -> bool:
        """Whether a one-word name is a name: a word the article also capitalises mid-sentence, or a given
        name, not a sentence-opening "Good" or "Preys"."""
        name = mention.name or ""
        if mention.is_org or " " in name or mention.title or mention.gender:
            return True  # (a gender without a given name comes from "Mr.", "Mrs.", "Ms.")
        word = _key(name)
        if any(c.isupper() for c in name[1:]) or "." in word:
            return True  # "PolitiFact", "McCain", "U.S.": no common word is written so
        return word in self.mid_sentence_caps or word in GIVEN_NAMES

    def _glued_in_headline(self, mention: Mention) -> bool:
        """Whether a name in the headline is one the body never uses, led by a word that is no given name or
        title ("Understated Perez", "Liberal Oscar-winner Sarandon"; not "Mayor Ana Ruiz", "Hillary Clinton")."""
        name = mention.name or ""
        if (
            " " not in name
            or mention.is_org
            or mention.title
            or mention.gender
            or name in self._text[self._headline_end :]
        ):
            return False
        first = name.split()[0]
        # (a word the article also capitalises mid-sentence, or "LeBron", is a name's)
        return first.lower() not in GIVEN_NAMES and first.lower() not in self.mid_sentence_caps and first[1:].islower()

    def learn(self, entity: Entity, mention: Mention) -> None:
        """Keep what a cue's mention says of a known entity ("said 9/11 widow Terry Strada") for the
        pronouns and descriptions that follow."""
        entity.give_title(mention.title)
        entity.gender = entity.gender or mention.gender or _title_gender(mention.title)

    def _nicknamed(self, key: str) -> Entity | None:
        """The person named in the article by the same name with the given name in another form ("Pamela
        Bondi" for "Pam Bondi", "Charles Schumer" for "Chuck Schumer"; storage/data/nicknames.toml)."""
        found = {id(e): e for v in given_name_variants(key) if (e := self.entities.get(v)) and not e.is_org}
        return next(iter(found.values())) if len(found) == 1 else None

    def _fuller(self, mention: Mention) -> Entity | None:
        """ "Scott, a congressman, ..." then "Bobby Scott": the one-word person gets the full name."""
        words = _key(mention.name or "").split()
        short = self.entities.get(words[-1]) if len(words) > 1 and not mention.is_org else None
        if short is None or short.is_org or len(short.words) != 1:
            return None
        self._give_full_name(short, mention.name or "")
        return short

    def _give_full_name(self, entity: Entity, full: str) -> None:
        """Rename a one-word person to their full name, findable by it and by either of its words."""
        entity.rename(full)
        self.entities.setdefault(_key(full), entity)
        self._index_person(entity)

    def _new(self, name: str, is_org: bool) -> Entity:
        entity = Entity(name, is_org)
        self.entities[_key(name)] = entity
        self._index_person(entity)
        return entity

    def _index_person(self, entity: Entity) -> None:
        if not entity.is_org and len(entity.words) > 1:
            for word in {entity.words[0], entity.surname, entity.words[-1]}:
                self._people_by_word.setdefault(word, []).append(entity)

    def add_description(self, title: str, pos: int, object_of_name: bool = False) -> None:
        """Record "the Republican presidential nominee": a title for someone the article names; with
        `object_of_name`, the description is acted on by the name just before it ("Trump called the
        senator"), so it is someone else."""
        self._descriptions.append((pos, title, object_of_name))

    def finish(self) -> None:
        """Sort mentions, then give untitled people the titles of descriptions that follow them (not one that
        goes back to someone brought in unnamed: "A doctor on the scene ... the doctor")."""
        self._order.sort(key=lambda m: m[0])
        for pos, title, object_of_name in self._descriptions:
            last = title.lower().split()[-1]
            entity = self._described(pos, _office(last), object_of_name)
            if entity is not None and entity.title is None and not self._introduced_unnamed(last, pos):
                entity.give_title(title)

    def lookup(
        self, name: str, pos: int, is_org: bool = False, gender: str = "", title: str | None = None
    ) -> Entity | None:
        """The entity a printed name refers to at pos: exact, else by surname, else by a known given name.
        Of several people sharing the surname, the one holding the printed title ("President Obama"), else
        the one the article names in full most often, else the one it named first."""
        key = _key(name)
        exact = self.entities.get(key)
        words = key.split()
        if name.isupper() and (exact is None or not exact.is_org):
            # "IMF" after "International Monetary Fund": the body by its initials.
            initials = next((e for e in self.entities.values() if e.is_org and _abbreviates([name], e)), None)
            if initials is not None:
                return initials
        if is_org:
            if len(words) == 1 and (words[0] in SURNAME_ORG_WORDS or words[0] in COUNTRIES):
                # "Bloomberg said" after "Michael Bloomberg", "Israel said" after "Rep. Steve Israel": the
                # person, not the news agency or the country.
                people = [e for e in self._people_by_word.get(words[0], ()) if e.surname == words[0]]
                if people:
                    return max(people, key=lambda e: e.full_mentions)
            return exact
        if len(words) > 1:
            # "De Blasio" for "Bill de Blasio", "Suu Kyi" for "Aung San Suu Kyi": the end of a longer name.
            longer = [e for e in self._people_by_word.get(words[-1], ()) if e.words[-len(words) :] == words]
            longer = [e for e in longer if len(e.words) > len(words)]
            if longer:
                return max(longer, key=lambda e: len(e.positions))
            return exact if exact is not None or is_org else self._nicknamed(key)
        for position in (-1, 0):
            if position == 0 and words[0] not in GIVEN_NAMES and words[0] not in FAMILY_NAMES_FIRST:
                continue  # (a family name printed first: "Xi" for "Xi Jinping")
            found = [
                e
                for e in self._people_by_word.get(words[0], ())
                if (e.surname if position else e.words[0]) == words[0]
                and not (gender and e.gender and e.gender != gender)
            ]
            if found:
                offices = _offices(title) if title else set()
                return max(found, key=lambda e: (bool(offices & e.offices), e.full_mentions, -e.positions[0]))
        if exact is None:
            return self._misspelt(words[0], gender)
        if len(exact.words) == 1:
            # The full name appears only where we do not index (a headline, a quote): use it.
            wanted = gender or exact.gender
            for full, full_gender in self.full_names.get(words[0], []):
                if not wanted or wanted == full_gender:
                    self._give_full_name(exact, full)  # a later "Bobby Scott" is the same person
                    exact.gender = full_gender
                    break
        return exact

    def salience(self, name: str) -> tuple[int, int]:
        """(times named, rank among the article's entities by times named; 0 is the most named) of the
        entity called `name`; (0, -1) for one the article does not name."""
        entity = self.entities.get(_key(name))
        if entity is None:
            return 0, -1
        if self._counts is None:  # (the mentions are all in once finish() ran; counted once per article)
            self._counts = sorted({len(e.positions) for e in self.entities.values()}, reverse=True)
        return len(entity.positions), self._counts.index(len(entity.positions))

    def mention_again(self, name: str, pos: int) -> None:
        """Record that the pronoun or document at pos was resolved to the entity called `name`: "“...,” she
        said. She continued, ..." goes on with her, "... the article read. “...,” it added" with its paper."""
        entity = self.entities.get(_key(name))
        if entity is not None:
            insort(self._echoes, (pos, entity), key=lambda m: m[0])

    def _misspelt(self, word: str, gender: str) -> Entity | None:
        """The one person named in full whose surname `word` misspells, if any (not "American" for
        "Muslim Americans": one word starting the other is another form, not a typo)."""
        if len(word) < MIN_MISSPELT_LENGTH:
            return None
        found = {
            id(e): e
            for surname, people in self._people_by_word.items()
            if surname[0] == word[0]
            and not surname.startswith(word)
            and not word.startswith(surname)
            and ratio(word, surname) >= MIN_MISSPELT_RATIO
            for e in people
            if e.surname == surname and not (gender and e.gender and e.gender != gender)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def last_person(self, pos: int, gender: str) -> Entity | None:
        """The person a pronoun at pos most likely means: the latest compatible sentence subject nearby,
        else the latest compatible person known to be one (gender or title), else any named before."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        echo = self._echo(pos, gender)
        evidenced = unproven = None
        for start, entity, subject in reversed(self._order[:k]):
            if echo is not None and start < echo[0]:
                return echo[1]
            if entity.is_org or (gender and entity.gender and entity.gender != gender):
                continue
            known = bool(entity.gender or entity.title)
            if subject and pos - start < PRONOUN_WINDOW and (known or len(entity.words) > 1):
                return entity
            if known:
                evidenced = evidenced or entity
            elif len(entity.words) > 1:
                unproven = unproven or entity
        return evidenced or unproven

    def echoed_org(self, pos: int) -> Entity | None:
        """The body a document or an "it" just before pos spoke for, which a "they" then means."""
        echo = self._echo(pos, "", org=True)
        return echo[1] if echo is not None else None

    def _echo(self, pos: int, gender: str, org: bool = False) -> tuple[int, Entity] | None:
        """The latest mention resolved just before pos to an entity this pronoun can mean."""
        k = bisect_left(self._echoes, pos, key=lambda m: m[0])
        for start, entity in reversed(self._echoes[:k]):
            if pos - start > ECHO_WINDOW:
                return None
            if entity.is_org == org and not (gender and entity.gender and entity.gender != gender):
                return start, entity
        return None

    def _described(self, pos: int, office: str, object_of_name: bool = False) -> Entity | None:
        """The person a description at pos stands for: the latest named before it, passing over people
        who hold some other office ("Clinton ... the Vermont senator" is not Clinton) and the name whose
        verb the description follows ("Trump called the senator")."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        actor = self._order[k - 1][1] if object_of_name and k else None
        people = [
            e
            for _, e, _ in self._order[:k]
            if not e.is_org
            and (len(e.words) > 1 or e.title)
            and not PLACE_WORDS.intersection(e.words)  # (not "the Middle West")
            and e is not actor
        ]
        for entity in reversed(people[-MAX_DESCRIBED_BACK:]):
            if entity.title is None or office in entity.offices:
                return entity
        return None

    def last_org(self, pos: int) -> Entity | None:
        """The organisation "it" means at pos: the latest one that was a sentence subject (or spoke through a
        document or an "it") nearby, else the latest named; never a law or an event."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        echo = self._echo(pos, "", org=True)
        latest: Entity | None = None
        for start, entity, subject in reversed(self._order[:k]):
            if echo is not None and start < echo[0]:
                return echo[1]
            if entity.is_org and entity.words[-1] not in UNSPEAKING_ORG_HEADS:
                if subject and pos - start < PRONOUN_WINDOW:
                    return entity
                latest = latest or entity
        return latest

    def by_title(self, title: str, pos: int) -> Entity | None:
        """The person a description means ("the mayor", "the Vermont senator"): the one whose title has the
        same head, nearest before pos; else, for a head that describes rather than names an office ("the
        New York businessman"), the person the article has named most so far."""
        last = title.lower().split()[-1]
        head = _office(last)
        gender = _title_gender(title)
        wanted = _offices(title)
        found = [
            e
            for e in self.entities.values()
            if not e.is_org
            and head in e.offices
            and not (gender and e.gender and e.gender != gender)
            and not _other_office(wanted, e)
        ]
        if found:
            # "the Republican nominee": of the nominees, the one whose titles share the most words.
            return max(found, key=lambda e: (len(wanted & _held(e)), len(e.positions), _closeness(e.positions, pos)))
        if last not in PERSON_NOUNS or self._introduced_unnamed(last, pos):
            return None
        return self.recent_subject(pos, RECENT_SUBJECT_WINDOW, gender) or self._most_named(pos, gender)

    def _introduced_unnamed(self, noun: str, pos: int) -> bool:
        """Whether the prose just before pos brought in someone unnamed by this noun ("A doctor on the scene
        told Ruptly ... “...,” the doctor said"): the description goes back to them, not to a named person."""
        start = max(0, pos - PRONOUN_WINDOW)
        window = self._text[start:pos]
        if noun not in window:
            return False
        found = [
            m.start()
            for m in re.finditer(rf"{INDEFINITE_NOUN_PHRASE}{re.escape(noun)}\b", window)
            if not _describes_someone(window[max(0, m.start() - 12) : m.start()])
        ]
        if not found:
            return False
        # (not when someone is named in full after it: "A lawmaker in the Philippines ... Joey Salceda ... the
        # lawmaker"; not "told Ruptly", one word that may be a body)
        k = bisect_left(self._order, start + found[-1], key=lambda m: m[0])
        return not any(not e.is_org and len(e.words) > 1 and at < pos for at, e, _ in self._order[k:])

    def recent_subject(self, pos: int, window: int, gender: str = "", untitled: bool = False) -> Entity | None:
        """The person named in full as a sentence subject within `window` characters before pos ("Mike Pence
        says ... The Indiana governor said"); with `untitled`, the latest such person with no title yet."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        for start, entity, subject in reversed(self._order[:k]):
            if pos - start > window:
                return None
            if not subject or entity.is_org or len(entity.words) < 2 or (untitled and entity.title is not None):
                continue
            return None if gender and entity.gender and entity.gender != gender else entity
        return None

    def _most_named(self, pos: int, gender: str = "") -> Entity | None:
        counts: dict[str, int] = {}
        people: dict[str, Entity] = {}
        for start, entity, _ in self._order:
            if gender and entity.gender and entity.gender != gender:
                continue  # "the New York businessman" is not a woman
            if start < pos and not entity.is_org and len(entity.words) > 1:
                counts[entity.name] = counts.get(entity.name, 0) + 1
                people[entity.name] = entity
        if not counts:
            return None
        return people[max(counts, key=lambda name: counts[name])]

    def document_author(self, phrase: str, pos: int) -> Entity | None:
        """Who a document speaks for, when the phrase names them ("the IMF report", "a Homeland Security
        memo"): the organisation of the article whose name holds those words."""
        named = [w for w in phrase.split()[1:] if w[:1].isupper() and not w.endswith(POSSESSIVE)]
        if not named:
            return None
        wanted = set(_key(" ".join(named)).split())
        found = [e for e in self.entities.values() if e.is_org and (wanted <= set(e.words) or _abbreviates(named, e))]
        return max(found, key=lambda e: _closeness(e.positions, pos)) if found else None

    def document_by(self, phrase: str, pos: int) -> Entity | None:
        """Who wrote the document a phrase names with "by" ("a 2018 survey by Penelope Muse Abernathy of the
        University of North Carolina"): the person or body after "by", when the article names them."""
        document = DOCUMENT_RE.search(phrase)
        by = OWNER_AFTER_RE.match(phrase, document.end()) if document is not None else None
        return self.lookup(by.group(1), pos) if by is not None and not by.group(2) else None

    def document_issuer(self, noun: str, pos: int) -> Entity | None:
        """Who issued the document "the <noun>" at pos means: the owner of the latest such document named
        before ("a Times article ... the article read" is The New York Times')."""
        if self._documents is None:
            self._documents = _documents(self._text)
        k = bisect_left(self._documents, pos, key=lambda d: d[0])
        for start, found, owner in reversed(self._documents[:k]):
            if pos - start > DOCUMENT_WINDOW:
                return None
            if found != noun and not any(found in same and noun in same for same in SAME_DOCUMENTS):
                continue
            entity = self.entities.get(_key(owner)) or self.lookup(owner, start)
            if entity is not None and not entity.is_org:
                return entity
            # "Times" for The New York Times: the fullest body named with the owner's last word.
            last = _key(owner).split()[-1]
            bodies = [e for e in self.entities.values() if e.is_org and last in e.words]
            return max(bodies, key=lambda e: len(e.words)) if bodies else None
        return None

    def latest_publication(self, pos: int) -> Entity | None:
        """The newspaper, magazine or network "the newspaper" or "the editorial board" at pos means: the latest
        one named before it, nearby ("The Des Moines Register endorsed Clinton. “...,” the editors wrote.")."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        for start, entity, _ in reversed(self._order[:k]):
            if pos - start > DOCUMENT_WINDOW:
                return None
            if entity.is_org and any(w in PUBLICATION_WORDS for w in entity.words):
                return entity
        return None

    def by_org_head(self, head: str, pos: int) -> Entity | None:
        """The body "the commission" means: the latest organisation before pos with that word in its name,
        or, for a generic head ("the agency"), the latest organisation of the kind the head names (a
        government body for "the agency"), else the latest organisation."""
        k = bisect_left(self._order, pos, key=lambda m: m[0])
        kind = GENERIC_HEAD_BODIES.get(head, frozenset())
        latest = fitting = None
        for _, entity, _ in reversed(self._order[:k]):
            if not entity.is_org:
                continue
            if head in entity.words:
                return entity
            if entity.words[-1] not in UNSPEAKING_ORG_HEADS:
                latest = latest or entity
                fitting = fitting or (entity if kind.intersection(entity.words) else None)
        return (fitting or latest) if head in GENERIC_ORG_HEADS else None


def _describes_someone(before: str) -> bool:
    """Whether an indefinite noun phrase after these words says what someone named is, rather than bringing
    someone in: an appositive (", a New York businessman,") or a predicate ("is a doctor", "as a lawyer")."""
    words = before.split()
    return bool(words) and (words[-1].endswith(",") or words[-1].lower() in PREDICATE_WORDS)


def _documents(text: str) -> list[tuple[int, str, str]]:
    """(position, noun, owner) for every document the text says someone issued, in text order."""
    found = [
        (m.start(), DOCUMENT_VERBS[m.group(1)], owner)
        for m in DOCUMENT_VERB_RE.finditer(text)
        if (by := VERB_OWNER_RE.search(text, max(0, m.start() - OWNER_REACH), m.start()))
        and (owner := _owner_name(by.group(1)))
    ]
    for m in DOCUMENT_RE.finditer(text):
        before = text[max(0, m.start() - OWNER_REACH) : m.start()]
        owned = OWNER_BEFORE_RE.search(before)
        issued = ISSUER_BEFORE_RE.search(before) if ISSUING_RE.search(before) else None
        by = OWNER_AFTER_RE.match(text, m.end())
        opening = IN_DOCUMENT_BEFORE_RE.search(before if m.start() > OWNER_REACH else "\n" + before)
        speaker = IN_DOCUMENT_AFTER_RE.match(text, m.end()) if opening else None
        for match, modifier in ((owned, 2), (issued, 0), (by, 2), (speaker, 0)):
            if match is None or (modifier and match.group(modifier) in LED_BODIES):
                continue
            owner = _owner_name(match.group(1))
            if owner:
                found.append((m.start(), m.group(1), owner))
                break
    return sorted(found)


def _owner_name(printed: str) -> str:
    """The name of whoever put a document out, without determiners or the title before it ("a letter from
    Sen. Grassley", "Mayor Ann Cole emailed supporters")."""
    words = [w for w in printed.split() if w.lower() not in DETERMINERS]
    k = 0
    while k + 1 < len(words) and is_title_word(make_token(words[k], 0, len(words[k]))):
        k += 1
    return " ".join(words[k:])


def _abbreviates(named: list[str], entity: Entity) -> bool:
    """ "IMF" for the International Monetary Fund: the initials of the name's main words."""
    initials = "".join(w[0] for w in entity.words if w not in {"of", "the", "and", "for"})
    return len(named) == 1 and named[0].isupper() and len(named[0]) > 1 and named[0].lower() == initials


def _title_gender(title: str | None) -> str:
    """ "m" or "f" when a title says so ("widow", "congressman"), else ""."""
    words = set((title or "").lower().replace("'s", " ").split())
    if words & FEMALE_TITLE_WORDS:
        return "f"
    return "m" if words & MALE_TITLE_WORDS else ""


def _names_office(title: str) -> bool:
    return any(w.rstrip(".") in TITLE_HEADS or w.rstrip(".") in TITLE_ABBREVIATIONS for w in title.lower().split())


def _office(word: str) -> str:
    return TITLE_SYNONYMS.get(word.rstrip("."), word.rstrip("."))


def _offices(title: str) -> set[str]:
    """The office words of a title, with abbreviations and variants spelled one way ("Sen." -> senator)."""
    return {_office(w) for w in title.lower().replace("-", " ").split()}


def _other_office(wanted: set[str], entity: Entity) -> bool:
    """Whether a description's state or party names another office than the entity holds ("the Florida
    senator" is not the senator from Vermont)."""
    held = _held(entity)
    return any(wanted & kind and held & kind and not wanted & held & kind for kind in (US_STATES, PARTIES))


def _is_full_name(name: str) -> bool:
    """Whether a name has a given name and a surname ("Trump Jr." is a surname with its suffix)."""
    words = name.split()
    return len(words) > 2 or (len(words) == 2 and not _is_suffix(words[1]))


def _is_suffix(word: str) -> bool:
    """ "Jr.", "III": a suffix after a surname, in any case."""
    return word.rstrip(".").upper() in NAME_SUFFIXES


def _fuller_given_name(printed: str, known: str) -> bool:
    """Whether a printed name is a known person's name with a longer form of the given name ("Pamela Bondi"
    for "Pam Bondi")."""
    new, old = _key(printed).split(), _key(known).split()
    return len(new) == len(old) > 1 and new[1:] == old[1:] and len(new[0]) > len(old[0])


def _held(entity: Entity) -> set[str]:
    """The words of a person's offices and of where they hold them ("Florida Sen. ...": florida, senator)."""
    return entity.offices | set(_key(entity.jurisdiction or "").split())


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """A name as compared: lower case, one kind of apostrophe, single spaces (no-break spaces included).
    Asked for every mention's name many times over (about 200 times per article), worked out once each."""
    return " ".join(name.lower().replace("’", "'").split())


def _full_names(text: str) -> dict[str, list[tuple[str, str]]]:
    """Surname -> ("Given Surname", gender) for given names we know, most frequent first, from anywhere
    in the text (headlines and quotes included)."""
    counts: dict[tuple[str, str], int] = {}
    for found in FULL_NAME_RE.findall(text):
        given, surname = found.split(" ", 1)
        if given.lower() in GIVEN_NAMES:
            counts[(given, surname)] = counts.get((given, surname), 0) + 1
    names: dict[str, list[tuple[str, str]]] = {}
    for (given, surname), _ in sorted(counts.items(), key=lambda item: -item[1]):
        gender = "m" if given.lower() in MALE_NAMES else "f"
        names.setdefault(_key(surname), []).append((f"{given} {surname}", gender))
    return names


def _headline_end(text: str) -> int:
    """Where a short opening line without quotes, set off by a blank line before a body of several paragraphs
    (the headline), ends, or 0."""
    end = text.find("\n\n")
    line = text[: max(end, 0)]
    if end <= 0 or "\n" in line or len(line.split()) > MAX_HEADLINE_WORDS or any(c in line for c in '"“”'):
        return 0
    return end if text.count("\n\n", end + 2) >= MIN_BODY_PARAGRAPHS else 0


def _closeness(positions: list[int], pos: int) -> tuple[int, int]:
    before = [p for p in positions if p <= pos]
    if before:
        return (1, max(before))
    return (0, -min(positions))


def appositive_title(tokens: list[Token], j: int) -> str | None:
    """A title set off by commas after a name at tokens[j:]: ", a Democratic pollster," -> its words."""
    if j >= len(tokens) or tokens[j].text != ",":
        return None
    words: list[Token] = []
    closed = False
    start = j + 1 + _copula_after_who(tokens, j + 1)
    if start + 2 < len(tokens) and tokens[start].text.isdigit() and tokens[start + 1].text == ",":
        start += 2  # "Leslie Feldman, 34, a plaintiff in the lawsuit,": the age before the title
    for t in tokens[start : start + MAX_APPOSITIVE_WORDS]:
        if t.text in {",", ".", ";", ":", "(", ")"} or t.text in '"“”' or (words and t.lower in CLAUSE_RELATIVES):
            # "a physicist who is co-director of ...", "a doctor at Chaoyang Hospital where the patients were
            # treated": the noun phrase before the relative clause.
            closed = True
            break
        words.append(t)
    if start + len(words) == len(tokens):
        closed = True  # the prose ends (a quote follows)
    while words and words[0].lower in {"now", "then", "currently", "also"}:
        words = words[1:]  # ", now the Senate majority leader,"
    if not words or words[0].lower in {"who", "which", "whose", "where", "when"} or _opens_clause(words):
        return None
    if not closed and not any(is_title_word(w) for w in words[:MAX_TITLE_HEAD_AT]):
        return None  # ", the event presented an opportunity to roll out ...": a clause, not an appositive
    # ", a former Secret Service agent for President Bill Clinton has written a book": the title ends where
    # a verb opens a clause.
    clause = next((k for k, w in enumerate(words) if w.text in CLAUSE_VERBS), len(words))
    words = words[:clause]
    while words and words[-1].lower in {"and", "but", "who"}:
        words = words[:-1]
    if not words or any(_speaks(words, k) for k in range(len(words))):
        return None
    # A title's head comes early in a phrase that may run on into a clause; in one closed by a comma it may
    # come late (", a University of South Carolina political science professor,").
    heads = words if closed else words[:MAX_TITLE_HEAD_AT]
    if not any(is_title_word(w) for w in heads) and not _describes(words):
        return None
    if words[0].is_cap:
        end = cap_run_end(words, 0)
        lead = parse_run(words[:end], "")
        employer = lead is not None and lead.possessive and end < len(words)
        if (
            lead is not None
            and lead.kind == "name"
            and not employer  # ", Facebook's vice president of public policy,": whom they work for
            and not (end < len(words) and is_title_word(words[end]))
        ):
            return None  # ", President Obama welcomed her": a new clause ("U.S. ambassador" is a title)
    if words[0].lower in DETERMINERS:
        words = words[1:]
    # "ambassador to Burma from 2012", "director ... under President Bush": when, not what.
    cut = next((k for k, w in enumerate(words) if k and _starts_time_phrase(words, k)), len(words))
    words = [w for k, w in enumerate(words[:cut]) if not _characterizes(words, k)]
    return " ".join(w.text for w in words) or None


def _characterizes(words: list[Token], k: int) -> bool:
    """ "head of the centrist Tax Policy Center", "the Miami-based Florida caucus": a word between "the" and
    a body's name that characterises the body; the title names it without (not "the former Soviet Union")."""
    w = words[k]
    if not (0 < k < len(words) - 1 and words[k - 1].lower == "the" and words[k + 1].is_cap):
        return False
    return (not w.is_cap and w.is_word and w.lower not in TITLE_MODIFIERS) or w.lower.endswith("-based")


def _starts_time_phrase(words: list[Token], k: int) -> bool:
    w = words[k].lower
    following = words[k + 1].text if k + 1 < len(words) else ""
    return w in {"since", "until", "under", "between"} or (w == "from" and following[:1].isdigit())


def _speaks(words: list[Token], k: int) -> bool:
    """Whether words[k] is a speech verb, which makes an appositive a clause; not an -ing word that only
    says what kind of title follows ("a creative writing professor")."""
    return words[k].lower in SPEECH_VERBS and not (
        words[k].lower.endswith("ing") and k + 1 < len(words) and is_title_word(words[k + 1])
    )


def _opens_clause(words: list[Token]) -> bool:
    """Whether an appositive opens a clause rather than a title: a participle and its object ("Trump, having
    completed his photo op with the Mexican president,", "Donald Trump, who is vying to be the next
    president,", "Blackwell, addressed to fellow conservatives,"; not "Jane Doe, a visiting fellow at",
    "managing editor") or a subordinating word ("Trump, especially as the real estate mogul creates ...")."""
    first = words[0].lower
    if first == "as" and len(words) > 1 and words[1].lower in DETERMINERS:
        return False  # "Trump, as a presidential candidate,": the role he acts in
    if first in {"having", "being"} or first in APPOSITIVE_CLAUSE_OPENERS:
        return True
    if "-" in first or len(words) < 2:
        return False
    if first.endswith("ing"):
        return words[1].lower in PARTICIPLE_FOLLOWERS
    return first.endswith("ed") and words[1].lower in PAST_PARTICIPLE_FOLLOWERS


def _copula_after_who(tokens: list[Token], k: int) -> int:
    """How many words of ", who served as U.S. ambassador to Burma" or ", who is the party's chairman"
    come before the title: the relative clause that only says what someone is."""
    head = [t.lower for t in tokens[k : k + 3]]
    if head[:1] != ["who"]:
        return 0
    if head[1:2] in (["is"], ["was"]):
        return 2
    if head[1:3] in (["served", "as"], ["serves", "as"]):
        return 3
    return 0


def _describes(words: list[Token]) -> bool:
    """Whether an appositive without a title word still says what someone is: ", a real estate developer
    in Virginia,", ", the architect of Obama's 2008 campaign," (not ", the day after the debate,")."""
    if len(words) < 2 or words[0].lower not in {"a", "an", "the"}:
        return False
    head = next((w for w in words[1:] if w.lower in NOUN_PHRASE_PREPOSITIONS), None)
    nouns = words[1 : words.index(head)] if head else words[1:]
    return bool(nouns) and not any(w.lower in TIME_NOUNS or w.is_cap for w in nouns[-1:])


def index_tokens(index: EntityIndex, tokens: list[Token], text: str) -> None:
    """Add every named mention found in a stretch of prose to the index."""
    shared: tuple[int, str] | None = None  # "Sens. Jon Tester (D-Mont.) and David Vitter": a plural title
    resume = 0
    # Only a word that can be part of a name opens a run: the loop visits those alone (most words are not).
    for i in [k for k, t in enumerate(tokens) if t.in_name_run]:
        if i < resume:
            continue  # inside the run just read
        j = i
        # Titles in lower case run into the name: "presidential nominee Donald Trump".
        while j < len(tokens) and (tokens[j].in_name_run or tokens[j].is_cap):
            if not tokens[j].is_cap and tokens[j].text.endswith(POSSESSIVE):
                j += 1  # "the Republican nominee's stance": the possessive title ends the description
                break
            j = cap_run_end(tokens, j) if tokens[j].is_cap and tokens[j].is_word else j + 1
        # A modifier leads into a title or name, never ends a run: "Hillary Clinton's health issues".
        while j > i + 1 and not tokens[j - 1].is_cap and not is_title_word(tokens[j - 1]):
            j -= 1
        mention = parse_run(tokens[i:j], text)
        if mention is not None and mention.kind == "description" and j == i + 1 and tokens[i].is_cap:
            # "Dean, a medical doctor, then appeared": a surname that is a title word, once the article
            # has named a "Howard Dean".
            known = index.lookup(tokens[i].text, tokens[i].start)
            if known is not None and not known.is_org:
                mention = mention._replace(kind="name", name=tokens[i].text, title=None, jurisdiction=None)
        if (
            mention is not None
            and mention.kind == "name"
            and not (mention.is_org or mention.gender or mention.title)
            and i > 1
            and (tokens[i - 2].lower, tokens[i - 1].lower) == ("of", "the")
            and not any(t.text[:1].isupper() and "-" in t.text and not t.text.istitle() for t in tokens[i:j])
        ):
            # "Archbishop Aris Shirvanian of the Armenian Patriarchate": a body, which "he" does not mean (not
            # "of the GOP-led investigation", an adjective).
            mention = mention._replace(is_org=True)
        if mention is not None and mention.kind == "name":
            # "For China, the region offers ...": after an opening preposition the comma ends the phrase.
            opening = tokens[i].lower in NOUN_PHRASE_PREPOSITIONS or (
                i > 0
                and tokens[i - 1].lower in NOUN_PHRASE_PREPOSITIONS
                and (i == 1 or tokens[i - 2].text in SENTENCE_BREAKS)
            )
            subject = _is_subject(tokens, i, j)
            appositive = None if opening else appositive_title(tokens, j) or _leading_description(tokens, i, j)
            if shared is not None and tokens[i - 1].lower == "and" and i - shared[0] <= MAX_SHARED_TITLE_GAP:
                appositive = appositive or shared[1]
            now = j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].lower == "now"
            index.add(mention, appositive, subject, current=now)
            plural = mention.title and any(t.text in PLURAL_TITLES for t in tokens[i:j])
            shared = (j, mention.title) if plural and mention.title else None
            if mention.possessive and j < len(tokens) and tokens[j].lower in LED_BODIES:
                # "Donald Trump's campaign is defending ...": the body a person leads, for a later "it".
                index.add(led_body(mention, tokens[j], text), None, subject)
        elif (
            mention is not None
            and mention.title
            and "the" in (tokens[i].lower, tokens[i - 1].lower if i else "")
            and mention.title.lower() not in COMMON_NOUN_TITLES
        ):
            index.add_description(mention.title, mention.start, _object_of_name(tokens, i))
        resume = max(j, i + 1)


def _object_of_name(tokens: list[Token], i: int) -> bool:
    """Whether the description opening at i ("the senator") is the object of a verb right after a name (or
    the comma closing a name's appositive): "Trump called the senator a ...", "Sanders told the crowd",
    "Noem's spokeswoman, Tricia McLaughlin, said the secretary stands by her comments"."""
    d = i if tokens[i].lower == "the" else i - 1
    name = d - 3 if d >= 3 and tokens[d - 2].text == "," else d - 2
    if name < 0 or not (tokens[name].is_cap and tokens[name].is_word):
        return False
    verb = tokens[d - 1]
    # A past-tense verb or a speech verb; "Trump became the nominee" names Trump.
    return (
        not verb.is_cap
        and (verb.lower.endswith("ed") or verb.lower in SPEECH_VERBS)
        and verb.lower not in LINKING_VERBS
    )


def _leading_description(tokens: list[Token], i: int, j: int) -> str | None:
    """ "An attorney for Pagliano, Mark MacDougall, stressed ...": the description that opens the sentence
    and introduces the name set off by commas after it."""
    if not (i >= 2 and j < len(tokens) and tokens[i - 1].text == "," and tokens[j].text == ","):
        return None
    # Back to the sentence start, but no further than a description can run: a long run of names set
    # off by commas would otherwise be read again for every name in it (quadratic).
    start = i - 1
    while start > 0 and tokens[start - 1].text not in SENTENCE_BREAKS:
        start -= 1
        if i - 1 - start > MAX_APPOSITIVE_WORDS:
            return None
    clause = tokens[start : i - 1]
    if not clause or clause[0].lower not in {"a", "an", "the"} or not _describes(clause):
        return None
    if any(t.text == "," or t.lower in SPEECH_VERBS for t in clause):
        return None  # "“...,” the governor said, before clarifying that he, Christie, was ...": a clause
    if not any(is_title_word(t) for t in clause[:MAX_TITLE_HEAD_AT]):
        return None
    return " ".join(t.text for t in clause[1:])


def _is_subject(tokens: list[Token], i: int, j: int) -> bool:
    """Whether a name opens its sentence or stands next to a speech verb: the likely topic of what follows."""
    if i > 0 and tokens[i - 1].lower == "the":
        if j < len(tokens) and tokens[j].lower in LED_BODIES:
            return False  # "said the Trump campaign has yet to ...": the campaign is the subject, not Trump
        i -= 1  # "The Security Council ..."
    if i == 0 or tokens[i - 1].text in SENTENCE_BREAKS or tokens[i - 1].lower in SPEECH_VERBS:
        return True
    if tokens[i - 1].text == "," and _opening_phrase(tokens, i - 1):
        return True  # "Ultimately, Mr. Clarke hopes ...", "In July, Gingrich dismissed ..."
    if tokens[i - 1].lower == "with" and _acts_next(tokens, j):
        return True  # "with Hillary Clinton — who's called for tax hikes — lambasting Trump's plan"
    return j < len(tokens) and tokens[j].lower in SPEECH_VERBS


def _acts_next(tokens: list[Token], j: int) -> bool:
    """Whether an -ing verb follows the name at once or after an aside set off by dashes or commas."""
    if j < len(tokens) and tokens[j].text in {"—", "--", ","}:
        close = next((k for k in range(j + 1, min(len(tokens), j + 15)) if tokens[k].text == tokens[j].text), None)
        j = close + 1 if close is not None else j
    return j < len(tokens) and tokens[j].is_word and tokens[j].lower.endswith("ing") and not tokens[j].is_cap


def _opening_phrase(tokens: list[Token], comma: int) -> bool:
    """Whether the words before a comma are a short phrase opening the sentence."""
    k = comma
    while k > 0 and tokens[k - 1].text not in SENTENCE_BREAKS and comma - k < MAX_OPENING_WORDS:
        k -= 1
    return (k == 0 or tokens[k - 1].text in SENTENCE_BREAKS) and k < comma
