"""The steps of the page chain after extraction: an article draft, its topics, its quotes."""

from dataclasses import dataclass, field, replace
from typing import Protocol

from crawler.config import TopicRule
from crawler.items import PageItem
from pipelines.extract import Extracted
from pipelines.quotes import Quote, extract_quotes
from pipelines.topics import TopicMatcher


@dataclass(slots=True)
class ArticleDraft:
    """A page on its way through the pipelines, gathering extraction, topics and quotes."""

    page: PageItem
    extracted: Extracted = field(repr=False)
    topics: list[str] = field(default_factory=list)
    topic_scores: dict[str, float] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list, repr=False)
    # The topics of each quote with its paragraph, in the order of `quotes`.
    quote_topics: list[dict[str, float]] = field(default_factory=list, repr=False)


class TopicRules(Protocol):
    """Topic rules and the evidence an article needs: a Config, or what the crawl's workers are given."""

    @property
    def topics(self) -> tuple[TopicRule, ...]: ...

    @property
    def min_topic_matches(self) -> int: ...


def topic_matcher(rules: TopicRules) -> TopicMatcher:
    """The topic rules, compiled."""
    return TopicMatcher.build([(t.name, t.keywords, t.context) for t in rules.topics], rules.min_topic_matches)


def assess(draft: ArticleDraft, matcher: TopicMatcher) -> ArticleDraft:
    """Mark the draft's topics and scores; an on-topic draft gets its quotes, each with its own topics."""
    relevance = matcher.assess(draft.extracted.title, draft.extracted.text)
    draft.topics, draft.topic_scores = relevance.topics, relevance.scores
    return draft


def attribute(draft: ArticleDraft, matcher: TopicMatcher, issuer: str | None) -> ArticleDraft:
    """Run the quote engine over an on-topic draft and tag each quote with its paragraph's topics."""
    if draft.topics:
        text = draft.extracted.text
        draft.quotes = with_issuer(extract_quotes(text), issuer)
        draft.quote_topics = [matcher.passage(text, q.start, q.end) for q in draft.quotes]
    return draft


def with_issuer(quotes: list[Quote], issuer: str | None) -> list[Quote]:
    """In an office's own release, quotes the text attributes to no one are the office's."""
    if not issuer:
        return quotes
    # The office speaks for itself: an unnamed source's title ("spokesperson") is not the office's.
    return [
        q
        if q.speaker
        else replace(q, speaker=issuer, speaker_kind="organization", title=None, organization=None, cue="release")
        for q in quotes
    ]
