"""Attribution cues in the prose around quotes: a speech verb and the phrase naming its speaker."""

import re
from dataclasses import dataclass, replace

from pipelines.quotes.entities import appositive_title
from pipelines.quotes.lexicon import (
    ADVERBS,
    ASIDE_OPENERS,
    ASIDES,
    AUXILIARIES,
    CLAUSE_JOINTS,
    CLAUSE_LINKS,
    CLAUSE_OPENERS,
    CLAUSE_STOP,
    CONTRASTING_JOINTS,
    COUNTS,
    DASHES,
    DEMONSTRATIVES,
    DESCRIPTIVE,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    INDEFINITE_DETERMINERS,
    INDEFINITE_OPENERS,
    INDEFINITE_PRONOUNS,
    INVERTED_DETERMINERS,
    IRREGULAR_PARTICIPLES,
    LED_BODIES,
    LINKS,
    NAMING_PARTICIPLES,
    NON_NAME_CAPS,
    NON_PROGRESSIVE_AUXILIARIES,
    NOT_ADVERBS,
    NOT_SPEECH_PARTICLES,
    OBJECT_PREPOSITIONS,
    OBJECT_VERBS,
    OCCASION_PREPOSITIONS,
    OPENING_ADVERBS,
    OPENING_PREPOSITIONS,
    ORG_WORDS,
    OWN_CLAUSE_OPENERS,
    PARTICIPLE_PREPOSITIONS,
    PARTY_MEMBERS,
    PASSIVE_NAMING,
    PASSIVE_SPEECH,
    PAST_SPEECH,
    PERSON_NOUNS,
    PHRASAL_SPEECH_VERBS,
    PHRASE_PREPOSITIONS,
    PHRASE_STARTERS,
    PLACE_OF,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    POSSESSIVE,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PROGRESSIVE,
    PROMPTING_VERBS,
    PRONOUNS,
    QUANTIFIERS,
    QUESTION_VERBS,
    SENTENCE_END,
    SEQUENCE_WORDS,
    SINGLE_MEMBERS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANDALONE_DETERMINERS,
    STATE_ABBREVIATIONS,
    SUBORDINATE_OPENERS,
    TIME_UNITS,
    TIME_WORDS,
    TITLE_HEADS,
    TITLE_WORDS,
    TWO_WORD_ASIDES,
    UNNAMED_HEADS,
    US_STATES,
)
from pipelines.quotes.mentions import Mention, cap_run_end, cap_run_start, is_title_word, led_body, parse_run
from pipelines.quotes.tokens import Token

