"""Page functions for the page pool's tests, importable by its worker processes."""

import time

from crawler.items import PageItem
from pipelines.page_chain import PageOutcome


def stall_or_pass(item: PageItem) -> PageOutcome:
    """Stall on a page whose URL ends in /stuck, the way a page stuck in C code does: no CPU time passes,
    so the CPU alarm never fires. Any other page comes back at once, naming its URL."""
    if item.url.endswith("/stuck"):
        time.sleep(600)
    return PageOutcome.failed("parse", f"ran {item.url}")
