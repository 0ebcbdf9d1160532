"""The rules of the quote engine: every quote of a text, attributed where a cue says who. Pure Python."""

import re
from dataclasses import dataclass, replace
from itertools import islice

from pipelines.quotes.attribution import (
    Cue,
    content_possessive_cue,
    dash_cue,
    find_cues,
    heads_own_clause,
    names_a_people,
    sentence_start,
    subject_cue,
    trailing_cue,
)
from pipelines.quotes.cue_rules import (
    QuoteSite,
    closes_with_sentence_end,
    ends_sentence,
    ends_with_comma,
    first_cue,
)
from pipelines.quotes.entities import PRONOUN_WINDOW, Entity, EntityIndex, appositive_title, index_tokens
from pipelines.quotes.lexicon import (
    CHANT_NOUNS,
    CHANT_VERBS,
    DOCUMENT_NOUNS,
    LED_BODIES,
    LOCAL_TITLES,
    MENTIONED_PRONOUNS,
    MINOR_WORDS,
    NAMING_VERBS,
    PARTY_MEMBERS,
    POSSESSIVE,
    PUBLICATION_HEADS,
    QUESTION_VERBS,
    SENTENCE_END,
    SLOGAN_NOUNS,
    SPEECH_VERBS,
    WORK_INTRODUCERS,
    WORK_NOUNS,
)
from pipelines.quotes.mentions import Mention, cap_run_start, parse_run
from pipelines.quotes.model import Quote
from pipelines.quotes.segment import Paragraph, Span, paragraphs
from pipelines.quotes.tokens import Token, tokenize, without_possessive

