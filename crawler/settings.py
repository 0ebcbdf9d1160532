"""Scrapy settings of the tracker; the CLI overrides TRACKER_* per run."""

BOT_NAME = "sanctuary-tracker"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are: the CLI appends the configured contact.
USER_AGENT = "sanctuary-tracker/0.1 (news research crawler; statements on sanctuary policy)"

# Politeness.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.TrackerLogFormatter"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SafeUrlMiddleware": 40,
    "crawler.middlewares.SkipStoredMiddleware": 50,
    # Before RetryMiddleware (550) sees the response, so a challenge page is not retried.
    "crawler.middlewares.ChallengeMiddleware": 560,
    # Sees responses before RedirectMiddleware (600) follows them.
    "crawler.middlewares.RedirectLoopMiddleware": 610,
}
ITEM_PIPELINES = {
    "pipelines.stages.ExtractPipeline": 100,
    "pipelines.stages.TopicPipeline": 200,
    "pipelines.stages.QuotePipeline": 300,
    "pipelines.store.StorePipeline": 900,
}

# The tracker's own settings.
TRACKER_CONFIG = None  # path of the TOML config; None means the shipped default
TRACKER_DB_URL = None  # None: TRACKER_DB_URL from the environment, else the config, else tracker.db
TRACKER_REFETCH = False
