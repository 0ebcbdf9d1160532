"""Log formatting: dropped items (off topic, no article) are routine, so log them briefly at INFO."""

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


class TrackerLogFormatter(LogFormatter):
    """Scrapy's formatter with short, INFO-level messages for dropped items."""

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        return {"level": logging.INFO, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
