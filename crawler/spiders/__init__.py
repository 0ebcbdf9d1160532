"""One spider per kind of source: feeds, sitemaps, URL lists."""
