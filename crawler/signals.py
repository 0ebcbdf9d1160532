"""The tracker's own Scrapy signals (sent with `crawler.signals.send_catch_log`)."""

# A spider has handed all its first requests (feeds, sitemaps, listings, searches) to the scheduler.
# Sent with spider=. The shared frontier then knows this process has seeded its part of the run.
seeds_queued = object()

# A request's failure was handled by its errback (recorded, or skipped on purpose). Sent with request=.
# The shared frontier then releases the request: nothing of it remains to be done.
request_handled = object()
