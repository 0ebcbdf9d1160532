"""The Scrapy project: settings, items, spiders per kind of source, config loading, middlewares."""
