"""The storage record of an article draft: attributed quotes only, canonical URL, a plausible date, and
offices named by whoever held them on the article's day. Pure."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipelines.dateline import Place, dateline_place
from pipelines.extract import EXTRACTOR_VERSION
from pipelines.quotes import Quote
from pipelines.stages import ArticleDraft
from pipelines.urls import canonical_url
from storage.open_registry import OpenRegistry
from storage.records import ArticleRecord, QuoteRecord
from storage.registry_entry import RegistryEntry
from storage.role_holders import described_local_office, described_office, local_office_holder, office_holder

# News pages worth tracking were published after the web began and before they were fetched (a day of
# slack for time zones); a date outside that is a parsing accident, so the page counts as undated.
EARLIEST_NEWS = date(1994, 1, 1)
CLOCK_SLACK = timedelta(days=1)


def _office_named(
    q: Quote,
    on: date | None,
    place: Place | None,
    registry: Sequence[RegistryEntry],
    open_registry: OpenRegistry | None,
) -> Quote:
    if q.speaker or not registry:
        return q
    office = described_office(q.mention)
    held = office_holder(office, on, registry) if office is not None else None
    local = described_local_office(q.mention) if held is None and place is not None else None
    if local is not None and place is not None:
        people = list(registry)
        if open_registry is not None:
            people += open_registry.holding(local.titles, local.places(place.city, place.state))
        held = local_office_holder(local, place.city, place.state, on, people)
    if held is None:
        return q
    person, role = held
    return replace(q, speaker=person.name, speaker_kind="person", title=role.title, organization=role.organization)


def plausible(published: date | None, fetched: date) -> date | None:
    """The publication date if it could be true of a page fetched on `fetched`, else None."""
    if published is None or not EARLIEST_NEWS <= published <= fetched + CLOCK_SLACK:
        return None
    return published


def article_record(
    draft: ArticleDraft, registry: Sequence[RegistryEntry] = (), open_registry: OpenRegistry | None = None
) -> ArticleRecord:
    """The storage record of a draft: attributed quotes only, canonical URL, best date. A quote the engine
    left nameless but attributed to a national office ("the DHS secretary said") goes to whoever in
    `registry` held that office on the article's day; one attributed to a state or city office ("the
    governor said") in a story whose dateline names the place, to whoever held that office there, in
    `registry` or `open_registry` (see storage/role_holders.py)."""
    ex = draft.extracted
    place = dateline_place(ex.text)
    fetched = draft.page.fetched_at.date()
    published = plausible(ex.published, fetched) or plausible(draft.page.published_hint, fetched)
    topics = draft.quote_topics or [{} for _ in draft.quotes]
    quotes = [
        QuoteRecord(
            text=q.text,
            start=q.start,
            end=q.end,
            statement=q.statement,
            speaker=q.speaker,
            speaker_kind=q.speaker_kind or "person",
            mention=q.mention,
            title=q.title,
            organization=q.organization,
            cue=q.cue,
            topics=tags,
        )
        for q, tags in zip(
            (_office_named(q, published, place, registry, open_registry) for q in draft.quotes), topics, strict=True
        )
        if q.speaker
    ]
    return ArticleRecord(
        url=canonical_url(ex.canonical_url, draft.page.url),
        outlet=draft.page.outlet or ex.sitename,
        title=ex.title,
        author=ex.author,
        published=published,
        language=ex.language,
        text=ex.text,
        topics=draft.topics,
        extractor_version=EXTRACTOR_VERSION,
        quotes=quotes,
        topic_scores=draft.topic_scores,
    )
