"""The tracker's own Scrapy signals (sent with `crawler.signals.send_catch_log`)."""

# A request's failure was handled by its errback (recorded, or skipped on purpose). Sent with request=.
# The shared frontier then releases the request: nothing of it remains to be done.
request_handled = object()