MAX_CUE_DISTANCE = 8
MAX_APPOSITIVE_TOKENS = 40
# Words of a subject that a participle phrase may follow before its verb: "The campaign's latest report,".
MAX_SET_OFF_SUBJECT_WORDS = 4
MAX_LEADING_WORDS = 2
MAX_TITLE_PREFIX = 6
MAX_DESCRIPTOR_TOKENS = 6
# A possessive and a statement noun close enough to be one phrase: "Trump's past references".
MAX_POSSESSED_WORDS = 3
# "his remarks were priceless “...”": this many words at most between the verb and a verdict in quotes.
MAX_VERDICT_WORDS = 3
# "less than two weeks ago": this many words at most in a time phrase before a verb.
MAX_AGO_WORDS = 5
AGE = re.compile(r"\d+-year-old")
MAX_OPENING_PHRASES = 3
MAX_PHRASE_TOKENS = 20
# How far back from a speech verb a description may start: "the former secretary of state and current
# Democratic presidential nominee said".
MAX_DESCRIPTION_TOKENS = 12
# "officials at the agency": a preposition, a determiner and at most two words after the people named.
MAX_OWNED_PHRASE = 5
MAX_UNPUNCTUATED_PHRASE = 6
MAX_OCCASION_WORDS = 4
MAX_PASSIVE_GAP = 4
MAX_TIME_WORDS = 2
# Words between a document and "to" whom it went: "a text message to supporters saying".
MAX_ADDRESSEE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb and its speaker mention; first/last are token indexes the cue covers."""

    verb: Token
    mention: Mention
    first: int
    last: int
    # The pronoun of the sentence this cue stands for ("Clinton says ... what she calls"), if any.
    pronoun: Mention | None = None
    # The words to report as the speaker's mention when they are not the mention resolved ("Trump was
    # talking ... when he told": "he", resolved as Trump).
    shown: Mention | None = None


def sentence_start(tokens: list[Token], end: int) -> int:
    """Index of the first token of the sentence that tokens[end] belongs to."""
    # Read back from `end` (as far as tokens[:end] reaches) to the nearest sentence end.
    stop = min(end, len(tokens)) if end >= 0 else max(0, len(tokens) + end)
    for k in range(stop - 1, -1, -1):
        if tokens[k].text in SENTENCE_END:
            return k + 1
    return 0


# Every word find_cues can take for a cue's verb; it passes over the others (most words) at once.
CUE_WORDS = (
    SPEECH_VERBS
    | PHRASAL_SPEECH_VERBS
    | frozenset({"according", "say", "write", "add", "blamed", "blames", "put", "puts", "went", "goes"})
)


def find_cues(tokens: list[Token], text: str) -> list[Cue]:
    """Every speech verb in the tokens that has a speaker phrase next to it."""
    cues: list[Cue] = []
    for v, t in enumerate(tokens):
        lower = t.lower
        if lower not in CUE_WORDS:
            continue
        end = v
        if _reports_no_words(tokens, v):
            continue
        if lower == "according" and v + 1 < len(tokens) and tokens[v + 1].lower == "to":
            found = _subject_after(tokens, v + 1, text)
        elif lower in {"say", "write", "add"} and _goes_on_to(tokens, v):
            # "The email goes on to say: “...”", "Trump went on to write": the subject of "went".
            found = _subject_before(tokens, v - 3, text)
        elif lower in SPEECH_VERBS and lower.endswith("ing") and v > 0 and tokens[v - 1].lower in {",", "by", "in"}:
            # "Trump attacked Clinton ..., saying, “...”" (or "by saying", "..., Spicer said, adding").
            found = _sentence_speaker(tokens, v, cues, text, speaking=True)
        elif lower in SPEECH_VERBS and lower.endswith("ing") and _follows_document(tokens, v):
            # "the Security Council issued a statement calling it “...”", "The town released a statement
            # Wednesday saying ...": whoever issued the statement.
            found = _sentence_speaker(tokens, v, cues, text, speaking=True)
        elif lower in SPEECH_VERBS and lower.endswith("ing") and v > 1 and tokens[v - 1].lower in PROGRESSIVE:
            # "Johnson's doctor is calling the candidate “...”": a finite verb, whatever the subject.
            found = _subject_before(tokens, v - 1, text)
        elif lower in SPEECH_VERBS and lower.endswith("ing"):
            # "footage of Hillary Clinton asking, “...”", "He's claiming": only a name or pronoun right before.
            found = _subject_before(tokens, v, text)
            if found is None or (
                found[0].kind not in ("name", "pronoun")
                or _after_preposition(tokens, found[1])
                # ("the problems Sanders had answering questions": a participle no auxiliary takes)
                or any(tokens[k].lower in NON_PROGRESSIVE_AUXILIARIES for k in range(found[2] + 1, v))
            ):
                found = _with_subject(tokens, v, text)
        elif lower in SPEECH_VERBS and not _is_noun(tokens, v):
            found = _subject_before(tokens, v, text) or _subject_after(tokens, v, text)
            if found is not None and lower in NAMING_PARTICIPLES and _object_described(tokens, found):
                continue  # "shared a syllabus for a psychology class called “Perception”": a name it goes by
            if found is None and v > 0 and tokens[v - 1].lower in {"and", "but"}:
                # "Boreing said the members will meet, but said, “...”": the same speaker again.
                found = _sentence_speaker(tokens, v, cues, text, speaking=True)
        elif lower in {"put", "puts"} and v + 1 < len(tokens) and tokens[v + 1].lower == "it":
            found = _subject_before(tokens, v, text)  # "as The New Yorker put it"
        elif (
            lower in PHRASAL_SPEECH_VERBS and v + 1 < len(tokens) and tokens[v + 1].lower in {"in", "up", "out", "back"}
        ):
            found, end = _subject_before(tokens, v, text), v + 1  # "and her husband cut in.", "Smith chimed in:"
        elif lower in {"went", "goes"} and _goes_on_speaking(tokens, v):
            found, end = _subject_before(tokens, v, text), v + 1  # "“...?” Trump went on, as if ..."
        else:
            continue
        if found is not None:
            mention, first, last = found
            cues.append(Cue(t, mention, min(first, v), max(last, end)))
    return cues


def _reports_no_words(tokens: list[Token], v: int) -> bool:
    """Whether a cue word at v is no speech verb here: a capitalised word inside a name ("the United States",
    "Reports Say"), a phrasal verb that reports no words ("a vote for Trump ruled out"), "blamed" for an act
    ("blamed the media for making an issue out of ..."), or a passive naming verb ("The video, released in
    November, is called “No Respite”": what it is named, by nobody)."""
    t = tokens[v]
    lower = t.lower
    return (
        (t.is_cap and v > 0 and tokens[v - 1].text not in SENTENCE_END)
        or (v + 1 < len(tokens) and tokens[v + 1].lower in NOT_SPEECH_PARTICLES.get(lower, ()))
        or (lower in {"blamed", "blames"} and not _blamed_on(tokens, v))
        or (lower in NAMING_PARTICIPLES and v > 0 and tokens[v - 1].lower in PROGRESSIVE)
    )


def _object_described(tokens: list[Token], found: "Found") -> bool:
    """Whether a description found before a naming verb is the object of a verb or preposition ("shared a
    syllabus for a class called", "oppose an inflation formula called"), not the sentence's subject."""
    mention, first, _ = found
    return (
        mention.kind in ("description", "unnamed")
        and tokens[first].lower in {"a", "an"}
        and first > 0
        and tokens[first - 1].is_word
        and tokens[first - 1].text.islower()
    )


def _blamed_on(tokens: list[Token], v: int) -> bool:
    """Whether "blamed" at v puts the blame on what follows ("blamed police shootings on “implicit bias”"),
    the words of whoever blames, rather than blaming someone for an act."""
    rest = [t.lower for t in tokens[v + 1 :]]
    return "on" in rest and "for" not in rest


def _with_subject(tokens: list[Token], v: int, text: str) -> "Found | None":
    """ "with many marchers and spectators chanting": the people "with" introduces do the speaking."""
    k = v - 1
    while k >= 0 and v - k <= MAX_DESCRIPTOR_TOKENS and tokens[k].is_word and tokens[k].text.islower():
        if tokens[k].lower == "with":
            break
        k -= 1
    if k < 0 or k >= v - 1 or tokens[k].lower != "with" or not tokens[v - 1].lower.endswith("s"):
        return None
    start, end = tokens[k + 1].start, tokens[v - 1].end
    return Mention("unnamed", start, end, text[start:end]), k + 1, v - 1


def _goes_on_speaking(tokens: list[Token], v: int) -> bool:
    """Whether "went on" or "goes on" at v ends its clause ("he went on.", "Trump went on, as if ..."), so it
    means going on speaking, not "went on to win"."""
    return (
        v + 1 < len(tokens)
        and tokens[v + 1].lower == "on"
        and (v + 2 == len(tokens) or tokens[v + 2].text in {",", ".", ":", ";"})
    )


def _goes_on_to(tokens: list[Token], v: int) -> bool:
    """Whether "goes on to" or "went on to" comes right before the verb at v."""
    return (
        v >= 3
        and tokens[v - 3].lower in {"go", "goes", "going", "went"}
        and tokens[v - 2].lower == "on"
        and tokens[v - 1].lower == "to"
    )


def _sentence_speaker(
    tokens: list[Token], v: int, cues: list[Cue], text: str, speaking: bool = False
) -> "Found | None":
    """For a speech verb with no subject of its own: whoever the sentence already has speaking, else the
    sentence's subject ("it" too when `speaking`)."""
    start = sentence_start(tokens, v)
    earlier = next((c for c in cues if c.first >= start and c.mention.kind == "name"), None)
    if earlier is not None:
        return earlier.mention, earlier.first, earlier.last
    return _sentence_subject(tokens[:v], text, speaking)


def _follows_document(tokens: list[Token], v: int) -> bool:
    """Whether a document noun comes right before tokens[v], or before a time ("a statement Wednesday")."""
    k = v - 1
    to = next((j for j in range(v - 2, max(-1, v - 2 - MAX_ADDRESSEE_WORDS), -1) if tokens[j].lower == "to"), None)
    if to is not None and all(t.is_word for t in tokens[to + 1 : v]):
        k = to - 1  # "a text message to supporters saying", "a letter to Attorney General Lynch asking"
    while k > 0 and v - k <= MAX_TIME_WORDS and tokens[k].lower in TIME_WORDS:
        k -= 1
    return k >= 0 and tokens[k].lower in DOCUMENT_NOUNS


def _early_in(tokens: list[Token], k: int) -> bool:
    """ "Early in his campaign, Trump attacked ...": a time phrase (while "Rex Early" is a name)."""
    return tokens[k].lower in {"early", "late"} and k + 1 < len(tokens) and tokens[k + 1].lower in {"in", "on", "last"}


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in SENTENCE_END or tokens[i - 1].text == ";"


def _after_preposition(tokens: list[Token], i: int) -> bool:
    """ "a letter to Attorney General Lynch asking ...": the name is the object of "to", not who asks (but
    "footage of Hillary Clinton asking" is hers)."""
    return i > 0 and tokens[i - 1].lower in OBJECT_PREPOSITIONS


def _is_noun(tokens: list[Token], v: int) -> bool:
    """ "the states", "his claims", "Trump's tweets": a speech word used as a noun."""
    if v == 0:
        return False
    prev = tokens[v - 1]
    if prev.lower == "to":
        return True  # "too early to tell": an infinitive, not a report of speech
    if prev.lower in STANDALONE_DETERMINERS and _opens_sentence(tokens, v - 1) and not tokens[v].lower.endswith("s"):
        return False  # "Another said": the determiner is the subject (not "Some claims")
    if prev.lower == "that" and (tokens[v].lower.endswith("ed") or tokens[v].lower in PAST_SPEECH):
        return False  # "water bottles that said", "a sign that read": a relative clause (not "that claim")
    if prev.lower in COUNTS and v > 1 and tokens[v - 2].lower == "of":
        return False  # "the mother of three replied"
    if prev.lower in COUNTS and v > 1 and tokens[v - 2].lower == "the" and not tokens[v].lower.endswith("s"):
        return False  # "the two write" (not "the two claims")
    return prev.lower in DETERMINERS or prev.lower in {"of", "my", "our", "your"} or prev.text.endswith(POSSESSIVE)


def leading_cue(tokens: list[Token], cues: list[Cue]) -> Cue | None:
    """The cue that ends the sentence a quote just closed: `,” Chiu said.`"""
    if not cues:
        return None
    cue = cues[0]
    before = tokens[: cue.first]
    if not any(t.is_word for t in before):
        return cue
    if any(t.lower in CONTRASTING_JOINTS for t in before):
        return None  # (`“...,” while Collins and Gohmert suggested ...`: a clause with a speaker of its own)
    if cue.first <= MAX_LEADING_WORDS and not any(t.text in SENTENCE_END for t in before):
        return cue
    if _title_prefix(before):
        return cue  # `,” Justice Department senior trial counsel Caroline Wolverton wrote`
    # "“...” for criminal behavior, she said." : the cue closes the sentence the quote is part of.
    after = tokens[cue.last + 1 : cue.last + 3]
    if any(t.text in SENTENCE_END for t in before) or before[-1].text != ",":
        return None
    if after and after[0].lower == "that":
        return None  # ("“...” for his campaign to win ..., his campaign has argued that ...": its own words)
    if (
        after
        and after[0].text not in SENTENCE_END | {","}
        and after[0].lower not in NON_NAME_CAPS
        and not _participle_follows(after)
        and cue.verb.lower not in {"told", "tells"}
    ):
        # (a time or place may follow: "..., Carson said Sunday.", "said in a statement"; an appositive:
        # "said Steve Elmendorf, deputy campaign manager"; and whom someone told: "Mariam Emara told CNN.")
        return None
    return cue


def _title_prefix(before: list[Token]) -> bool:
    """Whether the words between a quote and a named speaker are one capitalised phrase, the rest of the
    speaker's title ("Justice Department senior trial counsel", "former State policy planning", "lead
    researcher and NASA planetary")."""
    k = next(k for k, t in enumerate(before) if t.is_word)
    words = before[k:]
    if words[0].lower == "the" and len(words) > 1:
        words = words[1:]  # "the Post's senior politics editor Steven Ginsberg responded"
    return (
        all(t.text == "," for t in before[:k])
        and (words[0].is_cap or words[0].lower in TITLE_WORDS)
        and len(words) <= MAX_TITLE_PREFIX
        and all(
            t.is_word and (t.is_cap or t.lower not in FUNCTION_WORDS or (t.lower == "and" and 0 < n < len(words) - 1))
            for n, t in enumerate(words)
        )
    )


def _participle_follows(after: list[Token]) -> bool:
    """ "..., she said, referencing the bank's drive": the cue's clause ends, a participle phrase follows."""
    return len(after) == 2 and after[0].text == "," and after[1].lower.endswith("ing") and not after[1].is_cap


def after_comma_cue(tokens: list[Token], text: str) -> Cue | None:
    """`“...,” Blige sings to Clinton`: a quote closed by a comma is attributed by the name that follows."""
    end = next((k for k, t in enumerate(tokens) if t.text in SENTENCE_END), len(tokens))
    tokens = tokens[:end]
    found = _sentence_subject(tokens, text)
    if found is None or found[1] != 0 or found[2] + 1 >= len(tokens):
        return None
    mention, first, last = found
    return Cue(tokens[last + 1], mention, first, last + 1)


def dash_cue(tokens: list[Token], text: str) -> Cue | None:
    """`“...” ― Pamela Padilla`: a name after a dash that closes the paragraph."""
    if len(tokens) < 2 or tokens[0].text not in DASHES or not tokens[1].is_cap:
        return None
    end = cap_run_end(tokens, 1)
    if end < len(tokens) and tokens[end].text not in {".", ","}:
        return None  # (a comma may add where or when: "-Michelle Marks, Philadelphia."; not "– Man**")
    name = parse_run(tokens[1:end], text)
    if name is None or name.kind != "name":
        return None
    return Cue(tokens[0], name, 0, end - 1)


def trailing_cue(tokens: list[Token], cues: list[Cue], text: str) -> Cue | None:
    """The cue that introduces the quote that follows: `Chiu said: “`, `Chiu said the plan was “`.

    "According to X" far from the quote sources a figure, not the quote ("according to the institute
    ... counted as "Unauthorized Population""): it must come within a few words or end with a comma.
    """
    if not cues:
        return None
    cue = cues[-1]
    if cue.mention.kind == "pronoun" and not _opens_joined_clause(tokens, cue):
        # "Clinton says she appreciated ... what she calls “...”": the pronoun points back to the
        # subject of the sentence, which is the mention to report (not in a clause of its own: "Tester
        # credits the candidates -- but he said Trump ...").
        start = sentence_start(tokens, cue.first)
        pronoun = cue
        # (not "Asked by Matt Lauer whether ..., she said": who asked does not answer)
        cue = next(c for c in cues if (c.first >= start and _may_mean(c, pronoun)) or c is pronoun)
        if cue.mention.kind == "pronoun":
            bound = bound_subject(tokens[: cue.first], cue, text)
            if bound is not None and _opens_own_clause(tokens, cue.first):
                # "Trump was talking ... when he told Chris Wallace": Trump, reported as "he".
                bound = replace(bound, shown=cue.mention)
            cue = bound or cue
        if cue is not pronoun:
            cue = replace(cue, pronoun=pronoun.mention)
    elif (
        cue.mention.kind == "unnamed"
        and not (cue.first > 0 and tokens[cue.first - 1].lower == "and")
        and [t.text for t in tokens[cue.last + 1 :]] != [":"]
    ):
        # "Ryan said the protests demand that ...": a speech verb inside what a named speaker said (not
        # "Ebeling said, and her husband cut in.").
        cue = _main_clause_cue(tokens, cues) or cue
    if tokens[-1].text == ":" and tokens[sentence_start(tokens, cue.first)].lower in CLAUSE_OPENERS:
        # "When Trump suggested ..., Rubio fired back: “...”": the main clause introduces the quote.
        main = subject_cue(tokens[:-1], text)
        if main is not None and main.first > cue.last:
            return main
    absolute = _absolute_subject(tokens, text)
    if absolute is not None and absolute[1] > cue.last:
        # "the campaign has denied it, with Lewandowski taking to Twitter to call Fields “...”": whoever the
        # closing "with" phrase sets acting.
        return Cue(tokens[absolute[2] + 1], absolute[0], absolute[1], absolute[2] + 1)
    rest = tokens[cue.last + 1 :]
    if _inside_dashes(tokens, cue):
        # "he does not have small hands - as Rubio has said - and he can “...”": an aside the dashes close.
        return None
    if [t.text for t in rest] == ["."]:
        # "..., Schiff said. “...”": the quote goes on with the speaker just named.
        return cue
    if any(t.text in SENTENCE_END for t in rest):
        return None
    if (
        cue.verb.lower == "according"
        and len(rest) > MAX_CUE_DISTANCE
        and rest[-1].text != ","
        and not _opens_with_according(tokens, cue)
    ):
        return None
    return cue


def _opens_with_according(tokens: list[Token], cue: Cue) -> bool:
    """Whether "According to X," opens the sentence, sourcing all of it: "According to a civil complaint
    filed by the SEC, the developers engaged in a “...”"."""
    k = next((i for i in range(cue.first, -1, -1) if tokens[i].lower == "according"), cue.first)
    start = sentence_start(tokens, k)
    if not (k == start or (k == start + 1 and tokens[start].lower in {"but", "and", "yet"})):
        return False
    # (a comma closes the phrase; not "According to the institute in 2019 there were 43,000 people ...")
    return any(
        t.text == "," and not (tokens[j - 1].text.isdigit() and tokens[j + 1].text.isdigit())
        for j, t in enumerate(tokens[cue.last + 1 : -1], cue.last + 1)
    )


def _inside_dashes(tokens: list[Token], cue: Cue) -> bool:
    """Whether a cue sits in an aside between two dashes, with more of the sentence after the second."""
    opening = [t for t in tokens[sentence_start(tokens, cue.first) : cue.first] if t.text in DASHES]
    rest = tokens[cue.last + 1 :]
    closing = next((k for k, t in enumerate(rest) if t.text in DASHES), None)
    return bool(opening) and closing is not None and any(t.is_word for t in rest[closing + 1 :])


def _opens_joined_clause(tokens: list[Token], cue: Cue) -> bool:
    """Whether a pronoun cue's pronoun opens a clause joined to the sentence by "but", "and", "while" or
    "although" ("but he said"; not "and said he thought")."""
    k = _mention_index(tokens, cue)
    return k > 0 and tokens[k - 1].lower in CLAUSE_JOINTS


def _mention_index(tokens: list[Token], cue: Cue) -> int:
    """Where a cue's mention starts among the tokens, found by position, since the cue may index another list
    of tokens than these (a cue found across a title); 0 when it is not among them."""
    return next((i for i, t in enumerate(tokens) if t.start == cue.mention.start), 0)


def _may_mean(cue: Cue, pronoun: Cue) -> bool:
    """Whether the speaker of a cue can be the person a pronoun cue in the same sentence means."""
    m, p = cue.mention, pronoun.mention
    if cue.verb.lower in QUESTION_VERBS:
        return False
    return not (m.gender and p.gender in ("m", "f") and m.gender != p.gender)


def heads_own_clause(tokens: list[Token], cue: Cue) -> bool:
    """Whether a pronoun cue's pronoun is the subject of a clause of its own ("but he said", "when she
    told"), and so the mention to report even when it stands for the sentence's subject."""
    return _opens_own_clause(tokens, _mention_index(tokens, cue)) or _opens_joined_clause(tokens, cue)


def _opens_own_clause(tokens: list[Token], k: int) -> bool:
    """Whether the pronoun at k is the subject of a clause of its own, not bound to the sentence's subject: "when
    he told Clinton", "where he suggested", "Rubio, who he dubbed", "..., he said, that"."""
    return k > 0 and (tokens[k - 1].lower in OWN_CLAUSE_OPENERS or tokens[k - 1].text == ",")


def bound_subject(tokens: list[Token], cue: Cue, text: str) -> Cue | None:
    """The subject of the sentence a pronoun cue sits in, when the pronoun can mean it: a name ("Trump took to
    Twitter ... what he called “...”" is Trump's) or the same pronoun ("He did not address ... he called")."""
    found = _sentence_subject(tokens, text, speaking=cue.mention.text.lower() == "it")
    if found is not None and found[0].kind == "pronoun" and found[0].text.lower() == cue.mention.text.lower():
        return Cue(cue.verb, found[0], found[1], cue.last)  # "He did not address tweets in which he called"
    if found is None or found[0].kind != "name" or found[0].is_org != (cue.mention.text.lower() == "it"):
        return None  # "he" and "she" mean a person, "it" a body
    if names_a_people(found[0]):
        return None  # ("Mexicans and Muslims": "she" is not a people)
    mention, first, _ = found
    if mention.gender and cue.mention.gender and mention.gender != cue.mention.gender:
        return None
    return Cue(cue.verb, mention, first, cue.last)


def names_a_people(mention: Mention) -> bool:
    """ "Mexicans", "Republicans", "Syrians": a plural name for a people or a party, not one person."""
    name = (mention.name or "").lower()
    return " " not in name and (name.endswith(("ians", "cans", "eans")) or name in PARTY_MEMBERS)


def _main_clause_cue(tokens: list[Token], cues: list[Cue]) -> Cue | None:
    """The first cue with a named or pronoun speaker in the sentence the last cue belongs to."""
    last = cues[-1]
    start = sentence_start(tokens, last.first)
    return next((c for c in cues[:-1] if c.first >= start and c.mention.kind in ("name", "pronoun")), None)


def colon_name_cue(tokens: list[Token], text: str) -> Cue | None:
    """`Clinton: “Our goal is ...”`: a name that is its whole sentence, then a colon, introduces the quote
    (a party label may close the name: `Rep. Trey Gowdy (R-S.C.):`)."""
    if len(tokens) < 2 or tokens[-1].text != ":":
        return None
    end = _skip_back(tokens, len(tokens) - 2) if tokens[-2].text == ")" else len(tokens) - 2
    if end < 0 or not tokens[end].is_cap:
        return None
    found = _named_back(tokens, end, text)
    start = sentence_start(tokens, len(tokens) - 1)
    if found is not None:
        # "Pollsters agree - Carl Bialik: “...”": a name after a dash labels what it wrote.
        start = max([start] + [k + 1 for k in range(start, found[1]) if tokens[k].text in DASHES])
    # Only a title may come before the name: "Former secretary of state Hillary Rodham Clinton:".
    if found is None or found[0].kind != "name" or not all(_in_title(t) for t in tokens[start : found[1]]):
        return None
    return Cue(tokens[-1], found[0], start, len(tokens) - 1)


def _in_title(t: Token) -> bool:
    return t.is_cap or t.lower in TITLE_WORDS or t.lower in {"of", "the", "for"}


def possessive_cue(tokens: list[Token], text: str) -> Cue | None:
    """ "Politifact seized on Trump's claim that there have been “...”", "Bornstein's prediction that
    Trump would be “...”": words the sentence gives to the owner of a statement."""
    start = sentence_start(tokens, len(tokens))
    for k in range(len(tokens) - 1, start - 1, -1):
        t = tokens[k]
        pronoun = t.lower in {"his", "her"}
        if not (pronoun or (t.is_cap and t.is_word and t.text.endswith(POSSESSIVE))):
            continue
        at = next(
            (n for n in range(k + 1, min(len(tokens), k + 1 + MAX_POSSESSED_WORDS)) if tokens[n].lower in SPEECH_NOUNS),
            None,
        )
        if at is None or _verdict_follows(tokens, at) or _judged_as(tokens, at) or _speaking_participle(tokens, at):
            # (not "his comments were “Mostly False”", "Hollande denounced Trump's remarks as “...”": a
            # verdict on the words, not the words; nor "tried to downplay Ryan's comments, saying they were
            # “...”": the subject speaks)
            continue
        noun = tokens[at]
        if pronoun:
            # "her remark that “...”": the pronoun's antecedent owns the words.
            gender = "m" if t.lower == "his" else "f"
            return Cue(noun, Mention("pronoun", t.start, t.end, t.text, gender=gender), k, k)
        first = cap_run_start(tokens, k)
        mention = parse_run(tokens[first : k + 1], text)
        if mention is not None and mention.kind == "name":
            return Cue(noun, mention, first, k)
    return None


def content_possessive_cue(before: list[Token], text: str) -> Cue | None:
    """ "Fitton called Clinton's assertion of a “claim of right”", "mocked Trump's promise of a “beautiful
    wall”": a quote that gives the content of someone's statement is theirs, whoever the sentence has
    speaking."""
    k = len(before) - 1
    if k >= 0 and before[k].lower in {"a", "an", "the"}:
        k -= 1
    if k >= 0 and before[k].lower in {"of", "that"}:
        k -= 1
    # (only "of" or "that" marks the quote as the content; a quote right after the noun keeps its other cues)
    if k < 1 or before[k].lower not in SPEECH_NOUNS or k == len(before) - 1:
        return None
    owner = before[k - 1]
    if not (owner.is_cap and owner.is_word and owner.text.endswith(POSSESSIVE)):
        return None
    first = cap_run_start(before, k - 1)
    mention = parse_run(before[first:k], text)
    return Cue(before[k], mention, first, k - 1) if mention is not None and mention.kind == "name" else None


def _speaking_participle(tokens: list[Token], k: int) -> bool:
    """Whether a speech participle set off by a comma follows tokens[k]: ", saying", ", calling"."""
    return any(
        t.text == "," and tokens[j + 1].lower.endswith("ing") and tokens[j + 1].lower in SPEECH_VERBS
        for j, t in enumerate(tokens[k + 1 : -1], k + 1)
    )


def owned_quote_cue(before: list[Token], after: list[Token], text: str) -> Cue | None:
    """`Mitt Romney's “47 percent” comment`: a possessive name right before the quote and a word for a
    statement right after it give the words to the owner."""
    if not before or not after or after[0].lower not in SPEECH_NOUNS:
        return None
    k = len(before) - 1
    owner = before[k]
    if not (owner.is_cap and owner.is_word and owner.text.endswith(POSSESSIVE)):
        return None
    first = cap_run_start(before, k)
    mention = parse_run(before[first : k + 1], text)
    return Cue(after[0], mention, first, k) if mention is not None and mention.kind == "name" else None


def passive_cue(before: list[Token], after: list[Token], text: str) -> Cue | None:
    """`called the “Crossroads of America” by the citizens`, `“American Skin” was written by Springsteen`: the
    agent of a passive naming or writing verb."""
    k = 0
    if len(after) > 2 and after[0].lower in PROGRESSIVE and after[1].lower in PASSIVE_SPEECH:
        k = 2  # "“...” was written by"
    elif not any(t.lower in PASSIVE_NAMING for t in before[-MAX_PASSIVE_GAP:]):
        return None  # ("labeled as a “witch hunt” by" names; "a “fair deal” by any measure" does not)
    if k + 1 >= len(after) or after[k].lower != "by":
        return None
    found = _subject_after(after, k, text)
    if found is None or found[0].kind == "pronoun":
        return None
    mention, first, last = found
    if last + 1 < len(after) and _plain_noun(after[last + 1]):
        # "dubbed the “Hanoi Hilton” by American servicemen": a capitalised word describing people unnamed.
        start, end = after[first].start, after[last + 1].end
        mention, last = Mention("unnamed", start, end, text[start:end]), last + 1
    return Cue(after[k], mention, first, last)


def asked_by_cue(before: list[Token], cues: list[Cue], text: str) -> Cue | None:
    """`Sanders was asked by host Bill Maher, “...”`: the agent of a passive asking verb in the quote's
    sentence asks the quoted question; the one asked answers after it. `cues` are the cues `find_cues`
    found in `before`, an asking verb among them with the one asked as its subject (its last token)."""
    start = sentence_start(before, len(before))
    for cue in cues:
        k = cue.last
        if (
            cue.verb.lower in QUESTION_VERBS
            and start < k < len(before) - 1
            and before[k] is cue.verb
            and before[k - 1].lower in PROGRESSIVE
            and before[k + 1].lower == "by"
        ):
            found = _subject_after(before, k + 1, text)
            if found is None or found[0].kind == "pronoun":
                return None
            return Cue(cue.verb, found[0], found[1], found[2])
    return None


def _plain_noun(t: Token) -> bool:
    """Whether a lower-case word after a capitalised one is a noun it describes ("American servicemen"), not a
    word that starts a phrase or clause of its own ("Springsteen after", "the SVP to force")."""
    return (
        t.is_word and t.text.islower() and t.lower not in PHRASE_STARTERS and not t.lower.endswith(("ed", "ing", "ly"))
    )


def _judged_as(tokens: list[Token], noun: int) -> bool:
    """Whether the words after a statement noun call it something: "remarks as", "comments as being"."""
    rest = [t.lower for t in tokens[noun + 1 :]]
    return rest in (["as"], ["as", "being"], ["as", "a"], ["as", "an"])


def _verdict_follows(tokens: list[Token], noun: int) -> bool:
    """ "his comments were “...”", "his remarks were priceless “...”": a few words judging the statement
    (not "her response was: “...”", "his claim is that ...", "the missive was ridiculed for its prediction")."""
    if noun + 1 >= len(tokens) or tokens[noun + 1].lower not in AUXILIARIES:
        return False
    rest = tokens[noun + 2 :]
    return sum(t.is_word for t in rest) <= MAX_VERDICT_WORDS and not any(
        t.lower == "that" or t.text == ":" for t in rest
    )


def subject_cue(tokens: list[Token], text: str) -> Cue | None:
    """For a quote inside a sentence with no speech verb ("Trump called it a “sex tape.”"), the sentence's
    subject when it is a name or a pronoun followed by a verb."""
    found = _prompted_subject(tokens, text) or _clause_subject(tokens, text) or _sentence_subject(tokens, text)
    if found is None:
        return None
    mention, first, last = found
    if last + 1 >= len(tokens) or _writer_closer(tokens, last + 1):
        return None
    verb = tokens[last + 1]
    if (
        verb.lower == "who"
        and mention.kind == "name"
        and not any(t.text in CLAUSE_STOP | {","} for t in tokens[last + 2 :])
    ):
        # "Beck, who has in the past described Trump as “...”": the quote is in the relative clause, whose
        # pronoun stands for the name.
        mention = mention._replace(start=verb.start, end=verb.end, text=verb.text)
    cue = Cue(verb, mention, first, last + 1)
    clause = _subordinate_pronoun(tokens, last + 1)
    if clause is None:
        return cue
    pronoun = Cue(tokens[clause + 1], _pronoun_mention(tokens[clause], text), clause, clause + 1)
    if mention.kind == "name" and _may_mean(cue, pronoun) and bound_subject(tokens[:clause], pronoun, text):
        # "Perez is winning applause as he keeps talking about the “...”": Perez, reported as "he".
        return replace(cue, shown=pronoun.mention)
    # "Christie described Clinton as a “disgrace” after she blamed police shootings on “...”": the subject of
    # the clause the quote is in.
    return pronoun


def _subordinate_pronoun(tokens: list[Token], after: int) -> int | None:
    """The index of the last "he", "she" or "they" after `after` that opens a clause of its own with its verb
    ("after she attacked", "as he keeps talking", "and he has long used"), in the sentence the tokens end."""
    start = max(after, sentence_start(tokens, len(tokens)))
    return next(
        (
            k
            for k in range(len(tokens) - 2, start, -1)
            if tokens[k].lower in {"he", "she", "they"}
            and tokens[k - 1].lower in SUBORDINATE_OPENERS
            and tokens[k + 1].is_word
            and tokens[k + 1].text.islower()
        ),
        None,
    )


def _pronoun_mention(t: Token, text: str) -> Mention:
    return Mention("pronoun", t.start, t.end, text[t.start : t.end], gender=PRONOUNS[t.lower])


def _prompted_subject(tokens: list[Token], text: str) -> "Found | None":
    """The person a sentence's subject moved to act, who does what follows: "That prompted Rubio to make a joke
    about yoga and call Trump “very flexible”"."""
    start = sentence_start(tokens, len(tokens) - 1)
    for k in range(start, len(tokens) - 2):
        if tokens[k].lower not in PROMPTING_VERBS or not tokens[k + 1].is_cap:
            continue
        end = cap_run_end(tokens, k + 1)
        if end < len(tokens) and tokens[end].lower == "to":
            name = parse_run(tokens[k + 1 : end], text)
            if name is not None and name.kind == "name":
                return name, k + 1, end - 1
    return None


def _absolute_subject(tokens: list[Token], text: str) -> "Found | None":
    """The person a closing "with" phrase sets acting, who does what follows: "the campaign has denied it, with
    Lewandowski taking to Twitter to call Fields “totally delusional”"."""
    start = sentence_start(tokens, len(tokens) - 1)
    for k in range(len(tokens) - 3, start, -1):
        if tokens[k].lower != "with" or tokens[k - 1].text != "," or not tokens[k + 1].is_cap:
            continue
        end = cap_run_end(tokens, k + 1)
        acting = end < len(tokens) and tokens[end].lower.endswith("ing") and tokens[end].text.islower()
        name = parse_run(tokens[k + 1 : end], text) if acting else None
        if name is not None and name.kind == "name":
            return name, k + 1, end - 1
        return None
    return None


def _writer_closer(tokens: list[Token], k: int) -> bool:
    """ "She became so upset ... that I had to change my answer: “...”": a clause of the writer's own comes
    between the subject and the quote."""
    return any(
        t.text == "I" and tokens[j + 1].is_word and tokens[j + 1].text.islower() for j, t in enumerate(tokens[k:-1], k)
    )


def _clause_subject(tokens: list[Token], text: str) -> "Found | None":
    """The subject of a clause joined to the sentence after a comma ("Jindal signed an order, while Mike
    Huckabee proposed we “...”"), or one that opens the prose right after a quote (`“Mr. Trump,” while Trump
    refers to the governor as “...”`): the quote is in that clause, not the first one."""
    start = sentence_start(tokens, len(tokens) - 1)
    joint = next(
        (
            k
            for k in range(len(tokens) - 2, start - 1, -1)
            if tokens[k + 1].is_word
            and (
                (k > start and tokens[k].lower in CLAUSE_JOINTS and tokens[k - 1].text in {",", *DASHES})
                or (k == 0 and tokens[k].lower in CONTRASTING_JOINTS)
            )
        ),
        None,
    )
    if joint is None:
        return None
    found = _sentence_subject(tokens[joint + 1 :], text)
    if found is None or found[1] != 0:
        return None
    mention, first, last = found
    return mention, first + joint + 1, last + joint + 1


def sentence_subject(tokens: list[Token], text: str) -> Mention | None:
    """The mention that opens the last sentence in tokens as its subject, read as a sentence that reports
    speech (so "I", "we" and "it" count)."""
    found = _sentence_subject(tokens, text, speaking=True)
    return found[0] if found is not None else None


def _sentence_subject(tokens: list[Token], text: str, speaking: bool = False) -> "Found | None":
    """The name or pronoun that opens the last sentence in tokens, when a lower-case word (its verb) follows.
    "It", "I" and "we" count only when the sentence is known to report speech (`speaking`): "it attacked
    Trump, saying", "I laughed and said"; otherwise "it" is mostly a dummy subject ("It was a “disaster”")
    and "I" the writer's own words."""
    start = _subject_start(tokens, text, speaking)
    if start is None:
        return None
    first = tokens[start]
    bare = first.bare
    contracted = bare.replace("’", "'").split("'")[0]  # "They’re", "You’re", "I’m"
    if contracted == "you" or (contracted in PRONOUNS and bare not in PRONOUNS and not speaking):
        return None
    if contracted in PRONOUNS:
        bare = contracted
    if bare in PRONOUNS and (bare not in {"i", "we", "it"} or speaking):
        following = tokens[start + 1]
        if bare != first.lower or (following.is_word and following.text.islower()):
            end = first.start + len(bare)
            pronoun = Mention("pronoun", first.start, end, text[first.start : end], gender=PRONOUNS[bare])
            return pronoun, start, start
        return None
    if first.lower == "the" and (named := _definite_name(tokens, start, text)) is not None:
        return named
    if _is_possessive_name(first) and start + 1 < len(tokens) and tokens[start + 1].lower in LED_BODIES:
        return _subject_name(tokens, start, text)  # "Cruz's campaign also went on the offensive"
    if first.lower in {"a", "an", "one"} and (doc := _acting_document(tokens, start)) is not None:
        # "a Times article hailed Trump as “...”", "One Club for Growth ad argues that “...”"
        return _description(tokens, start, doc, text)
    if first.lower == "the" and _acting_document(tokens, start) == start + 1:
        # "The piece used one of her quotes as its headline: “...”", "The ad targets a “...”": a document
        # speaking for whoever issued it.
        return _description(tokens, start, start + 1, text)
    if first.lower == "the" or _is_possessive_name(first):
        return _subject_description(tokens, start, text)
    if first.lower in INDEFINITE_OPENERS and speaking:
        # "A spokesman for Platte River declined ... but said", "His office put out a statement saying"
        return _indefinite_subject(tokens, start, text)
    if first.lower in QUANTIFIERS and speaking:
        # "In August, several environmental groups granted ..., saying" (not "Some claims are “false”")
        return _quantified_subject(tokens, start, text)
    if not (first.is_cap and first.is_word):
        return None
    if first.lower in UNNAMED_HEADS and first.lower.endswith("s") and tokens[start + 1].text.islower():
        # "Protesters marching through the streets chanted": people the text does not name.
        return Mention("unnamed", first.start, first.end, first.text), start, start
    return _subject_name(tokens, start, text)


def _subject_start(tokens: list[Token], text: str, speaking: bool) -> int | None:
    """Where the subject of the last sentence in tokens begins, past the dashes, opening participle
    phrases, adverbs and phrases of time or place before it; None when nothing is left for a subject."""
    starts = [0]
    for k, t in enumerate(tokens):
        if t.text in SENTENCE_END:
            starts = [k + 1]
        elif (t.text in {"—", "―", "--"} or (t.text == "–" and text[t.start - 1 : t.start] == " ")) and k + 1 < len(
            tokens
        ):
            # (an en dash counts when spaced: "Washington (AFP) – Democrat ...", not "terrorists–armed"; one
            # right before the quote opens no clause: "She has touted his record—“...”")
            starts.append(k + 1)
    start = starts[-1]
    if len(starts) > 2 and start < len(tokens) and tokens[start].lower in {"and", "but"}:
        # "Grassley downplayed the attack — something that has thrown the GOP into chaos — and said": the
        # aside between the dashes has no subject of its own.
        start = starts[-3]
    # Skip an opening participle phrase: "Horrified at the prospect, Ramos believes ...".
    if start + 1 < len(tokens) and _opens_participle(tokens, start):
        start = _past_comma(tokens, start, before_subject=True) or start
    # Skip an opening adverb: "Then he cut into Bush, calling ...", "First, Donald Trump attacked ...".
    if start + 1 < len(tokens) and tokens[start].lower in OPENING_ADVERBS and tokens[start + 1].is_word:
        start += 1
        if (
            start + 2 < len(tokens)
            and tokens[start].text.islower()
            and tokens[start].lower not in CLAUSE_OPENERS | {"as", "until"}  # ("And although he thanked ...")
            and tokens[start + 1].lower in {"he", "she", "they"}
            and tokens[start + 2].text.islower()
        ):
            start += 1  # "And online he has criticized ...": an adverb of its own before the subject
    elif start + 2 < len(tokens) and tokens[start].lower in SEQUENCE_WORDS and tokens[start + 1].text == ",":
        start += 2
    # Skip opening phrases: "In July, Gingrich dismissed ...", "On Thursday, after remaining neutral, Warren ..."
    for _ in range(MAX_OPENING_PHRASES):
        if not (
            start < len(tokens)
            and (tokens[start].lower in NON_NAME_CAPS or _is_manner_adverb(tokens[start]) or _early_in(tokens, start))
            and tokens[start].lower not in PRONOUNS
            and tokens[start].lower.rstrip(".") not in HONORIFICS  # "Dr. Muhammad Babar pondered ..."
            # ("In August, several groups granted": a counted group that acts is the subject)
            and not (tokens[start].lower in QUANTIFIERS and _quantified_subject(tokens, start, text))
            # ("The Florida senator sought to calm ..., saying": a description, a body or a document that acts is
            # the subject)
            and not (tokens[start].lower == "the" and _acting_definite(tokens, start, text))
            # ("His office put out a statement saying", "A spokesman tried to downplay the comments, saying": an
            # owned or indefinite body or person that acts is the subject)
            and not (
                speaking and tokens[start].lower in INDEFINITE_OPENERS and _indefinite_subject(tokens, start, text)
            )
            and not (tokens[start].lower not in CLAUSE_OPENERS and _names_person(tokens, start))
        ):
            break  # ("Particularly in lower-wage parts of the state, he said": an adverb opens the phrase)
        after = _past_comma(tokens, start)
        if after is None:
            break
        start = after
    if start >= len(tokens) - 1:
        return None
    start = _past_unpunctuated_phrase(tokens, start)
    if tokens[start].is_word and tokens[start].text.islower() and tokens[start].lower not in PRONOUNS:
        # "But back on American soil, he returned to ...": a lower-case phrase before the comma sets the scene.
        start = _pronoun_after_phrase(tokens, start)
    return start


def _definite_name(tokens: list[Token], start: int, text: str) -> "Found | None":
    """The body or place-bound name after "the" at start, when its verb follows: "The United Nations Security
    Council on Friday made ...", "The Blaze's Matt Walsh" (not "the New York businessman said", a
    description)."""
    if start + 1 >= len(tokens) or not tokens[start + 1].is_cap:
        return None
    named = _subject_name(tokens, start + 1, text)
    if named is None or (named[2] + 1 < len(tokens) and tokens[named[2] + 1].lower in DESCRIPTIVE):
        return None
    return named if named[0].is_org or named[0].jurisdiction or named[0].kind == "unnamed" else None


def _acting_definite(tokens: list[Token], start: int, text: str) -> bool:
    """Whether "the" at start opens a subject followed by a verb of action: a description ("The Florida senator
    sought"), a named body ("The Democratic National Convention released", not "The South China Sea has
    become") or a document ("The complaint, which was filed in federal court, alleged")."""
    if _acting_document(tokens, start) == start + 1:
        return True
    found = _subject_description(tokens, start, text) or _definite_name(tokens, start, text)
    if found is None:
        return False
    k = _past_time_or_place(tokens, found[2] + 1)  # "The Sanders campaign on Monday also doubled down"
    return k < len(tokens) and tokens[k].lower not in FUNCTION_WORDS and tokens[k].lower not in PREPOSITIONS


def _acting_document(tokens: list[Token], start: int) -> int | None:
    """The index of the document noun the determiner at start opens, after any capitalised words, when its verb
    follows: "a Times article hailed", "One Club for Growth ad argues", "The piece used"."""
    for k in range(start + 1, min(len(tokens) - 1, start + MAX_DESCRIPTOR_TOKENS)):
        t = tokens[k]
        verb = _past_aside(tokens, k + 1)
        if t.lower in DOCUMENT_NOUNS and verb < len(tokens) and tokens[verb].is_word and tokens[verb].text.islower():
            return k
        if not t.is_cap or not t.is_word:
            return None
    return None


def _pronoun_after_phrase(tokens: list[Token], start: int) -> int:
    """The index of "he" or "she" after the comma closing a phrase at start, when a lower-case word (its
    verb) follows it; else start."""
    after = _past_comma(tokens, start)
    if (
        after is not None
        and after + 1 < len(tokens)
        and tokens[after].lower in {"he", "she"}
        and tokens[after + 1].is_word
        and tokens[after + 1].text.islower()
    ):
        return after
    return start


def _past_comma(tokens: list[Token], start: int, before_subject: bool = False) -> int | None:
    """The index after the comma that closes an opening phrase at start, if one does within 20 tokens; with
    `before_subject`, the first comma a name, a pronoun or "the" follows ("Following a swiftly called,
    late-afternoon meeting, the Security Council ...")."""
    end = min(len(tokens), start + MAX_PHRASE_TOKENS)
    for k in range(start, end):
        if tokens[k].text != "," or _state_follows(tokens, k + 1):
            continue  # ("At a rally in Concord, N.H., Smith said": the state is part of the place)
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            not before_subject
            or following is None
            or following.is_cap
            or following.lower in DETERMINERS
            or following.lower in PRONOUNS
        ):
            return k + 1
    return None


