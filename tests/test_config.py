"""Config loading: defaults, validation errors that name the bad key, private addresses."""

import pytest

from crawler.config import ConfigError, load_config, resolve_db_url


def write(tmp_path, body: str):
    path = tmp_path / "c.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_default_has_sources_and_topics():
    config = load_config()
    assert len(config.sources) >= 5
    assert {s.kind for s in config.sources} == {"feed", "listing", "gdelt", "search"}
    assert {t.name for t in config.topics} == {"sanctuary-policy", "immigration-enforcement"}


def test_partial_config_takes_default_topics(tmp_path):
    config = load_config(write(tmp_path, '[[sources]]\nname = "a"\nkind = "feed"\nurl = "https://example.org/feed"\n'))
    assert [s.name for s in config.sources] == ["a"]
    assert config.topics == load_config().topics


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1\n", "unknown key(s) colour"),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://e.org/"\n', "kind 'rss'"),
        ('[[sources]]\nname = "a"\nkind = "feed"\nurl = "file:///etc/passwd"\n', "not an http(s) URL"),
        ('[[sources]]\nname = "a"\nkind = "feed"\nurl = "http://127.0.0.1/feed"\n', "allow_private"),
        (
            '[[sources]]\nname = "a"\nkind = "feed"\nurl = "https://e.org/"\nspeed = 2\n',
            "unknown key(s) speed",
        ),
        ('[[sources]]\nname = "a"\nkind = "urls"\nurl = "https://e.org/"\n', "does not take url"),
        ("[[sources]\n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path, body, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(write(tmp_path, body))


def test_private_source_allowed_when_said(tmp_path):
    body = '[[sources]]\nname = "a"\nkind = "feed"\nurl = "http://127.0.0.1:8000/feed"\nallow_private = true\n'
    assert load_config(write(tmp_path, body)).sources[0].allow_private


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_db_url_precedence(tmp_path, monkeypatch):
    config = load_config(write(tmp_path, '[database]\nurl = "sqlite:///from-config.db"\n'))
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    assert resolve_db_url(None, config) == "sqlite:///from-config.db"
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:///from-env.db")
    assert resolve_db_url(None, config) == "sqlite:///from-env.db"
    assert resolve_db_url("sqlite:///flag.db", config) == "sqlite:///flag.db"
    monkeypatch.delenv("TRACKER_DB_URL")
    assert resolve_db_url(None, None) == "sqlite:///tracker.db"


def test_init_writes_a_starter_config_that_config_check_accepts(tmp_path):
    from click.testing import CliRunner

    from scheduler.cli import cli

    path = tmp_path / "tracker.toml"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(path)]).exit_code == 0
    assert "allow_private" in path.read_text()  # says where it goes
    again = runner.invoke(cli, ["init", str(path)])
    assert again.exit_code == 2 and "--force" in again.stderr
    checked = runner.invoke(cli, ["config", "check", "--config", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "kqed (feed, every 30m)" in checked.stdout and "https://www.kqed.org/news/feed" in checked.stdout
    secret = tmp_path / "secret.toml"
    secret.write_text('[database]\nurl = "postgresql+psycopg://tracker:hunter2@db.example/tracker"\n')
    shown = runner.invoke(cli, ["config", "check", "--config", str(secret)])
    assert shown.exit_code == 0 and "hunter2" not in shown.stdout and "***" in shown.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[[sources]]\nname = 'x'\nkind = 'telepathy'\n")
    bad = runner.invoke(cli, ["config", "check", "--config", str(broken)])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: ")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[crawler]\ndownload_timeout = nan\n", "download_timeout must be a number of seconds above 0"),
        ("[crawler]\ndownload_timeout = inf\n", "download_timeout must be a number of seconds above 0"),
        ("[crawler]\ndownload_timeout = 1e20\n", "at most 600"),
        ("[crawler]\nretry_times = 100000000000000000000\n", "retry_times must be a whole number from 0 to 10"),
        ("[crawler]\nretry_times = 1e20\n", "retry_times must be a whole number"),
        ("[crawler]\nmax_sitemaps = 0\n", "max_sitemaps must be a whole number from 1"),
        ("[crawler]\nmax_sitemap_depth = 1000\n", "max_sitemap_depth must be a whole number from 1 to 20"),
        ("[crawler]\nconcurrent_requests = 0\n", "concurrent_requests must be a whole number from 1 to 512"),
        ("[crawler]\nconcurrent_requests_per_domain = 1e3\n", "concurrent_requests_per_domain must be a whole"),
        ("[crawler]\ndownload_delay = -1\n", "download_delay must be a number of seconds from 0 to 600"),
        ("[crawler]\ndownload_delay = nan\n", "download_delay must be a number of seconds"),
        ('[crawler]\nautothrottle = "no"\n', "autothrottle must be true or false"),
        ("[crawler]\nobey_robots = 0\n", "obey_robots must be true or false"),
        (
            '[[sources]]\nname = "a"\nkind = "feed"\nurl = "https://a.example/f"\ndownload_delay = 1e9\n',
            "source 'a': download_delay must be a number of seconds",
        ),
        (
            '[[sources]]\nname = "a"\nkind = "feed"\nurl = "https://a.example/f"\nconcurrent_requests_per_domain = 0\n',
            "concurrent_requests_per_domain must be a whole number from 1 to 128",
        ),
        ('[schedule]\ndefault = "99999999999999d"\n', "at most a year"),
        ('[schedule]\nmisfire_grace = "99999999999999d"\n', "at most a year"),
    ],
)
def test_limits_stay_in_sane_ranges(tmp_path, body, message):
    # nan, inf, 1e20 retries and schedules that overflow the scheduler were accepted and failed later.
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, body))


