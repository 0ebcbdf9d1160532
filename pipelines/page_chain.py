"""One page through every CPU step, as one pure function: extraction (HTML or PDF), topics, quotes with
their topics, and the storage record with offices named by their holders. The crawl runs it in worker
processes (pipelines/page_pool.py), `reprocess` in its own; both get the same result for the same page.
Input and output are plain picklable data."""

from dataclasses import dataclass, replace

from crawler.items import PageItem
from pipelines.article_record import article_record
from pipelines.extract import ExtractionError, extract_article
from pipelines.pdf import extract_pdf
from pipelines.stages import ArticleDraft, assess, attribute
from pipelines.topics import TopicMatcher
from storage.open_registry import OpenRegistry
from storage.records import ArticleRecord, compress_page
from storage.registry_entry import RegistryEntry


@dataclass(slots=True)
class PageOutcome:
    """What the chain made of a page: an error kind (the page had no article), or a draft whose `record`
    is the article to store (None: off topic)."""

    draft: ArticleDraft | None
    record: ArticleRecord | None = None
    error_kind: str | None = None
    error: str | None = None
    # The page's bytes as stored, compressed here rather than in the crawl's one storing process.
    compressed: bytes | None = None

    @classmethod
    def failed(cls, kind: str, message: str) -> "PageOutcome":
        """A page the chain could not make an article of."""
        return cls(None, None, kind, message)


def is_pdf(item: PageItem) -> bool:
    """A PDF by its content type or, for stored pages that did not keep one, by its first bytes."""
    return item.content_type == "application/pdf" or item.body.startswith(b"%PDF-")


def process_page(
    item: PageItem,
    matcher: TopicMatcher,
    registry: list[RegistryEntry],
    open_registry: OpenRegistry | None,
) -> PageOutcome:
    """Extract, assess, attribute and make the storage record of one fetched page."""
    try:
        extracted = extract_pdf(item.body) if is_pdf(item) else extract_article(item.body, item.url, item.charset)
    except ExtractionError as exc:
        return PageOutcome.failed(exc.kind, str(exc))
    draft = assess(ArticleDraft(item, extracted), matcher)
    if not draft.topics:
        return PageOutcome(draft, compressed=compress_page(item.body))
    attribute(draft, matcher, item.issuer)
    return PageOutcome(draft, article_record(draft, registry, open_registry), compressed=compress_page(item.body))


def without_body(outcome: PageOutcome) -> PageOutcome:
    """The outcome with the page's bytes left out, to send back from a worker (the crawl still has them)."""
    if outcome.draft is not None:
        outcome.draft.page = replace(outcome.draft.page, body=b"")
    return outcome
