"""Scrapy item pipelines over pure modules: extraction, topics, the quote engine, storage hand-off."""
