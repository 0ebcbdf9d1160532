"""Scrapy settings of the tracker; the CLI overrides TRACKER_* per run."""

from scrapy.settings import default_settings

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
# Resolve names, refusing a private address for any host no source allows (SSRF through DNS). Scrapy 2.19
# renamed the setting (DNS_RESOLVER to TWISTED_DNS_RESOLVER, warning on the old name): set the one it reads.
RESOLVER_SETTING = "TWISTED_DNS_RESOLVER" if hasattr(default_settings, "TWISTED_DNS_RESOLVER") else "DNS_RESOLVER"
globals()[RESOLVER_SETTING] = "crawler.resolver.PublicAddressResolver"
TRACKER_PRIVATE_HOSTS: list[str] = []  # set per run from the sources with allow_private
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy runs each response's output through this many tasks at once; an article page yields one item, and
# creating the default 100 tasks per page cost 7 % of the crawl process's time on a 570-page crawl.
CONCURRENT_ITEMS = 4
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformatter.TrackerLogFormatter"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SafeUrlMiddleware": 40,
    "crawler.middlewares.SkipStoredMiddleware": 50,
    # Before RetryMiddleware (550) sees the response, so a challenge page is not retried.
    "crawler.middlewares.ChallengeMiddleware": 560,
    # Sees responses before RedirectMiddleware (600) follows them.
    "crawler.middlewares.RedirectLoopMiddleware": 610,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.HeadMetaRefreshMiddleware": 580,  # where Scrapy's stood
}
# Extensions the tracker never uses, off so that their modules are not even imported (RemoteControl
# brings aiohttp: 0.17 s of every crawl's start).
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.memdebug.MemoryDebugger": None,
    "scrapy.extensions.feedexport.FeedExporter": None,
    "scrapy.extensions.spiderstate.SpiderState": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
}
ITEM_PIPELINES = {
    "pipelines.chain_pipeline.ChainPipeline": 100,
    "pipelines.store.StorePipeline": 900,
}

# The tracker's own settings.
TRACKER_CONFIG = None  # path of the TOML config; None means the shipped default
TRACKER_CONFIG_OBJECT = None  # the config as the command loaded it (read once per crawl)
TRACKER_DB_URL = None  # None: TRACKER_DB_URL from the environment, else the config, else tracker.db
TRACKER_REFETCH = False
TRACKER_FRONTIER = None  # the distributed run this process takes part in (crawler.frontier.scheduler.FrontierRun)
TRACKER_SEEDING = None  # and the seeding of its first requests (crawler.frontier.seeding.Seeding)
