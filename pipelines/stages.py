"""Scrapy item pipelines over the pure modules: extraction, topic filter, quote engine."""

from dataclasses import dataclass, field, replace
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.config import Config, load_config
from crawler.items import PageItem
from pipelines.extract import Extracted, ExtractionError, extract_article
from pipelines.pdf import extract_pdf
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


def topic_matcher(config: Config) -> TopicMatcher:
    """The topic rules of a config, compiled."""
    return TopicMatcher.build([(t.name, t.keywords, t.context) for t in config.topics], config.min_topic_matches)


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


class _StatsPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    def inc(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)


class ExtractPipeline(_StatsPipeline):
    """Page -> extracted article text and metadata (trafilatura); pages with no article are dropped."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: PageItem) -> ArticleDraft:
        try:
            if item.content_type == "application/pdf":
                extracted = extract_pdf(item.body)
            else:
                extracted = extract_article(item.body, item.url, item.charset)
        except ExtractionError as exc:
            self.inc(f"tracker/errors/{exc.kind}")
            self.inc(f"tracker/source/{item.source}/errors")
            raise DropItem(f"{item.url}: {exc}") from exc
        return ArticleDraft(item, extracted)


class TopicPipeline(_StatsPipeline):
    """Marks the article's topics from the configured keyword rules; off-topic ones are stored as such."""

    def __init__(self, crawler: Crawler, matcher: TopicMatcher) -> None:
        super().__init__(crawler)
        self.matcher = matcher

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, topic_matcher(load_config(crawler.settings.get("TRACKER_CONFIG") or None)))

    def process_item(self, item: ArticleDraft) -> ArticleDraft:
        return assess(item, self.matcher)


class QuotePipeline(TopicPipeline):
    """Runs the quote engine over on-topic articles, tagging each quote with its paragraph's topics."""

    def process_item(self, item: ArticleDraft) -> ArticleDraft:
        return attribute(item, self.matcher, item.page.issuer)


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