def test_a_config_out_of_range_is_one_line_and_exit_2(tmp_path):
    from tests.conftest import run_cli

    path = write(tmp_path, '[schedule]\ndefault = "99999999999999d"\n')
    result = run_cli("config", "check", "--config", str(path))
    assert result.returncode == 2 and "at most a year" in result.stderr and "Traceback" not in result.stderr


def test_politeness_reaches_scrapy_crawl_wide_and_per_source_host(tmp_path):
    from scheduler.crawl import scrapy_settings

    default = scrapy_settings(load_config(write(tmp_path, "")), "sqlite://", False, "WARNING", None)
    assert default.getbool("AUTOTHROTTLE_ENABLED") and default.getbool("ROBOTSTXT_OBEY")
    assert (default.getint("CONCURRENT_REQUESTS"), default.getint("CONCURRENT_REQUESTS_PER_DOMAIN")) == (16, 4)
    assert default.getfloat("DOWNLOAD_DELAY") == 0 and default.getdict("DOWNLOAD_SLOTS") == {}
    body = """[crawler]
autothrottle = false
obey_robots = false
concurrent_requests = 32
concurrent_requests_per_domain = 8
download_delay = 0.25
[[sources]]
name = "slow"
kind = "feed"
url = "https://slow.example/feed"
download_delay = 5
concurrent_requests_per_domain = 1
[[sources]]
name = "slow-too"
kind = "sitemap"
url = "https://slow.example/sitemap.xml"
download_delay = 2
[[sources]]
name = "plain"
kind = "feed"
url = "https://plain.example/feed"
"""
    settings = scrapy_settings(load_config(write(tmp_path, body)), "sqlite://", False, "WARNING", None)
    assert not settings.getbool("AUTOTHROTTLE_ENABLED") and not settings.getbool("ROBOTSTXT_OBEY")
    assert (settings.getint("CONCURRENT_REQUESTS"), settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")) == (32, 8)
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.25
    # Two sources on one host: the politer of each setting; a source without its own takes the crawl's.
    assert settings.getdict("DOWNLOAD_SLOTS") == {"slow.example": {"delay": 5.0, "concurrency": 1}}


def test_extensions_the_tracker_never_uses_stay_off_with_and_without_the_progress_line(tmp_path):
    # Scrapy 2.19's RemoteControl extension imported aiohttp into every crawl (0.17 s of its start) though
    # nothing used it; the progress line's settings once replaced the whole EXTENSIONS setting.
    from scrapy.utils.conf import build_component_list

    from crawler.progress import progress_settings
    from scheduler.crawl import scrapy_settings

    config = load_config(write(tmp_path, ""))
    for overrides in (None, progress_settings()):
        settings = scrapy_settings(config, "sqlite://", False, "WARNING", None, overrides)
        enabled = build_component_list(settings.getwithbase("EXTENSIONS"))
        assert not [e for e in enabled if "remote_control" in str(e) or "telnet" in str(e)], enabled
        assert ("crawler.progress.ProgressExtension" in enabled) == (overrides is not None)