# (group 2 ends the wire credit after the place, "(AP)", "(KGO)": the agency filed the story, no one in it)
DATELINE_RE = re.compile(
    r"^([A-Z][A-Z .'\-]{2,40}?)(?:,\s*[A-Z][A-Za-z.]+)?\s*(?:\((?:[^()\n]{1,30}(\)))?|--|—|–)", re.MULTILINE
)
DATELINE_WINDOW = 600
TITLE_WORD_RE = re.compile(r"\w[\w'’\-]*")
MAX_TITLE_WORDS = 6
MAX_WORK_KIND_WORDS = 2
# "by the New York Post's": the outlet's name in a byline after a linked story's headline.
MAX_BYLINE_OUTLET_WORDS = 6
MIN_HEADLINE_WORDS = 4
MAX_NAMING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue names, resolved against the article."""

    name: str | None
    kind: str | None
    title: str | None
    organization: str | None
    mention: Mention | None
    cue: str | None


NOBODY = Speaker(None, None, None, None, None, None)


@dataclass(frozen=True, slots=True)
class Attributed:
    """A quote as the rules attributed it: its span, speaker and statement, in paragraph n, k-th quote;
    `settled` when the rules know it has no speaker to find (a crowd's chant); `rule` names the rule that
    attributed it (a row of the cue table, or how the speaker carried on)."""

    span: Span
    speaker: Speaker
    statement: int
    n: int
    k: int
    settled: bool = False
    rule: str = "none"


@dataclass(slots=True)
class RulePass:
    """What the rules found in an article, with the article state a second look at a quote needs."""

    text: str
    paras: list[Paragraph]
    gaps: list[list[list[Token]]]
    index: EntityIndex
    place: str | None
    found: list[Attributed]


def resolve_mention(mention: Mention, verb: Token, index: EntityIndex, place: str | None) -> Speaker:
    """The speaker a mention names, as the rules resolve a cue's mention."""
    return _resolve(Cue(verb, mention, 0, 0), index, place)


@dataclass(slots=True)
class _Flow:
    """What carries from one quote to the next while the rules read an article: the statement count, the
    speaker in play and the rule that found them, whether a quote runs on into the next paragraph, and what
    the last paragraph without quotes left (a colon introduction, a newcomer, a report)."""

    statement: int = -1
    carried: Speaker | None = None
    rule: str = "none"
    open_quote: bool = False
    introduced: Cue | None = None
    newcomer: Entity | None = None
    reported: list[list[Token]] | None = None


def rule_pass(text: str) -> RulePass:
    """Attribute every quote of `text` by the rules."""
    paras = paragraphs(text)
    gaps = [_gaps(text, p) for p in paras]
    dateline = DATELINE_RE.search(text, 0, DATELINE_WINDOW)
    index = _index_article(text, paras, gaps, dateline)
    place = _place(dateline)
    quotes: list[Attributed] = []
    flow = _Flow()
    for n, (p, para_gaps) in enumerate(zip(paras, gaps, strict=True)):
        if p.chrome or not p.quotes:
            flow.carried, flow.open_quote = None, False
            flow.introduced = _colon_cue(text, p, para_gaps[-1])
            flow.newcomer = None if p.chrome else _newcomer(para_gaps[-1], index, text)
            flow.reported = None if p.chrome else para_gaps
            continue
        turn = _turn_speaker(text, p.turn, index) if p.turn is not None else None
        if turn is not None:
            # A transcript turn: whoever the label names says what is quoted in it.
            flow.carried, flow.open_quote, flow.introduced = turn, False, None
            for k, span in enumerate(p.quotes):
                if not (_is_title_of_work(text, span) and _names_a_work(para_gaps[k])):
                    flow.statement += 1
                    quotes.append(Attributed(span, turn, flow.statement, n, k, rule="transcript_turn"))
            continue
        quotes += _paragraph_quotes(text, paras, gaps, n, index, place, flow)
        flow.open_quote = p.quotes[-1].open_end
        flow.introduced = _colon_cue(text, p, para_gaps[-1])
        flow.newcomer, flow.reported = None, None
    return RulePass(text, paras, gaps, index, place, quotes)


def _index_article(
    text: str, paras: list[Paragraph], gaps: list[list[list[Token]]], dateline: re.Match[str] | None
) -> EntityIndex:
    """Every named mention of the article's prose (not its chrome, not a headline), grouped into entities."""
    index = EntityIndex(text)
    # "DES MOINES, Iowa — ...", "BOSTON (AP) —": the place a story was filed from and the agency that filed
    # it are no one a later "it" or "the office" means.
    filed_end = _dateline_end(dateline) if dateline is not None else 0
    for n, (p, para_gaps) in enumerate(zip(paras, gaps, strict=True)):
        if p.chrome or (n == 0 and not p.quotes and _is_headline(para_gaps[0])):
            continue
        for tokens in para_gaps:
            if tokens and tokens[0].start < filed_end:
                tokens = [t for t in tokens if t.start >= filed_end]
            index_tokens(index, tokens, text)
    index.finish()
    return index


def _paragraph_quotes(
    text: str,
    paras: list[Paragraph],
    gaps: list[list[list[Token]]],
    n: int,
    index: EntityIndex,
    place: str | None,
    flow: _Flow,
) -> list[Attributed]:
    """The quotes of paragraph n, each attributed by the first cue rule that fits, or carried on."""
    p, para_gaps = paras[n], gaps[n]
    cues = [find_cues(tokens, text) for tokens in para_gaps]
    signed = _signature(paras, gaps, n + 1, text) if not any(t.is_word for g in para_gaps for t in g) else None
    closing = dash_cue(para_gaps[-1], text)
    previous: Cue | None = None
    work_before = False
    out: list[Attributed] = []
    for k, span in enumerate(p.quotes):
        site = QuoteSite(text, p.quotes, para_gaps, cues, k, flow.introduced, signed, closing, work_before)
        found = first_cue(site)
        cue = found[0] if found is not None else None
        continuing = k == 0 and flow.open_quote and not para_gaps[0]
        if found is not None:
            if found[0] is not previous or k == 0:
                if not continuing:
                    flow.statement += 1
                flow.carried, flow.rule = _cue_speaker(found[0], site, index, place, flow, continuing), found[1]
            previous = found[0]
        elif k == 0:
            _carry_into_paragraph(text, para_gaps, index, place, flow, continuing)
        assert flow.carried is not None
        if _is_title_of_work(text, span) and not _shouted(para_gaps[k], cue) and _titles_work(site, flow.carried):
            work_before = True
            continue
        work_before = False
        if _lone_pronoun(text, span):
            continue  # `because "she" is a "he"`: a word mentioned, not words said
        if ends_with_comma(text, span) and _byline_follows(para_gaps[k + 1]):
            continue  # `—"Hamilton to play Chicago," by Variety's Gordon Cox:` the headline of a linked story
        owner = content_possessive_cue(para_gaps[k], text)
        if owner is not None:
            # "Fitton called Clinton's assertion of a “claim of right” ... “significant and disturbing”":
            # the owner's words, a statement of their own; whoever the sentence has speaking goes on after.
            out.append(Attributed(span, _resolve(owner, index, place), flow.statement + 1, n, k, rule="content_owner"))
            flow.statement += 2
            continue
        if _chant_of(para_gaps[k]):
            out.append(Attributed(span, NOBODY, flow.statement, n, k, settled=True, rule="chant"))
        else:
            out.append(Attributed(span, flow.carried, flow.statement, n, k, rule=flow.rule))
    return out


def _titles_work(site: QuoteSite, carried: Speaker) -> bool:
    """Whether a quote shaped like a title names a work rather than quoting words: nobody speaks it, or
    the prose around it says it is a work ("his book “...”", "“...”, a documentary")."""
    return (
        carried.name is None
        or _names_a_work(site.before)
        or _kind_of_work_after(site.after)
        or (site.work_before and _joins(site.before))
    )


def _cue_speaker(
    cue: Cue, site: QuoteSite, index: EntityIndex, place: str | None, flow: _Flow, continuing: bool
) -> Speaker:
    """The speaker a cue names, with what the paragraph and the one before say of its pronoun."""
    k, before = site.k, site.before
    speaker = _resolve(cue, index, place)
    if cue.shown is not None:
        speaker = replace(speaker, mention=cue.shown)
    if cue.mention.kind == "pronoun" and k > 0 and cue.verb in before:
        speaker = _sentence_subject_speaker(site.text, site.spans, site.gaps, k, speaker, index, place)
        if heads_own_clause(before, cue):
            # "Putney said that ... “...,” but he said ...": Putney, reported as "he".
            speaker = replace(speaker, mention=cue.mention)
    if k == 0 and flow.newcomer is not None and _means_newcomer(cue, flow.newcomer, site.gaps[0]):
        # "... concerns Henry Crespo, president of the caucus.\n“...,” he said.": the person the last
        # paragraph ended by introducing.
        speaker = _speaker(flow.newcomer, cue.mention, cue.verb.text, place)
    elif k == 0 and flow.reported is not None and _pronoun_opens(cue, site.gaps[0]):
        reporter = _reporter(flow.reported, index, site.text)
        if reporter is not None and reporter.gender in ("", cue.mention.gender):
            speaker = _speaker(reporter, cue.mention, cue.verb.text, place)
    if continuing and speaker.name is None and flow.carried is not None:
        speaker = flow.carried
    if cue.mention.kind in ("pronoun", "unnamed") and speaker.name is not None:
        # "she said", "the article read" name them again: the next pronoun most likely means them too.
        index.mention_again(speaker.name, cue.mention.start)
    return speaker


def _carry_into_paragraph(
    text: str, para_gaps: list[list[Token]], index: EntityIndex, place: str | None, flow: _Flow, continuing: bool
) -> None:
    """A paragraph that opens with a quote no cue attributes: after a paragraph that ended reporting what a
    named person said, theirs; a quote running on from the last paragraph, or a paragraph that is only
    quotes, continues the last speaker; else nobody's."""
    if not continuing and flow.reported is not None and _unattributed(para_gaps):
        # "Carter said that ... would not happen.\n“That's because ...”"
        reporting = _reporting_cue(flow.reported, text, last_sentence=True)
        flow.statement += 1
        flow.carried = _resolve(reporting, index, place) if reporting is not None else NOBODY
        flow.rule = "reported_before" if reporting is not None else "none"
        return
    if not continuing:
        flow.statement += 1
    if flow.carried and not any(t.is_word for t in para_gaps[0]):
        flow.rule = "continued"
    else:
        flow.carried, flow.rule = NOBODY, "none"


def _newcomer(tokens: list[Token], index: EntityIndex, text: str) -> Entity | None:
    """The person the last sentence of a paragraph introduces with a description, named there for the
    first time: "... which concerns Henry Crespo, president of the Florida Democratic Black Caucus."."""
    if not tokens or tokens[-1].text not in SENTENCE_END:
        return None
    start = sentence_start(tokens, len(tokens) - 1)
    for k in range(len(tokens) - 2, start, -1):
        if tokens[k].text != "," or not tokens[k - 1].is_cap or appositive_title(tokens, k) is None:
            continue
        named = parse_run(tokens[cap_run_start(tokens, k - 1) : k], text)
        entity = index.lookup(named.name, named.start) if named is not None and named.name else None
        if entity is not None and not entity.is_org and min(entity.positions) >= tokens[start].start:
            return entity
    return None


def _means_newcomer(cue: Cue, newcomer: Entity, opening: list[Token]) -> bool:
    """Whether a pronoun cue after a paragraph-opening quote can mean the person just introduced."""
    return _pronoun_opens(cue, opening) and newcomer.gender == cue.mention.gender


def _reporter(gaps: list[list[Token]], index: EntityIndex, text: str) -> Entity | None:
    """The person a paragraph without quotes last reports speaking, as a sentence's subject ("McLenney said
    Clinton doesn't show ...") or in a closing "..., Stovall said." (not "Hannity asked Trump ...": the one
    asked answers)."""
    found = _reporting_cue(gaps, text)
    if found is None or found.mention.name is None:
        return None
    m = found.mention
    entity = index.lookup(m.name or "", m.start, m.is_org, m.gender, m.title)
    return entity if entity is not None and not entity.is_org else None


def _reporting_cue(gaps: list[list[Token]], text: str, last_sentence: bool = False) -> Cue | None:
    """The last cue of a paragraph without quotes in which a named person speaks as its sentence's subject
    or in a closing "..., Stovall said."; with `last_sentence`, only one in the paragraph's last sentence."""
    found: Cue | None = None
    for tokens in gaps:
        for cue in find_cues(tokens, text):
            m = cue.mention
            if m.kind != "name" or not m.name or m.is_org or cue.verb.lower in QUESTION_VERBS:
                continue
            v = tokens.index(cue.verb)
            first = tokens[cue.first]
            opens = first.start == m.start and sentence_start(tokens, cue.first) == cue.first
            closes = cue.first > 0 and tokens[cue.first - 1].text == "," and tokens[v - 1].end == m.end
            if (opens or closes) and v > cue.first:
                found = cue
    if found is not None and last_sentence:
        tokens = gaps[-1]
        if found.first < sentence_start(tokens, len(tokens) - 1) or found.verb not in tokens:
            return None
    return found


def _pronoun_opens(cue: Cue, opening: list[Token]) -> bool:
    """Whether a "he"/"she" cue follows a quote that opens its paragraph."""
    return cue.mention.kind == "pronoun" and cue.mention.gender in ("m", "f") and not any(t.is_word for t in opening)


def _sentence_subject_speaker(
    text: str,
    spans: tuple[Span, ...],
    gaps: list[list[Token]],
    k: int,
    speaker: Speaker,
    index: EntityIndex,
    place: str | None,
) -> Speaker:
    """ "Trump took to Twitter to accuse her campaign of being “duped” ... what he called Machado's “sex
    tape.”": the pronoun's sentence began before earlier quotes; its named subject, when the same person,
    is the mention to report."""
    j = k
    while j > 0 and not ends_sentence(gaps[j]) and not closes_with_sentence_end(text, spans[j - 1]):
        j -= 1
    if j == k:
        return speaker
    subject = subject_cue(gaps[j], text)
    if subject is None or subject.mention.kind != "name":
        return speaker
    named = _resolve(subject, index, place)
    return named if named.name is not None and named.name == speaker.name else speaker


def _unattributed(para_gaps: list[list[Token]]) -> bool:
    """Whether a paragraph opens with a quote and no word around its quotes reports speech."""
    return not any(t.is_word for t in para_gaps[0]) and not any(
        t.lower in SPEECH_VERBS or t.lower == "according" for g in para_gaps for t in g
    )


def _signature(paras: list[Paragraph], gaps: list[list[list[Token]]], n: int, text: str) -> Cue | None:
    """A paragraph that only signs the quoted paragraph before it: `"..."` then `- Bernie Sanders.` (not a
    news agency's credit after prose: `... called him "my African American."` then `- Reuters.`)"""
    if n >= len(paras) or paras[n].chrome or paras[n].quotes:
        return None
    return dash_cue(gaps[n][0], text)


def _is_headline(tokens: list[Token]) -> bool:
    """An opening line in title case ("Railing Against Trump, Sanders Vows ..."): its capitalised runs are
    not names, so it adds no one to the index."""
    words = [t for t in tokens if t.is_word and t.lower not in MINOR_WORDS]
    return len(words) >= MIN_HEADLINE_WORDS and all(t.is_cap or not t.text.isalpha() for t in words)


def _colon_cue(text: str, p: Paragraph, last_gap: list[Token]) -> Cue | None:
    """A cue ending a paragraph with a colon introduces the quote that opens the next one."""
    if p.chrome or not last_gap or last_gap[-1].text != ":":
        return None
    cue = trailing_cue(last_gap, find_cues(last_gap, text), text)
    start = sentence_start(last_gap, len(last_gap) - 1)
    if cue is None:
        # "Trump issued the following statement:", "He then listed the qualities necessary ...:": the
        # sentence's subject speaks in the next paragraph.
        cue = subject_cue(last_gap[start:-1], text)
    return cue


def _lone_pronoun(text: str, span: Span) -> bool:
    """Whether a quote is one pronoun alone: `because "she" is a "he"`."""
    words = _first_words(text, span, 2)
    return len(words) == 1 and words[0].lower() in MENTIONED_PRONOUNS


def _byline_follows(after: list[Token]) -> bool:
    """Whether a byline follows a quote: `," by Times' Ben Sisario`, `," by the New York Post's Amy Spencer`."""
    if not after or after[0].lower != "by":
        return False
    return any(t.is_cap and t.text.endswith(POSSESSIVE) for t in after[1:MAX_BYLINE_OUTLET_WORDS])


def _is_title_of_work(text: str, span: Span) -> bool:
    """A short unattributed quote in title case ("Fox News Sunday," “13th”) names a work, not words said."""
    words = _first_words(text, span, MAX_TITLE_WORDS + 1)
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in MINOR_WORDS for w in words)


