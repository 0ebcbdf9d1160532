"""The URLs every spider of one crawl shares (one spider per source kind)."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class RunUrls:
    """Article URLs the crawl's sources asked for so far, and the pages stored before it began (read from
    the database once, by the first spider to open)."""

    seen: set[str] = field(default_factory=set)
    stored: set[str] | None = None
