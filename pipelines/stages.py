"""Scrapy item pipelines over the pure modules: extraction, topic filter, quote engine."""

from dataclasses import dataclass, field, replace
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.config import load_config
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
    quotes: list[Quote] = field(default_factory=list, repr=False)


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
            self.inc("tracker/errors/parse")
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
        config = load_config(crawler.settings.get("TRACKER_CONFIG") or None)
        rules = [(t.name, t.keywords) for t in config.topics]
        return cls(crawler, TopicMatcher.build(rules, config.min_topic_matches))

    def process_item(self, item: ArticleDraft) -> ArticleDraft:
        item.topics = self.matcher.topics(item.extracted.title, item.extracted.text)
        return item


class QuotePipeline(_StatsPipeline):
    """Runs the quote engine over on-topic articles."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: ArticleDraft) -> ArticleDraft:
        if item.topics:
            item.quotes = with_issuer(extract_quotes(item.extracted.text), item.page.issuer)
        return item


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