def _state_follows(tokens: list[Token], k: int) -> bool:
    """Whether a state set off by commas starts at k: the ", N.H.," or ", New Hampshire," after a city."""
    if k < len(tokens) and tokens[k].lower in {"new", "north", "south", "west"}:
        k += 1
    return (
        k + 1 < len(tokens)
        and tokens[k].is_cap
        and (tokens[k].lower in STATE_ABBREVIATIONS or tokens[k].lower in US_STATES)
        and tokens[k + 1].text == ","
    )


def _opens_participle(tokens: list[Token], k: int) -> bool:
    """ "Horrified at ...", "Speaking to reporters, ...", "Following a meeting, ...": a capitalised participle
    and a preposition or a determiner."""
    t, after = tokens[k], tokens[k + 1].lower
    if t.is_cap and t.lower.endswith("ing") and tokens[k + 1].text.islower() and after not in SPEECH_VERBS:
        return True  # "Flying home one night in the corporate jet, she vented ..." (not "Browning said")
    return t.is_cap and t.lower.endswith(("ed", "ing")) and (after in PARTICIPLE_PREPOSITIONS or after in DETERMINERS)


def _subject_name(tokens: list[Token], start: int, text: str) -> "Found | None":
    """The capitalised name at start when a lower-case word (its verb) follows it or its appositive."""
    end = cap_run_end(tokens, start)
    # Lower-case title words inside the run: "Clinton campaign manager Robby Mook told ...".
    # "Former prosecutor and New York City Mayor Rudy Giuliani trashed ...": titles joined by "and".
    k = end
    while k < len(tokens) and tokens[k].is_word and not tokens[k].is_cap:
        if tokens[k].lower == "and" and k > end and k + 1 < len(tokens) and tokens[k + 1].is_cap:
            k += 1
            break
        if k > end and k + 1 < len(tokens) and _office_of(tokens, k):
            k += 2  # "Former secretary of state Hillary Rodham Clinton referred to ...": an office with "of"
            continue
        if tokens[k].lower not in TITLE_WORDS:
            break
        k += 1
    if k > end and k < len(tokens) and tokens[k].is_cap and tokens[k].is_word:
        end = cap_run_end(tokens, k)
    k = _past_time_or_place(tokens, _skip_appositive(tokens, end))
    if k >= len(tokens) or not (tokens[k].is_word and tokens[k].text.islower()):
        return None
    if k == end and _modifies(tokens, k):
        # "Sanders supporters are crying “fraud”": the capitalised word describes people left unnamed.
        while start < k - 1 and tokens[start].lower in NON_NAME_CAPS:
            start += 1  # (not "When" in "When Democratic inquisitors are reduced to ...")
        first, last = tokens[start], tokens[k]
        return Mention("unnamed", first.start, last.end, text[first.start : last.end]), start, k
    name = parse_run(tokens[start:end], text)
    if name is not None and name.possessive and name.kind == "name" and tokens[end].lower in LED_BODIES:
        return led_body(name, tokens[end], text), start, end  # "Congressman Trey Gowdy's office slammed ..."
    if name is None or name.possessive or not (name.kind == "name" or _bare_title(name, end - start)):
        return None
    return name, start, k - 1


