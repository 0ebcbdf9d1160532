"""The quote engine: find direct quotes and attribute them to resolved speakers."""

from pipelines.quotes.extract import extract_quotes
from pipelines.quotes.model import Quote

__all__ = ["Quote", "extract_quotes"]