def _first_words(text: str, span: Span, most: int) -> list[str]:
    """The first `most` words of a quote (read no further: a quote may be paragraphs long)."""
    return [m.group() for m in islice(TITLE_WORD_RE.finditer(text, span.start, span.end), most)]


def _shouted(before: list[Token], cue: Cue | None) -> bool:
    """Whether a title-case quote is shouted rather than a name: `protesters chanting “Dump Trump.”`, `“Mexico!”
    the audience screamed back`, `chants of “Feel the Bern!”`."""
    words = [t for t in before if t.is_word]
    return (
        bool(before and before[-1].text == ":")  # "had one message: “Dump Trump.”"
        or _noun_of(words, CHANT_NOUNS)
        or _noun_of(words, SLOGAN_NOUNS)  # "proclaimed a goal of "Peace Through Strength.""
        or bool(words and words[-1].lower in CHANT_VERBS)
        or (cue is not None and cue.verb.lower in CHANT_VERBS)
        or _calls_names(words)
    )


def _calls_names(words: list[Token]) -> bool:
    """ "referring to Sen. Elizabeth Warren as “Pocahontas”", "calls Santilli a “fascist” and a “Stalinist.”":
    a name someone calls another, not the title of a work."""
    if words and words[-1].lower in NAMING_VERBS:
        # "it was labeled “Mostly True.”" (not "a short film called “Tenemos Familias”": a work's title)
        return not (len(words) > 1 and words[-2].lower in WORK_NOUNS)
    if not words or words[-1].lower not in {"as", "a", "an", "the"}:
        return False
    return any(t.lower in NAMING_VERBS for t in words[-MAX_NAMING_WORDS:])