def _past_time_or_place(tokens: list[Token], k: int) -> int:
    """Past a capitalised time or place at k between a subject and its verb: "The Security Council on Friday
    made ...", "Republicans on Capitol Hill seized on ..."."""
    while k + 1 < len(tokens) and tokens[k].lower in {"on", "in"} and tokens[k + 1].is_cap:
        k = cap_run_end(tokens, k + 1)
    return k


def _modifies(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a plural noun that a verb follows ("immigrants are"), so the capitalised word
    before it is an adjective."""
    noun, verb = tokens[k].lower, tokens[k + 1].lower if k + 1 < len(tokens) else ""
    if noun in UNNAMED_HEADS and noun.endswith("s") and verb.isalpha():
        return True  # "Gulf sources believe", "Clinton aides argue": people the text does not name
    if verb not in AUXILIARIES or len(noun) <= 3:
        return False
    if noun.endswith("s") and not noun.endswith("ss"):
        return True
    # "Human hibernation has been ...": a singular noun too, unless a body or title it heads ("the Trump
    # campaign has", "Clinton aide")
    return tokens[k].is_word and noun not in LED_BODIES and noun not in TITLE_WORDS and noun not in ORG_WORDS


def _bare_title(mention: Mention, words: int) -> bool:
    """ "Dean, a former chairman, poked ...": one capitalised title word as a subject may be a surname."""
    return mention.kind == "description" and words == 1


def _is_possessive_name(t: Token) -> bool:
    return t.is_cap and t.text.endswith(POSSESSIVE)


def _subject_description(tokens: list[Token], start: int, text: str) -> "Found | None":
    """ "The Republican nominee also outlined ...", "Obama's former campaign strategist said": a description
    of someone the article names, opening the sentence."""
    end = _descriptor_end(tokens, start)
    if end >= len(tokens) or end == start + 1:
        return None
    last = end - 1
    end = _past_aside(tokens, end)
    if end == last + 1 and tokens[end].text == ",":
        return _named_after_comma(tokens, end, _description(tokens, start, end - 1, text), text)
    if end >= len(tokens) or not (tokens[end].is_word and tokens[end].text.islower()):
        return None
    found = _description(tokens, start, last, text)
    if found is None or found[0].kind != "description":
        return None
    return found


def _named_after_comma(tokens: list[Token], comma: int, described: "Found | None", text: str) -> "Found | None":
    """ "Trump's Virginia state director, Mike Rubino, reached out": the name a description of a person
    introduces, set off by commas before the verb."""
    if described is None or described[0].kind != "description" or described[0].is_org:
        return None
    close = cap_run_end(tokens, comma + 1)
    if close == comma + 1 or close + 1 >= len(tokens) or tokens[close].text != ",":
        return None
    if not (_starts_predicate(tokens[close + 1]) and tokens[close + 1].is_word):
        return None
    name = parse_run(tokens[comma + 1 : close], text)
    if name is None or name.kind != "name" or name.is_org:
        return None
    if name.title is None:
        name = name._replace(title=described[0].title)
    return name, comma + 1, close - 1


def _past_aside(tokens: list[Token], k: int) -> int:
    """Past a relative clause or a phrase of occasion set off by commas at k ("The complaint, which was filed in
    federal court, alleged", "The Clinton campaign, in a Q&A on the controversy, worded it"), else k."""
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower in ASIDE_OPENERS:
        return _skip_appositive(tokens, k)
    return k


def _descriptor_end(tokens: list[Token], start: int) -> int:
    """End (exclusive) of the capitalised and title words after the determiner at start: "The Florida
    senator", "A spokesman", "The 43-year-old former congressman"."""
    end = start + 1
    if end < len(tokens) and AGE.fullmatch(tokens[end].lower):
        end += 1
    while end < len(tokens) and tokens[end].is_word and (tokens[end].is_cap or tokens[end].lower in DESCRIPTIVE):
        end += 1
    while end < len(tokens) and tokens[end].is_word and tokens[end].lower in ORG_WORDS:
        end += 1  # "The news service pointed to ...", "The Clinton campaign"
    return end


def _indefinite_subject(tokens: list[Token], start: int, text: str) -> "Found | None":
    """ "A spokesman for Platte River declined to comment but said": someone the text does not name."""
    end = _descriptor_end(tokens, start)
    if end == start + 1 and end < len(tokens) and tokens[end].lower in ORG_WORDS:
        end += 1  # "His office", "her campaign"
    if end == start + 1 or end >= len(tokens) or not tokens[end].is_word or tokens[end].is_cap:
        return None
    found = _description(tokens, start, end - 1, text)
    return found if found is not None and found[0].kind in ("unnamed", "description") else None


def _past_unpunctuated_phrase(tokens: list[Token], start: int) -> int:
    """ "On September 27 they published ...": the pronoun after a short opening phrase with no comma."""
    if tokens[start].lower not in PHRASE_PREPOSITIONS:
        return start
    for k in range(start + 1, min(len(tokens) - 1, start + MAX_UNPUNCTUATED_PHRASE)):
        t = tokens[k]
        if not t.is_word:
            return start
        if t.lower in {"he", "she", "they", "we"} and tokens[k + 1].is_word and tokens[k + 1].text.islower():
            return k
    return start


def _quantified_subject(tokens: list[Token], start: int, text: str) -> "Found | None":
    """ "several environmental groups granted ...": people or bodies the text counts but does not name."""
    for k in range(start + 1, min(len(tokens) - 1, start + MAX_DESCRIPTOR_TOKENS)):
        word = tokens[k]
        if not (word.is_word and word.text.islower()):
            return None
        following = tokens[k + 1]
        if word.lower in TIME_UNITS:
            return None  # "Two years before the public learned ...": a time, not a group
        if (
            word.lower.endswith("s")
            and not word.lower.endswith("ss")
            and following.is_word
            and following.text.islower()
        ):
            first = tokens[start].start
            return Mention("unnamed", first, word.end, text[first : word.end]), start, k
    return None


def _names_person(tokens: list[Token], start: int) -> bool:
    """Whether the capitalised run at start holds a known given name: "Rival Hillary Clinton had"."""
    return any(t.lower in GIVEN_NAMES for t in tokens[start + 1 : cap_run_end(tokens, start)])


def _starts_predicate(t: Token) -> bool:
    return t.text.islower() and t.lower not in DETERMINERS and not is_title_word(t)


def _skip_appositive(tokens: list[Token], k: int) -> int:
    """Past a parenthesis and a comma-bounded appositive after a name: "Dean, a former chairman, poked"."""
    if k < len(tokens) and tokens[k].text == "(":
        k = next((j + 1 for j in range(k, min(len(tokens), k + 12)) if tokens[j].text == ")"), k)
    if k + 1 < len(tokens) and tokens[k].text == "," and _starts_predicate(tokens[k + 1]):
        return k + 1  # "Another critic, Laurence H. Tribe, likened": the name closes the appositive
    if k < len(tokens) and tokens[k].text == ",":
        close = next(
            (j for j in range(k + 1, min(len(tokens), k + MAX_APPOSITIVE_TOKENS)) if tokens[j].text == ","), None
        )
        if close is not None:
            return close + 1
    return k


Found = tuple[Mention, int, int]


def _subject_before(tokens: list[Token], v: int, text: str) -> Found | None:
    if (named := _named_in_dashes(tokens, v, text)) is not None:
        return named
    i = _skip_back(tokens, v - 1)
    if i < 0:
        return None
    t = tokens[i]
    bare = t.lower.replace("’", "'").split("'")[0]
    if bare in PRONOUNS and t.is_word:
        # "she said", "He's claiming": the pronoun, without its contraction.
        return Mention("pronoun", t.start, t.start + len(bare), t.text[: len(bare)], gender=PRONOUNS[bare]), i, i
    if t.text == ",":
        return _appositive_subject(tokens, i, text) or _relative_clause_subject(tokens, i, text)
    if t.lower in {"who", "which"} and i > 0 and tokens[i - 1].text == ",":
        # "McConnell, now the Senate majority leader, who said": the name the relative clause follows.
        before = tokens[i - 2] if i > 1 else None
        if before is not None and before.is_cap and before.is_word:
            found = _named_back(tokens, i - 2, text)
        else:
            found = _appositive_subject(tokens, i - 1, text)
        return _relative(found, t, i)
    if t.lower in {"who", "which"} and i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word:
        # "the Chicago Police Department which reported": the name right before the relative pronoun.
        return _relative(_named_back(tokens, i - 1, text), t, i)
    if t.lower in {"who", "that"} and i > 0 and tokens[i - 1].is_word and tokens[i - 1].text.islower():
        # "They met a lawyer who said", "critics that say": the people (or body) the clause follows. A
        # document's words are its issuer's ("The city issued a statement that said") and a thing's its
        # holder's ("Smith waved a sign that read").
        noun = tokens[i - 1].lower
        if noun in DOCUMENT_NOUNS or noun in INDEFINITE_PRONOUNS:
            return None  # ("For someone who conceded ..., Clinton had": whom the sentence goes on to name)
        described = _description_back(tokens, i - 1, text)
        if t.lower == "that" and noun not in UNNAMED_HEADS | DESCRIPTIVE and not (described and described[0].is_org):
            return None
        if described is not None and described[0].kind != "pronoun":
            return described[0]._replace(start=t.start, end=t.end, text=t.text), i, i
        return Mention("unnamed", t.start, t.end, t.text), i, i
    if t.lower in STANDALONE_DETERMINERS and _opens_sentence(tokens, i):
        return Mention("unnamed", t.start, t.end, t.text), i, i  # "Another said he hoped ...", ",” another said"
    if t.is_cap and t.is_word:
        named = _named_back(tokens, i, text)
        if (
            named is not None
            and named[1] == i  # (a one-word place: not "envoy to Ukraine Kurt Volker said")
            and named[1] > 1
            and (
                tokens[named[1] - 1].lower == "to"
                # ("The senator from Vermont said"; not "a letter from Clinton said", whose author speaks)
                or (tokens[named[1] - 1].lower == "from" and tokens[named[1] - 2].bare in DESCRIPTIVE | UNNAMED_HEADS)
            )
            and tokens[named[1] - 2].is_word
        ):
            # "China's ambassador to Britain accused ...": the place the description names, not who speaks.
            return _description_back(tokens, named[1] - 2, text) if tokens[named[1] - 2].text.islower() else None
        if named is not None and _object_of_participle(tokens, named[1]):
            # "Another intelligence source speaking to Fox News said": whom the speaker spoke to.
            k = named[1] - 3
            return _description_back(tokens, k, text) if k >= 0 and tokens[k].text.islower() else None
        if named is None and t.lower in UNNAMED_HEADS:
            return Mention("unnamed", t.start, t.end, t.text, title=t.lower), i, i  # "Officials said"
        if named is None and t.lower in PARTY_MEMBERS:
            return _party_member(tokens, i, text)  # "one senior Democrat said"
        return named
    if t.is_word and t.text.islower():
        return _description_back(tokens, i, text) or _relative_clause_subject(tokens, i, text)
    return None


def _named_in_dashes(tokens: list[Token], v: int, text: str) -> Found | None:
    """ "A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama -- said":
    the person an aside between dashes names right after a description."""
    dash = tokens[v - 1].text if v > 0 else ""
    if dash not in {"—", "―", "--"}:
        return None
    opening = next((k for k in range(v - 2, max(-1, v - MAX_APPOSITIVE_TOKENS), -1) if tokens[k].text == dash), None)
    if opening is None or opening == 0 or not (tokens[opening - 1].is_word and tokens[opening - 1].text.islower()):
        return None
    described = _description_back(tokens, opening - 1, text)
    if described is None or not _before_cap(tokens, opening + 1):
        return None
    end = cap_run_end(tokens, opening + 1)
    name = parse_run(tokens[opening + 1 : end], text)
    if name is None or name.kind != "name" or name.is_org or " " not in (name.name or ""):
        return None
    title = name.title or text[tokens[described[1] + 1].start : tokens[opening - 1].end]
    return name._replace(title=title), described[1], v - 1


def _party_member(tokens: list[Token], i: int, text: str) -> Found | None:
    """ "one senior Democrat", "a Republican": a party member the article does not name."""
    j = i - 1
    while j >= 0 and i - j <= MAX_DESCRIPTOR_TOKENS and tokens[j].is_word and tokens[j].text.islower():
        if tokens[j].lower in DETERMINERS:
            if tokens[j].lower == "the" or tokens[j].lower in DEMONSTRATIVES | POSSESSIVE_PRONOUNS:
                return None  # "the Republican said": someone the article names
            start = tokens[j].start
            return Mention("unnamed", start, tokens[i].end, text[start : tokens[i].end]), j, i
        j -= 1
    return None


def _determiner_before(tokens: list[Token], start: int) -> int:
    """The index of the word before the capitalised run starting at `start`, or of its first word when that
    is a determiner opening the sentence ("One Iowa Democrat")."""
    opens = start == 0 or not tokens[start - 1].is_word  # (not "advocacy group One Nation")
    return start if opens and tokens[start].lower in INDEFINITE_DETERMINERS else start - 1


def _unnamed_member(tokens: list[Token], first: int, last: int, text: str, party_only: bool = False) -> Found | None:
    """ "Another Muslim", "another New Hampshire Republican", "one Iowa Democrat": one of a group, whom the
    article does not name (tokens[first] the determiner, tokens[last] the group's word: a party word when the
    run is longer than one word, or with `party_only`)."""
    if first < 0 or tokens[first].lower not in INDEFINITE_DETERMINERS:
        return None
    if tokens[last].lower not in SINGLE_MEMBERS and (party_only or last - first > 1):
        return None
    if not all(t.is_cap and t.is_word for t in tokens[first + 1 : last + 1]):
        return None
    start, end = tokens[first].start, tokens[last].end
    return Mention("unnamed", start, end, text[start:end]), first, last


def _object_of_participle(tokens: list[Token], first: int) -> bool:
    """Whether the name starting at tokens[first] follows "speaking to", "writing for", ...."""
    return (
        first > 1
        and tokens[first - 1].lower in OBJECT_PREPOSITIONS
        and tokens[first - 2].lower.endswith("ing")
        and not tokens[first - 2].is_cap
    )


def _relative_clause_subject(tokens: list[Token], i: int, text: str) -> Found | None:
    """`A Warren adviser, who spoke on the condition of anonymity, said`, `a White House official who spoke
    anonymously said`: the subject a relative clause (or a participle phrase) ending at tokens[i] describes."""
    start = sentence_start(tokens, i)
    w = next(
        (
            k
            for k in range(i - 1, max(start, i - MAX_APPOSITIVE_TOKENS), -1)
            if tokens[k].lower == "who" or _participle_set_off(tokens, k)
        ),
        None,
    )
    if w is not None and tokens[w].lower == "who" and tokens[w - 1].lower == "and":
        # "Another Muslim who worshiped here and who didn't want to be named said": two clauses, one subject.
        w = next((k for k in range(w - 2, max(start, w - MAX_APPOSITIVE_TOKENS), -1) if tokens[k].lower == "who"), w)
    if w is None or w == start:
        return None
    set_off = tokens[w - 1].text == ","
    inside = tokens[w + 1 : i]
    # A clause set off by commas closes with one right before the verb; one without commas has none.
    if set_off != (tokens[i].text == ",") or any(t.text in CLAUSE_STOP | DASHES | {","} for t in inside):
        return None
    end = w - 2 if set_off else w - 1
    if end < start or not tokens[end].is_word:
        return None
    found = _named_back(tokens, end, text) if tokens[end].is_cap else _description_back(tokens, end, text)
    if found is None or found[1] < start or found[0].kind == "pronoun":
        return None
    if tokens[w].lower != "who" and found[1] != start:
        return None  # (a participle phrase follows the sentence's subject, not some object)
    return found[0], found[1], i


def _participle_set_off(tokens: list[Token], k: int) -> bool:
    """ "An Israeli official, speaking on the condition of anonymity, said": a participle opening a phrase
    set off by commas after the subject."""
    t = tokens[k]
    return k > 0 and tokens[k - 1].text == "," and t.lower.endswith("ing") and t.text.islower()


def _relative(found: "Found | None", pronoun: Token, i: int) -> "Found | None":
    """The relative pronoun as the mention of the name it follows: "who" in "McConnell, ..., who said"."""
    if found is None or found[0].kind != "name":
        return None
    return found[0]._replace(start=pronoun.start, end=pronoun.end, text=pronoun.text), i, i


def _skip_back(tokens: list[Token], i: int) -> int:
    """Step back over adverbs and a parenthesis ("Rep. Gwen Moore (D-Wis.) said") before a verb."""
    while i >= 0:
        t = tokens[i]
        if not t.is_cap and (t.lower in ADVERBS or _is_manner_adverb(t)):
            i -= 1
        elif i > 0 and tokens[i - 1].lower in {"in", "on"} and (t.text.isdigit() or t.lower in NON_NAME_CAPS):
            i -= 2  # "who in 2010 said", "Trump on Monday said": a time before the verb
        elif t.lower in TIME_WORDS and i > 0 and tokens[i - 1].lower in {"later", "earlier"}:
            i -= 2  # "Priebus later Thursday told Fox News"
        elif t.lower == "ago":
            # "The State Department less than two weeks ago said": a time before the verb
            k = i - 1
            while k >= 0 and i - k <= MAX_AGO_WORDS and not tokens[k].is_cap and tokens[k].is_word:
                k -= 1
            i = k
        elif t.text == ")":
            opening = next((k for k in range(i - 1, max(-1, i - 12), -1) if tokens[k].text == "("), None)
            if opening is None:
                return i
            i = opening - 1
        elif t.text == "," and i > 1 and tokens[i - 1].lower in ASIDES and tokens[i - 2].text == ",":
            i -= 3  # "The two lawmakers, however, argue that"
        elif (
            t.text == ","
            and i > 2
            and (tokens[i - 2].lower, tokens[i - 1].lower) in TWO_WORD_ASIDES
            and tokens[i - 3].text == ","
        ):
            i -= 4  # "Ayotte's campaign, for example, said"
        elif (phrase := _phrase_before_verb(tokens, i)) is not None:
            i = phrase - 1  # "Trump in his announcement speech called ...": where, not who
        elif t.text == "," and (opening := _relative_clause_opening(tokens, i)) is not None:
            i = opening - 1  # "One Club for Growth ad, which is currently airing, argues": the ad argues
        elif t.text in {"—", "―", "--"}:
            # "Gingrich — mentioned by Newsmax as the leading choice — told Bill O'Reilly": an aside.
            opening = next(
                (k for k in range(i - 1, max(-1, i - MAX_APPOSITIVE_TOKENS), -1) if tokens[k].text == t.text), None
            )
            if opening is None or opening == 0 or not tokens[opening - 1].is_word:
                return i
            i = opening - 1
        else:
            return i
    return i


def _relative_clause_opening(tokens: list[Token], close: int) -> int | None:
    """The comma opening a "which" or "who" clause, or a participle phrase, that the comma at close ends, after
    a lower-case noun: "ad, which is currently airing,", "The report, released Monday by the inspector
    general,"."""
    for k in range(close - 1, max(0, close - MAX_APPOSITIVE_TOKENS), -1):
        if tokens[k].text in CLAUSE_STOP or (tokens[k].text == "," and not _opens_set_off_clause(tokens, k)):
            return None
        if tokens[k].text == "," and tokens[k - 1].is_word and tokens[k - 1].text.islower():
            return k
    return None


def _opens_set_off_clause(tokens: list[Token], comma: int) -> bool:
    """Whether the comma at `comma` opens a clause set off between a subject and its verb: a relative pronoun,
    or a participle after a short subject opening the sentence ("The report, released Monday, says", "The
    memo, written by aides, says"; not "That would create ... for Clinton, forcing her to ..., said Bannon",
    where the participle follows a clause)."""
    t = tokens[comma + 1]
    if t.lower in {"which", "who"}:
        return True
    if not (t.text.islower() and (t.lower.endswith(("ed", "ing")) or t.lower in IRREGULAR_PARTICIPLES)):
        return False
    start = sentence_start(tokens, comma)
    return tokens[start].lower in DETERMINERS and comma - start <= MAX_SET_OFF_SUBJECT_WORDS


def _phrase_before_verb(tokens: list[Token], i: int) -> int | None:
    """The start of a short phrase of place or occasion ending at i, between a name and its verb: "Trump in
    his announcement speech called", "Warren at a Boston rally said"."""
    if not tokens[i].text.islower():
        return None
    k = i
    while k >= 0 and i - k < MAX_OCCASION_WORDS and tokens[k].is_word:
        if tokens[k].lower in DETERMINERS or tokens[k].lower in POSSESSIVE_PRONOUNS:
            break
        k -= 1
    if k < 2 or k == i or not (tokens[k].lower in DETERMINERS or tokens[k].lower in POSSESSIVE_PRONOUNS):
        return None
    preposition, name = tokens[k - 1], tokens[k - 2]
    if preposition.lower not in OCCASION_PREPOSITIONS or not (name.is_cap and name.is_word):
        return None
    return k - 1


def _is_manner_adverb(t: Token) -> bool:
    """ "forcefully", "sharply": an -ly word long enough not to be a noun like "rally" or "ally"."""
    return t.is_word and len(t.lower) > 6 and t.lower.endswith("ly") and t.lower not in NOT_ADVERBS


def _office_of(tokens: list[Token], k: int) -> bool:
    """Whether "of" at k joins a title word to the lower-case word naming its office: "secretary of state"."""
    return tokens[k].lower == "of" and k > 0 and tokens[k - 1].lower in TITLE_WORDS and tokens[k + 1].text.islower()


def _named_back(tokens: list[Token], i: int, text: str) -> Found | None:
    name_start = s = cap_run_start(tokens, i)
    # Lower-case title words before the name belong to it: "Republican presidential nominee Donald Trump",
    # as does an office named with "of": "former secretary of state Hillary Clinton".
    while (
        s > 0
        and tokens[s - 1].is_word
        and (tokens[s - 1].lower in TITLE_WORDS or tokens[s - 1].is_cap or _office_of(tokens, s - 1))
    ):
        s -= 1
    if not any(is_title_word(t) for t in tokens[s:name_start]):
        s = name_start  # "secretary of state Hillary Clinton": "state" alone is no title
    speaking = i + 1 < len(tokens) and tokens[i + 1].lower in SPEECH_VERBS
    closing = speaking and (i + 2 == len(tokens) or tokens[i + 2].text in {".", ","})
    mention = parse_run(tokens[s : i + 1], text, speaking=speaking, closing=closing)
    if mention is None:
        return None
    if mention.kind == "name" and (member := _unnamed_member(tokens, _determiner_before(tokens, name_start), i, text)):
        return member  # "Another Muslim who worshiped there said", "one Iowa Democrat said": not a name
    if s > 0 and tokens[s - 1].lower == "the":
        s -= 1
    # "Mr. Morgan of the Sierra Club said", "Archbishop Aris Shirvanian of the Armenian Patriarchate told": the
    # person, not the body they belong to.
    of_body = mention.is_org or (tokens[s].lower == "the" and not mention.gender and mention.title is None)
    if of_body and s > 1 and tokens[s - 1].lower == "of" and tokens[s - 2].is_cap:
        person = _named_back(tokens, s - 2, text)
        if person is not None and not person[0].is_org:
            return person[0], person[1], i
    # "a spokesperson for ICE said", "Officials at Homeland Security Investigations said": someone
    # unnamed who speaks for the body.
    # "Supporters of Sanders would argue": the people, not the one they support.
    link = s - 1
    if link > 1 and tokens[link].text.islower() and tokens[link].is_word and tokens[link - 1].lower in LINKS:
        link -= 1  # "a spokesman for committee Democrats said"
    if link > 0 and tokens[link].lower in LINKS:
        head = tokens[link - 1]
        if head.lower in UNNAMED_HEADS:
            first = link - 2 if link > 1 and tokens[link - 2].lower in DETERMINERS else link - 1
            start, end = tokens[first].start, tokens[i].end
            if first > 1 and tokens[first - 1].text == "," and tokens[first - 2].is_cap and tokens[first - 2].is_word:
                # "Doug Andres, a spokesman for House Speaker Paul Ryan told the Post": the spokesman named.
                named = _named_back(tokens, first - 2, text)
                if named is not None and named[0].kind == "name" and not named[0].is_org:
                    title = text[head.start : end]
                    return named[0]._replace(title=named[0].title or title), named[1], i
            body = mention.name if mention.is_org else None
            unnamed = Mention("unnamed", start, end, text[start:end], title=head.lower, jurisdiction=body)
            return unnamed, first, i
    return mention, s, i


def _appositive_subject(tokens: list[Token], comma: int, text: str) -> Found | None:
    """`Chiu, the city attorney, said`: the name before one or more appositives.

    A name that opens the clause wins over names inside the appositives ("Scott Pruitt, the attorney
    general of Oklahoma, one of the states suing, said").
    """
    # "His former business partner at Lenox, Lawrence B. Cummings, called": the name set off by the
    # commas is the subject the description before it introduces.
    # "Scott's niece, state Del. Marcia Price (D-Newport News), shouted": a party label may close the name.
    name_end = _skip_back(tokens, comma - 1) if comma > 0 and tokens[comma - 1].text == ")" else comma - 1
    if name_end >= 0 and tokens[name_end].is_cap:
        inner = _named_back(tokens, name_end, text)
        full_name = (
            inner is not None and inner[0].kind == "name" and not inner[0].is_org and " " in (inner[0].name or "")
        )
        start = inner[1] if inner is not None else 0
        while start > 0 and tokens[start - 1].lower in TITLE_WORDS and not tokens[start - 1].is_cap:
            start -= 1  # "state Del. Marcia Price"
        if inner is not None and full_name and name_end < comma - 1 and start == sentence_start(tokens, start):
            return inner[0], start, comma  # "Marcia Price (D-Newport News), shouted"
        if inner is not None and full_name and start > 0 and tokens[start - 1].text == ",":
            clause_start = sentence_start(tokens, start - 1)
            clause = tokens[clause_start : start - 1]
            if any(t.is_word and t.text.islower() for t in clause):
                mention = inner[0]
                words = clause[1:] if clause[0].lower in DETERMINERS | POSSESSIVE_PRONOUNS else clause
                if mention.title is None and any(is_title_word(t) for t in words):
                    mention = mention._replace(title=" ".join(t.text for t in words))
                return mention, clause_start, comma
    candidates: list[tuple[Found, int]] = []
    for j in range(comma - 1, max(-1, comma - MAX_APPOSITIVE_TOKENS), -1):
        t = tokens[j]
        if t.text in CLAUSE_STOP:
            break
        if t.text == "," and j > 0:
            name_end = _skip_back(tokens, j - 1)
            if name_end < 0 or not (tokens[name_end].is_cap and tokens[name_end].is_word):
                continue
            found = _named_back(tokens, name_end, text)
            if found is not None and found[0].kind in ("name", "unnamed"):
                candidates.append((found, j))
    if not candidates:
        return None
    opening = [
        c
        for c in candidates
        if (c[0][1] == 0 or tokens[c[0][1] - 1].text in CLAUSE_STOP | {","})
        and tokens[c[0][1]].lower not in OPENING_PREPOSITIONS  # (not "Of Carson, Levine ... said")
    ]
    (mention, s, _), j = (opening or candidates)[-1 if opening else 0]
    if s > 1 and tokens[s - 1].lower in PLACE_OF and tokens[s - 2].is_word and tokens[s - 2].text.islower():
        # "A woman in Worcester, Massachusetts, told him": the place says where the person described is from.
        described = _description_back(tokens, s - 2, text)
        return (described[0], described[1], comma) if described is not None else None
    title = appositive_title(tokens, j)
    if title and not mention.title:
        mention = mention._replace(title=title)
    return mention, s, comma


def _description_back(tokens: list[Token], i: int, text: str) -> Found | None:
    """`a spokesperson for the campaign said`, `the mayor said`, `officials said`."""
    if i > 1 and tokens[i - 1].lower == "of" and tokens[i].lower in COUNTS:
        i -= 2  # "the 34-year-old mother of three replied": the mother
    head = tokens[i]
    j = i
    det = None
    owner: int | None = None  # the noun a phrase like "at the agency" follows
    while j >= 0 and i - j < MAX_DESCRIPTION_TOKENS:
        t = tokens[j]
        if not t.is_word:
            return _share(tokens, j, i, text)
        if t.lower == "what" and j < i and head.lower.endswith("s") and not head.lower.endswith("ss"):
            # "what former employees have called a “fraudulent scheme”": people the text does not name.
            start = tokens[j + 1].start
            return Mention("unnamed", start, head.end, text[start : head.end]), j + 1, i
        if t.lower in DETERMINERS or t.lower in {"my", "our", "your"} or _is_possessive_name(t):
            if j > 0 and tokens[j - 1].lower in PREPOSITIONS:
                j -= 2
                owner = j if owner is None else owner
                continue
            if j > 0 and tokens[j - 1].lower in PLACE_PREPOSITIONS:
                return None  # "Protesters marching through the streets chanted": a place, not who
            det = j
            break
        j -= 1
    if det == i and i > 0 and tokens[i].lower in COUNTS and tokens[i - 1].lower == "the":
        det = i - 1  # "“...,” the two write": the people the article counted
    if det is None and (share := _share(tokens, j, i, text)) is not None:
        return share
    if det is None:
        # "officials said", "federal prosecutors wrote", "officials at the agency said"
        k = owner if owner is not None and i - owner <= MAX_OWNED_PHRASE and head.lower not in FUNCTION_WORDS else i
        noun = tokens[k].lower if k >= 0 else ""
        plural = noun.endswith("s") and (noun in UNNAMED_HEADS or noun[:-1] in TITLE_HEADS)
        if plural and k - j < 3:
            start = tokens[k].start
            return Mention("unnamed", start, head.end, text[start : head.end]), k, i
        return None
    return _description(tokens, det, i, text)


def _share(tokens: list[Token], j: int, i: int, text: str) -> Found | None:
    """ "Only 52 percent of registered voters agreed", "63 percent said": a share of the people polled,
    ending at tokens[i] and starting after tokens[j]."""
    share = next((k for k in range(i, j, -1) if tokens[k].lower in {"percent", "%"}), None)
    if share is None or share - 1 <= j or not tokens[share - 1].text[:1].isdigit():
        return None
    start, end = tokens[share - 1].start, tokens[i].end
    return Mention("unnamed", start, end, text[start:end]), share - 1, i


def _description(tokens: list[Token], det: int, last: int, text: str) -> Found | None:
    if _is_possessive_name(tokens[det]) and tokens[last].lower in DOCUMENT_NOUNS:
        det = cap_run_start(tokens, det)  # "Ivana Trump's brief said": the whole owner's name
    words = tokens[det : last + 1]
    if len(words) == 2 and words[0].lower in DEMONSTRATIVES and words[1].lower in UNNAMED_HEADS:
        return Mention("unnamed", words[0].start, words[1].end, text[words[0].start : words[1].end]), det, last
    if len(words) < 2 or any(w.lower in FUNCTION_WORDS and not _joins_titles(words, k) for k, w in enumerate(words)):
        return None  # "concluded his comments": a determiner alone names nobody (but "this source" is someone)
    start, end = words[0].start, words[-1].end
    heads = [w.lower for w in words[1:]]
    phrase = text[start:end]
    first_head = next(
        (h for h in heads if h in UNNAMED_HEADS or h in TITLE_HEADS or h in ORG_WORDS or h in PERSON_NOUNS), None
    )
    definite = tokens[det].lower == "the" or _is_possessive_name(tokens[det])
    if first_head is None:
        if tokens[det].lower in POSSESSIVE_PRONOUNS and any(h in PREPOSITIONS for h in heads):
            return None  # "his series of early-morning tweets": the speech word is a noun
        # "The clip says", "the ad's narrator says": a speaker the text does not name.
        return Mention("unnamed", start, end, phrase), det, last
    if definite and (first_head in TITLE_HEADS or first_head in PERSON_NOUNS or heads[-1] in TITLE_HEADS):
        # "the mayor", "Obama's former campaign strategist": someone the article names.
        title_words = [w.text for w in words[1:] if w.lower in TITLE_WORDS] or [words[-1].text]
        states = [
            w.text
            for k, w in enumerate(words[1:], 1)
            if w.lower in US_STATES
            or (k + 1 < len(words) and w.lower in PLACE_WORDS and words[k + 1].lower in US_STATES)
        ]
        if states and len(words) - len(states) > 1:
            # "the Florida senator": the state tells them apart from the senator from Vermont.
            title_words = [w.text for w in words[1:] if w.text in title_words or w.text in states]
        return Mention("description", start, end, phrase, title=" ".join(title_words)), det, last
    body = heads[heads.index(first_head) :]
    if definite and len(heads) <= 2 and all(h in ORG_WORDS for h in body):
        # "the commission said", "the news service pointed to": the body the article has been writing about.
        return Mention("description", start, end, phrase, title=words[-1].lower, is_org=True), det, last
    return Mention("unnamed", start, end, phrase), det, last


def _joins_titles(words: list[Token], k: int) -> bool:
    """ "the former secretary of state and current Democratic presidential nominee", "the former first lady
    and U.S. senator": "and" between titles (a place may open the second)."""
    if words[k].lower != "and" or not 0 < k < len(words) - 1 or words[k - 1].lower not in TITLE_WORDS | {"state"}:
        return False
    n = k + 1
    while n < len(words) - 1 and words[n].is_cap and words[n].lower not in TITLE_WORDS:
        n += 1
    return words[n].lower in TITLE_WORDS


def _before_cap(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].is_cap and tokens[k].is_word


def _before_descriptor(tokens: list[Token], k: int) -> bool:
    t = tokens[k] if k < len(tokens) else None
    return (
        t is not None
        and t.is_word
        and t.text.islower()
        and t.lower not in FUNCTION_WORDS | DETERMINERS | PREPOSITIONS
        and not t.lower.endswith(("ing", "ed"))
    )


def _joins_descriptor_nouns(tokens: list[Token], i: int, k: int) -> bool:
    """Whether "of" at k joins two lower-case nouns of a description that began at i."""
    return k > i and k + 1 < len(tokens) and tokens[k + 1].text.islower() and tokens[k + 1].lower not in DETERMINERS


def _described_name_after(tokens: list[Token], i: int, text: str) -> Found | None:
    """`said 9/11 widow Terry Strada`, `according to conservative talk radio host Rush Limbaugh`: a few
    lower-case words describing the person whose full name follows."""
    k = i
    while k < len(tokens) and k - i < MAX_DESCRIPTOR_TOKENS:
        t = tokens[k]
        if t.is_cap:
            if t.is_word and _before_descriptor(tokens, k + 1):
                # "undecided Republican voter Stephanie Hooton", "Concord resident Whit Symms": a capitalised
                # word describing
                k += 1
                continue
            break
        if t.lower == "of" and _joins_descriptor_nouns(tokens, i, k):
            k += 1  # "said master of ceremonies Asab Al-Tabchi"
            continue
        if t.is_word and (
            t.lower in FUNCTION_WORDS
            or t.lower in DETERMINERS
            or t.lower in PREPOSITIONS
            # "tweets targeting Alicia Machado": a verb, not a descriptor (but "retired neurosurgeon Ben Carson",
            # "undecided Republican voter Stephanie Hooton")
            or (t.lower.endswith("ing") and not _before_descriptor(tokens, k + 1))
            or (t.lower.endswith("ed") and not (_before_descriptor(tokens, k + 1) or _before_cap(tokens, k + 1)))
        ):
            return None
        if not t.is_word and t.text not in {"/", "-"}:
            return None
        k += 1
    if k == i or k >= len(tokens) or not tokens[k].is_word:
        return None
    end = cap_run_end(tokens, k)
    mention = parse_run(tokens[k:end], text)
    if mention is None or mention.kind != "name" or mention.is_org or mention.name is None:
        return None
    if len(mention.name.split()) < 2 or not any(is_title_word(t) or t.lower.isalpha() for t in tokens[i:k]):
        return None
    descriptor = text[tokens[i].start : tokens[k - 1].end]
    title = f"{descriptor} {mention.title}" if mention.title else descriptor
    return mention._replace(title=title), i, end - 1


def _subject_after(tokens: list[Token], v: int, text: str) -> Found | None:
    """The speaker phrase after the speech verb at v: "said Sen. Ann Cole", "said he", "said one of those
    advisers", "said the 46-year-old"."""
    i = v + 1
    if i >= len(tokens):
        return None
    if AGE.fullmatch(tokens[i].lower) and i + 1 < len(tokens) and tokens[i + 1].is_cap:
        i += 1  # "wrote 43-year-old Martin Taylor": the age before the name
    t = tokens[i]
    if t.lower in DEMONSTRATIVES or tokens[v].lower in OBJECT_VERBS:
        return None  # "said that Trump ...": what was said; "called the system ...": its object
    if t.lower in PRONOUNS and t.is_word and t.lower != "it":
        return _pronoun_mention(t, text), i, i
    if (
        t.lower == "one"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "of"
        and (v == 0 or tokens[v - 1].text == ",")
    ):
        # "“...,” said one of those advisers", "said one of Obama's aides": someone unnamed.
        k = i + 3 if tokens[i + 2].lower in DETERMINERS or _is_possessive_name(tokens[i + 2]) else i + 2
        while k < len(tokens) and k - i <= MAX_DESCRIPTOR_TOKENS and _describes_speaker(tokens[k]):
            k += 1
        return _description(tokens, i, k - 1, text)
    k = _speaker_phrase_end(tokens, i)
    if k == i:
        return _described_name_after(tokens, i, text)
    if k < len(tokens) and tokens[k].lower in AUXILIARIES:
        return None  # "said the Republican party is bound to lose": the subject of what was said
    words = tokens[i:k]
    if (
        any(w.is_cap for w in words[1:] if w.lower not in TITLE_WORDS)
        or (words[0].is_cap and len(words) == 1)
        or (len(words) == 2 and words[0].lower in GIVEN_NAMES)  # "said Lawrence White": a surname like a title
    ):
        return _named_subject_after(tokens, i, k, text)
    if words[0].lower in DETERMINERS:
        return _determined_subject_after(tokens, v, i, k, text)
    if k < len(tokens) and tokens[k].is_word and tokens[k].text.islower():
        return _described_name_after(tokens, i, text)  # "said retired neurosurgeon Ben Carson"
    return None


def _speaker_phrase_end(tokens: list[Token], i: int) -> int:
    """The end of the capitalised, title and determiner words from i that may name a speaker after the verb,
    across the connectors of names and titles ("Department of Justice", "secretary of state")."""
    k = i
    while k < len(tokens) and k - i < 14:
        w = tokens[k]
        if (
            not w.is_word
            or (not w.is_cap and w.lower not in TITLE_WORDS and w.lower not in DETERMINERS)
            or (k > i and w.lower == "that")  # ("said Wednesday that Netanyahu will": what was said)
        ):
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if w.lower in {"of", "for", "de", "and", "&"} and following is not None and following.is_cap:
                k += 1
                continue
            if w.is_word and w.text.islower() and following is not None and following.lower in TITLE_HEADS:
                k += 1  # "the event organizer Alliance ...": a word compounded with the title
                continue
            if w.lower == "of" and following is not None and following.lower in TITLE_WORDS:
                k += 1  # "said former secretary of state Hillary Clinton"
                continue
            break
        k += 1
    return k


def _named_subject_after(tokens: list[Token], i: int, k: int, text: str) -> Found | None:
    """A speaker phrase after the verb with capitalised words: a name with its title, or someone it
    describes ("said Concord resident Whit Symms", "said a German diplomat")."""
    words = tokens[i:k]
    if (member := _unnamed_member(tokens, i, k - 1, text, party_only=True)) is not None:
        return member  # "“...,” added another New Hampshire Republican"
    if _before_descriptor(tokens, k) and (described := _described_name_after(tokens, i, text)) is not None:
        return described  # "said Concord resident Whit Symms": the place describes the person named next
    if words[0].lower in INDEFINITE_DETERMINERS and _before_descriptor(tokens, k):
        # "said a German diplomat", "said one Syrian refugee living in Berlin": capitalised words describing
        # someone the article does not name
        while k < len(tokens) and _before_descriptor(tokens, k):
            k += 1
        return _description(tokens, i, k - 1, text)
    mention = parse_run(words, text)
    if mention is None and words[0].lower in DETERMINERS:
        return _description(tokens, i, k - 1, text)  # "according to the Trump campaign"
    if mention is None or (mention.possessive and len(words) == 1):
        return None  # ("and said Stevens's rescue was a priority": whose rescue, not who said it)
    title = appositive_title(tokens, k)
    if title and not mention.title:
        mention = mention._replace(title=title)
    return mention, i, k - 1


def _determined_subject_after(tokens: list[Token], v: int, i: int, k: int, text: str) -> Found | None:
    """A speaker phrase after the verb opened by a determiner: "said the 46-year-old", "says a narrator",
    "according to the newspaper"; not the subject of what was said ("said the president “offered ...”")."""
    t = tokens[i]
    after_quote = v == 0 or tokens[v - 1].text == ","
    if (
        tokens[v].lower != "to"
        and not after_quote
        and (k == len(tokens) or (tokens[k].is_word and tokens[k].text.islower() and tokens[k].lower != "of"))
    ):
        # "-- said the president “offered no changes”", "said the US decision did “...”": the subject of what
        # was said
        return None
    inverted = t.lower in INVERTED_DETERMINERS and after_quote
    if k == i + 1 and (inverted or tokens[v].lower == "to"):
        # "“...,” said the 46-year-old", "says a narrator", "said one unaligned Florida Republican
        # strategist": after a quote, the verb's inverted subject; "according to the newspaper".
        while k < len(tokens) and k - i <= MAX_DESCRIPTOR_TOKENS and _describes_speaker(tokens[k]):
            k += 1
        if k == i + 1 and t.lower in {"one", "another"} and (k == len(tokens) or tokens[k].text in {".", ","}):
            return Mention("unnamed", t.start, t.end, t.text), i, i  # `“...,” read one.`
    if k < len(tokens) and (tokens[k].lower in AUXILIARIES or tokens[k].lower in CLAUSE_LINKS):
        return None  # "said the days when the nation had ... are gone": the subject of what was said
    return _named_after_description(tokens, k, text) or _description(tokens, i, k - 1, text)


def _named_after_description(tokens: list[Token], k: int, text: str) -> Found | None:
    """ "said the bureau's director, James B. Comey, on Monday": the person a description after the verb
    introduces, set off by a comma."""
    if not (k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].is_cap and tokens[k + 1].is_word):
        return None
    end = cap_run_end(tokens, k + 1)
    named = parse_run(tokens[k + 1 : end], text)
    if named is None or named.kind != "name" or named.is_org or " " not in (named.name or ""):
        return None
    if end < len(tokens) and tokens[end].text not in {",", "."}:
        return None
    return named, k + 1, end - 1


def _describes_speaker(t: Token) -> bool:
    return t.is_word and t.lower not in FUNCTION_WORDS and t.lower not in PREPOSITIONS and t.lower not in SPEECH_VERBS
