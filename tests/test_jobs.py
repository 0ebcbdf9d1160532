"""Building scheduler jobs from config: a pure function."""

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from crawler.config import ConfigError, load_config
from scheduler.jobs import build_jobs


def config(tmp_path, body: str):
    path = tmp_path / "c.toml"
    path.write_text(body)
    return load_config(path)


SOURCES = """
[[sources]]
name = "a"
kind = "feed"
url = "https://a.example/feed"
{a}
[[sources]]
name = "b"
kind = "feed"
url = "https://b.example/feed"
{b}
[[sources]]
name = "c"
kind = "sitemap"
url = "https://c.example/sitemap.xml"
"""


def test_sources_on_one_schedule_share_a_job(tmp_path):
    cfg = config(tmp_path, '[schedule]\ndefault = "2h"\n' + SOURCES.format(a='schedule = "30m"', b=""))
    jobs = build_jobs(cfg)
    assert [(j.id, j.sources) for j in jobs] == [("crawl 2h", ("b", "c")), ("crawl 30m", ("a",))]
    triggers = {j.schedule: j.trigger() for j in jobs}
    assert isinstance(triggers["30m"], IntervalTrigger) and triggers["30m"].interval.total_seconds() == 1800


def test_cron_expressions(tmp_path):
    cfg = config(tmp_path, SOURCES.format(a='schedule = "*/15 6-22 * * 1-5"', b='schedule = "1d"'))
    jobs = {j.schedule: j for j in build_jobs(cfg)}
    assert set(jobs) == {"*/15 6-22 * * 1-5", "1d", "1h"}
    assert isinstance(jobs["*/15 6-22 * * 1-5"].trigger(), CronTrigger)


@pytest.mark.parametrize("schedule", ["often", "30x", "0m", "* * *"])
def test_bad_schedules_are_config_errors(tmp_path, schedule):
    with pytest.raises(ConfigError, match="schedule"):
        config(tmp_path, SOURCES.format(a=f'schedule = "{schedule}"', b=""))


def test_bad_cron_fields_fail_when_building_the_trigger(tmp_path):
    cfg = config(tmp_path, SOURCES.format(a='schedule = "99 * * * *"', b=""))
    with pytest.raises(ConfigError, match="99"):
        [j.trigger() for j in build_jobs(cfg)]


def test_defaults(tmp_path):
    cfg = config(tmp_path, SOURCES.format(a="", b=""))
    assert cfg.default_schedule == "1h" and cfg.misfire_grace == 900
    assert [j.id for j in build_jobs(cfg)] == ["crawl 1h"]


def test_the_database_url_stays_out_of_job_state_and_command_lines(tmp_path, monkeypatch):
    # The daemon passed `--db <URL with password>` on each crawl's command line (visible in `ps`) and stored
    # the URL in the pickled job state. Now the job state holds the config path and sources only, and the
    # crawl gets the URL in its environment.
    import pickle
    import subprocess

    from scheduler import daemon

    secret_url = "sqlite:///" + str(tmp_path / "jobs.db") + "?password=s3cret"  # stands in for a password
    cfg = config(tmp_path, SOURCES.format(a="", b="", c=""))
    scheduler = daemon.make_scheduler(cfg, f"sqlite:///{tmp_path / 'jobs.db'}", build_jobs(cfg))
    # What the job store pickles beside the function's reference: its arguments.
    state = [pickle.dumps((job.args, job.kwargs)) for job in scheduler.get_jobs()]
    assert state and not any(b"jobs.db" in s for s in state)
    assert all(job.args == (cfg.path, list(job.args[1])) for job in scheduler.get_jobs())

    launched = []

    class Child:
        def __init__(self, argv, env):
            launched.append((argv, env))

        def wait(self):
            return 0

    monkeypatch.setattr(subprocess, "Popen", Child)
    monkeypatch.setattr(daemon, "_db_url", secret_url)
    assert daemon.run_scheduled_crawl(str(cfg.path), ["a", "b"]) == 0
    [(argv, env)] = launched
    assert not any("s3cret" in arg or "jobs.db" in arg for arg in argv)
    assert env["TRACKER_DB_URL"] == secret_url
    assert argv[-4:] == ["--source", "a", "--source", "b"]