def _chant_of(before: list[Token]) -> bool:
    """ "was greeted with chants of “Bobby!”": a crowd nobody names shouts the quote."""
    return _noun_of([t for t in before if t.is_word], CHANT_NOUNS)


def _noun_of(words: list[Token], nouns: frozenset[str]) -> bool:
    """Whether the words before a quote end with one of `nouns` and "of"."""
    return len(words) >= 2 and words[-1].lower == "of" and words[-2].lower in nouns


def _names_a_work(before: list[Token]) -> bool:
    """Whether the word before a title-case quote introduces a name: `MSNBC's “Morning Joe”`, `on “Face
    the Nation”`, `a “Commander-in-Chief Forum”`."""
    words = [t for t in before if t.text != ","]
    if not words:
        return False
    last = words[-1]
    # ("the TV show “Shark Tank.”", "star of cult classic “Thelma and Louise,”": a kind of work names it)
    return last.lower in WORK_INTRODUCERS or last.lower in WORK_NOUNS or last.text.endswith(POSSESSIVE)


def _kind_of_work_after(after: list[Token]) -> bool:
    """`his “Keepin' It Real” radio program`: a kind of work right after a title-case quote names it."""
    return bool(after) and after[0].is_word and any(t.lower in WORK_NOUNS for t in after[:MAX_WORK_KIND_WORDS])


