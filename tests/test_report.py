"""`sanctuary-tracker report`: the counts it plots, and the page itself rendered in headless Chromium
(plots drawn with their marks, nothing logged as an error, nothing fetched from the network)."""

import os
import shutil
from collections import Counter
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scheduler.report_charts import NO_TOPIC, health_grid, outlets_histogram, top_officials, week_of, weekly_by_topic
from storage.report_data import SourceRunPoint, StatementPoint
from tests.conftest import optional, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's own browser checks start it: no sandbox as root, no background connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def point(day: date | None, official: str, topics: tuple[str, ...] = (), outlets: int = 1) -> StatementPoint:
    return StatementPoint(day, hash(official), official, topics, outlets, outlets)


def test_the_counts_behind_the_charts():
    points = [
        point(date(2025, 1, 28), "Chiu", ("sanctuary-policy", "immigration-enforcement"), 2),
        point(date(2025, 1, 27), "Lurie", ("sanctuary-policy",)),
        point(date(2025, 2, 3), "Lurie"),
        point(None, "Bass", ("sanctuary-policy",), 3),
    ]
    assert week_of(date(2025, 2, 2)) == date(2025, 1, 27) and week_of(date(2025, 2, 3)) == date(2025, 2, 3)
    weeks = weekly_by_topic(points)
    assert weeks["sanctuary-policy"] == Counter({date(2025, 1, 27): 2})  # the undated one counts nowhere
    assert weeks["immigration-enforcement"] == Counter({date(2025, 1, 27): 1})  # two topics: counted in both
    assert weeks[NO_TOPIC] == Counter({date(2025, 2, 3): 1})
    assert top_officials(points, 2) == [("Lurie", 2), ("Bass", 1)]  # ties by name
    assert outlets_histogram(points) == Counter({1: 2, 2: 1, 3: 1})
    runs = [
        SourceRunPoint(datetime(2025, 6, 1, 6), "kqed", 8, 2, 1),
        SourceRunPoint(datetime(2025, 6, 1, 18), "kqed", 10, 0, 1),
        SourceRunPoint(datetime(2025, 6, 2, 6), "abc7", 0, 0, 0),
    ]
    days, sources, shares, texts = health_grid(runs)
    assert days == [date(2025, 6, 1), date(2025, 6, 2)] and sources == ["kqed", "abc7"]
    assert shares == [[0.1, None], [None, 0.0]]  # two runs on one day add up; no run is no cell
    assert "18 pages, 2 errors, 2 new articles" in texts[0][0] and "not crawled" in texts[0][1]


def test_report_with_filters_and_a_bad_target(research_db, tmp_path):
    optional("plotly", "report")
    out = tmp_path / "r.html"
    written = run_cli("report", "--db", str(research_db), "-o", str(out), "--official", "Chiu")
    assert written.returncode == 0, written.stderr
    assert "wrote a report of 2 statements" in written.stderr
    page = out.read_text()
    assert "--official Chiu" in page and 'id="chart-officials"' in page
    assert _script_sources(page) == []  # the JavaScript is inlined: nothing to fetch
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # the usual mode, not the temporary file's
    missing = run_cli("report", "--db", str(research_db), "-o", str(tmp_path / "no" / "r.html"))
    assert missing.returncode == 2 and "--mkdir" in missing.stderr
    assert not list(tmp_path.glob("**/.r.html.*"))


def test_the_report_draws_every_plot_in_a_browser(research_db, tmp_path):
    optional("plotly", "report")
    optional("playwright", "dev")
    if not Path(CHROMIUM).exists():
        message = "Chromium is missing: apt-get install chromium (the report is checked in a real browser)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    assert run_cli("report", "--db", str(research_db), "-o", str(out)).returncode == 0
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5")
            marks = {
                "per-week": ".barlayer .point path",
                "officials": ".barlayer .point path",
                "officials-over-time": ".scatterlayer .point",
                "outlets": ".barlayer .point path",
                "crawl-health": ".heatmaplayer image",
            }
            drawn = {key: _visible_marks(page, f"#chart-{key} {selector}") for key, selector in marks.items()}
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    # Weeks by topic: 5 (topic, week) bars; 4 speakers; Chiu's two weeks and one each of 3 others over
    # time; statements reported by 1 and by 2 outlets; one heatmap.
    assert drawn == {"per-week": 5, "officials": 4, "officials-over-time": 5, "outlets": 2, "crawl-health": 1}
    assert (tmp_path / "report.png").stat().st_size > 20_000


def _script_sources(page: str) -> list[str]:
    """The src of every script element (script bodies are not parsed as markup)."""
    sources: list[str] = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            sources.extend(value or "" for name, value in attrs if tag == "script" and name == "src")

    Scripts().feed(page)
    return sources


def _visible_marks(page, selector: str) -> int:
    """How many elements match and are drawn: a non-empty box, painted (not transparent)."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].filter(el => {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            const paint = style.fill !== 'none' || el.tagName === 'image' || style.stroke !== 'none';
            return box.width > 0 && box.height > 0 && paint && style.opacity !== '0';
        }).length""",
        selector,
    )
