"""What spiders yield: a fetched page and where it came from."""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class PageItem:
    """A fetched HTML page or PDF document, before extraction."""

    url: str
    status: int
    body: bytes = field(repr=False)
    source: str
    outlet: str | None
    fetched_at: datetime
    published_hint: date | None = None
    content_type: str = "text/html"
    issuer: str | None = None
    charset: str | None = None