def _joins(before: list[Token]) -> bool:
    """`on “The View” and “The Late Show”`, `“Black Water,” “China Grove,”`: a title listed with the one before
    it (the comma may sit inside the quote marks)."""
    return [t.lower for t in before] in ([], ["and"], ["or"], [","], [",", "and"], [",", "or"])


def _gaps(text: str, p: Paragraph) -> list[list[Token]]:
    """Tokens of the prose before, between and after the quotes of a paragraph."""
    bounds = [p.start] + [x for s in p.quotes for x in (s.start, s.end)] + [p.end]
    return [tokenize(text, bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _repaired(value: str | None) -> str | None:
    """A name as it was meant, when the page garbled its encoding ("FranÃ§ois Hollande" -> "François
    Hollande"); spans and quoted text stay as printed, so offsets hold."""
    if not value or value.isascii():
        return value
    from ftfy import fix_text  # loaded only for the few names that are not plain ASCII

    return fix_text(value, uncurl_quotes=False)


def make_quote(text: str, span: Span, speaker: Speaker, statement: int, rule: str = "none") -> Quote:
    """The quote at `span`, attributed to `speaker` by `rule`."""
    inner_end = span.end if span.open_end else span.end - 1
    mention = speaker.mention
    return Quote(
        start=span.start,
        end=span.end,
        text=text[span.start + 1 : inner_end].strip(),
        speaker=_repaired(speaker.name),
        speaker_kind=speaker.kind,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        mention=mention.text if mention else None,
        title=_repaired(speaker.title),
        organization=_repaired(speaker.organization),
        cue=speaker.cue,
        statement=statement,
        rule=rule,
    )


def _resolve(cue: Cue, index: EntityIndex, place: str | None) -> Speaker:
    """Turn a cue's mention into a full name, title and organisation using the article's entities."""
    m = cue.mention
    entity: Entity | None = None
    if m.kind == "name" and m.name:
        return _resolve_name(cue, index, place)
    if m.kind == "pronoun":
        entity = _pronoun_entity(m, index)
    elif m.kind == "description" and m.title and m.is_org:
        found = _described_body(cue, index)
        if isinstance(found, Speaker):
            return found
        entity, m = found
    elif m.kind == "description" and m.title:
        entity, m = _described_person(m, index)
    elif m.kind == "unnamed" and m.text.lower().split()[-1] in DOCUMENT_NOUNS:
        entity = _document_speaker(m, index)
    elif m.kind == "unnamed":
        entity = index.document_by(m.text, m.start)  # "according to a survey by Penelope Abernathy"
    if entity is None and m.kind in ("description", "unnamed") and _names_publication(m.text):
        entity = index.latest_publication(m.start)  # "the newspaper said", "the editorial board wrote"
    return _entity_speaker(entity, m, cue.verb.text, place)


def _names_publication(text: str) -> bool:
    """Whether a description stands for a publication: "the newspaper", "the paper's editorial board"."""
    words = text.lower().split()
    return words[-1] in PUBLICATION_HEADS or words[-2:] == ["editorial", "board"]


def _entity_speaker(entity: Entity | None, m: Mention, verb: str, place: str | None) -> Speaker:
    if entity is None:
        # Nobody the article names; an unnamed source may still say what they are and for whom they speak.
        return Speaker(None, None, m.title if m.kind != "pronoun" else None, m.jurisdiction, m, verb)
    title, org = _organization(entity.title or m.title, entity.jurisdiction or m.jurisdiction, place)
    kind = "organization" if entity.is_org else "person"
    return Speaker(entity.name, kind, title, org, m, verb)


def _resolve_name(cue: Cue, index: EntityIndex, place: str | None) -> Speaker:
    """A named mention: the entity it names in the article, a people ("Americans say"), or the name as
    printed when the article names no one else so."""
    m = cue.mention
    name = m.name or ""
    if names_a_people(m) and name.lower() not in PARTY_MEMBERS:
        return Speaker(None, None, None, None, m, cue.verb.text)  # "Americans say", "Germans reacted": a people
    entity = index.lookup(name, m.start, m.is_org, m.gender, m.title)
    p = cue.pronoun
    if entity is not None and p is not None and p.gender in ("m", "f") and entity.gender not in ("", p.gender):
        # "When Sanders accused Clinton ..., she said": the pronoun cannot mean the name it was bound to.
        return _resolve(Cue(cue.verb, p, cue.first, cue.last), index, place)
    if entity is None and not index.plausible(m):
        if cue.pronoun is not None:
            # "Cost estimates, he added, were “...”": the pronoun, not a capitalised common word.
            return _resolve(Cue(cue.verb, cue.pronoun, cue.first, cue.last), index, place)
        return Speaker(None, None, None, None, m, cue.verb.text)  # "Good information can still ..."
    if entity is None:
        title, org = _organization(m.title, m.jurisdiction, place)
        kind = "organization" if m.is_org else "person"
        return Speaker(name, kind, title, org, m, cue.verb.text)
    index.learn(entity, m)
    return _entity_speaker(entity, m, cue.verb.text, place)


def _pronoun_entity(m: Mention, index: EntityIndex) -> Entity | None:
    """Whom a pronoun cue means: the last person of its gender, the last body for "it", a document's
    issuer for "they"."""
    if m.gender in ("m", "f"):
        return index.last_person(m.start, m.gender)
    if m.text.lower() == "it":
        return index.last_org(m.start)
    if m.text.lower() == "they":
        return index.echoed_org(m.start)  # "... the statement noted. “...,” they said": its members
    return None


def _described_body(cue: Cue, index: EntityIndex) -> Speaker | tuple[Entity | None, Mention]:
    """A body described by its head ("the commission", "the BLM group", "the Trump campaign", "the IMF
    report"): the body the article names, or the one the named person leads."""
    # The head ("commission") found the body; it is not the body's title.
    head = cue.mention.title or ""
    m = cue.mention._replace(title=None)
    entity: Entity | None
    words = m.text.split()
    owner = words[0]
    if owner.endswith(POSSESSIVE) and owner[:1].isupper() and len(words) == 2:
        # "Clinton's campaign said", "Healey's office said": the body the named person leads (not the
        # latest body with such a head, "the Boston Police Department").
        leader = without_possessive(owner)
        person = index.lookup(leader, m.start)
        name = person.name if person is not None and not person.is_org else leader
        return Speaker(f"{name} {head}", "organization", None, None, m, cue.verb.text)
    named = [w for w in words[1:-1] if w[:1].isupper() and not w.endswith(POSSESSIVE)]
    if named:
        # "the BLM group": the body the article names; "the Trump campaign": the one that person leads.
        if head in LED_BODIES:
            return Speaker(f"{' '.join(named)} {head}", "organization", None, None, m, cue.verb.text)
        entity = index.document_author(m.text, m.start)
    else:
        entity = index.by_org_head(head, m.start)
    if entity is None and words[-1].lower() in DOCUMENT_NOUNS:
        entity = _document_speaker(m, index)  # "the IMF report"
    return entity, m


def _described_person(m: Mention, index: EntityIndex) -> tuple[Entity | None, Mention]:
    """A person described by a title ("the senator", "Obama's former campaign strategist"), or a surname that
    is also a title word ("Dean said" when the article named a "Howard Dean")."""
    described = m.title or ""
    surname = index.lookup(m.text, m.start) if m.text.istitle() and " " not in m.text else None
    if surname is not None and not surname.is_org:
        return surname, m._replace(title=None)
    entity = index.by_title(described, m.start)
    if entity is None and m.text.split()[0].endswith(POSSESSIVE):
        # "Obama's former campaign strategist said": a second reference to the person just named (never the
        # owner: "Clinton's top aide" is not Clinton).
        entity = index.recent_subject(m.start, PRONOUN_WINDOW, untitled=True)
        owner = without_possessive(m.text.split()[0]).lower()
        if entity is not None and owner in entity.words:
            entity = None
    if entity is not None and entity.title is None:
        index.learn(entity, m)  # "the former secretary of state and current nominee": her title
    return entity, m


def _document_speaker(m: Mention, index: EntityIndex) -> Entity | None:
    """Whoever a document ("the IMF report", "Ivana Trump's brief", "the article") speaks for."""
    words = m.text.lower().split()
    return (
        _document_owner(m, index)
        or index.document_author(m.text, m.start)
        # "the article", "this ad": one named before (not "a narrator in the Clinton ad").
        or (index.document_issuer(words[-1], m.start) if words[0] in ("the", "this") and len(words) == 2 else None)
    )


def _document_owner(m: Mention, index: EntityIndex) -> Entity | None:
    """Whoever a possessive names as a document's owner: "Ivana Trump's brief said" is Ivana Trump's."""
    words = m.text.split()
    k = next((k for k, w in enumerate(words) if w.endswith(POSSESSIVE) and w[:1].isupper()), None)
    if k is None:
        return None
    owner = without_possessive(" ".join(words[: k + 1])).removeprefix("The ").removeprefix("the ")
    return index.lookup(owner, m.start, owner.isupper())


def _speaker(entity: Entity, m: Mention, verb: str, place: str | None) -> Speaker:
    title, org = _organization(entity.title or m.title, entity.jurisdiction or m.jurisdiction, place)
    return Speaker(entity.name, "organization" if entity.is_org else "person", title, org, m, verb)


def _turn_speaker(text: str, label: tuple[int, int], index: EntityIndex) -> Speaker | None:
    """The person a transcript label names ("PENCE" -> Mike Pence), when the article names them: a label
    naming nobody we know ("UPDATE:", "Q:") is not a speaker."""
    start, end = label
    name = " ".join(w.capitalize() for w in text[start:end].split())
    entity = index.lookup(name, start)
    if entity is None or entity.is_org:
        return None
    mention = Mention("name", start, end, text[start:end], name=name)
    title, org = _organization(entity.title, entity.jurisdiction, None)
    return Speaker(entity.name, "person", title, org, mention, ":")


def _organization(title: str | None, jurisdiction: str | None, place: str | None) -> tuple[str | None, str | None]:
    """The title in full and the body it belongs to: "Chief" of "SFPD" is the police chief of SFPD."""
    if not title:
        return None, jurisdiction
    lower = title.lower()
    if jurisdiction is None and place and any(t in lower for t in LOCAL_TITLES):
        jurisdiction = place
    if jurisdiction and jurisdiction.endswith("Police Department") and lower == "chief":
        return "Police Chief", jurisdiction
    if jurisdiction and "supervisor" in lower and "board" not in jurisdiction.lower():
        return title, f"{jurisdiction} Board of Supervisors"
    return title, jurisdiction


def _dateline_end(dateline: re.Match[str]) -> int:
    """Where the dateline's place, and the wire credit after it, end."""
    return dateline.end(2) if dateline.group(2) else dateline.end(1)


def _place(dateline: re.Match[str] | None) -> str | None:
    """The place in a wire-style dateline ("SAN FRANCISCO (KGO) --"), in title case."""
    if dateline is None:
        return None
    return " ".join(w.capitalize() for w in dateline.group(1).split())
