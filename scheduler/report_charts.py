"""The report's charts: counts by week, official, outlet and source (pure functions over the report's
rows), drawn as Plotly figures."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from storage.report_data import SourceRunPoint, StatementPoint

TOP_OFFICIALS = 12  # bars in the top-officials chart
OFFICIAL_LINES = 6  # of which drawn over time (more lines than this no one can tell apart)
NO_TOPIC = "(no topic)"
LAYOUT = {"template": "plotly_white", "height": 380, "margin": {"l": 60, "r": 20, "t": 30, "b": 50}}
COUNT_AXIS = {"rangemode": "tozero", "tickformat": "d"}  # counts: whole numbers from zero


@dataclass(frozen=True, slots=True)
class Chart:
    """One section of the report: a figure, or why there is none."""

    key: str
    title: str
    about: str
    figure: Any | None  # a plotly Figure
    empty: str = ""


def week_of(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def weekly_by_topic(points: Iterable[StatementPoint]) -> dict[str, Counter[date]]:
    """Topic -> statements per week; a statement on two topics counts under each, undated ones nowhere."""
    weeks: dict[str, Counter[date]] = defaultdict(Counter)
    for point in points:
        if point.said_on is not None:
            for topic in point.topics or (NO_TOPIC,):
                weeks[topic][week_of(point.said_on)] += 1
    return dict(weeks)


def top_officials(points: Iterable[StatementPoint], n: int = TOP_OFFICIALS) -> list[tuple[str, int]]:
    """The n officials with the most statements (ties by name), with their counts."""
    counts = Counter(point.official for point in points)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def weekly_by_official(points: Iterable[StatementPoint], names: Iterable[str]) -> dict[str, Counter[date]]:
    """Statements per week of each named official (dated statements only)."""
    wanted = set(names)
    weeks: dict[str, Counter[date]] = {name: Counter() for name in wanted}
    for point in points:
        if point.official in wanted and point.said_on is not None:
            weeks[point.official][week_of(point.said_on)] += 1
    return weeks


def outlets_histogram(points: Iterable[StatementPoint]) -> Counter[int]:
    """Number of outlets -> statements reported by that many outlets."""
    return Counter(point.outlets for point in points)


Grid = tuple[list[date], list[str], list[list[float | None]], list[list[str]]]


def health_grid(runs: Iterable[SourceRunPoint]) -> Grid:
    """Days, sources and, per source and day, the share of requests that failed (None: no run that day)
    with a hover text of pages, errors and new articles."""
    cells: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0, 0])
    for run in runs:
        cell = cells[(run.source, run.started_at.date())]
        cell[0] += run.pages
        cell[1] += run.errors
        cell[2] += run.articles_new
    days = sorted({day for _, day in cells})
    sources = sorted({source for source, _ in cells}, reverse=True)  # alphabetical from the top
    shares: list[list[float | None]] = []
    texts: list[list[str]] = []
    for source in sources:
        row_share: list[float | None] = []
        row_text: list[str] = []
        for day in days:
            totals = cells.get((source, day))
            if totals is None:
                row_share.append(None)
                row_text.append(f"{source}<br>{day}: not crawled")
                continue
            pages, errors, new = totals
            row_share.append(errors / (pages + errors) if pages + errors else 0.0)
            row_text.append(f"{source}<br>{day}: {pages} pages, {errors} errors, {new} new articles")
        shares.append(row_share)
        texts.append(row_text)
    return days, sources, shares, texts


def charts(points: list[StatementPoint], runs: list[SourceRunPoint]) -> list[Chart]:
    """Every chart of the report, in reading order."""
    return [
        _topics_chart(points),
        _officials_chart(points),
        _officials_over_time(points),
        _reach_chart(points),
        _health_chart(runs),
    ]


def _figure() -> Any:
    import plotly.graph_objects as go

    return go.Figure(layout=LAYOUT)


def _topics_chart(points: list[StatementPoint]) -> Chart:
    import plotly.graph_objects as go

    weeks = weekly_by_topic(points)
    about = (
        "Dated statements per week (weeks start on Monday), stacked by topic; a statement on two topics counts in both."
    )
    if not weeks:
        return Chart("per-week", "Statements per week by topic", about, None, "No dated statements match.")
    figure = _figure()
    for topic in sorted(weeks, key=lambda t: (t == NO_TOPIC, t)):
        days = sorted(weeks[topic])
        figure.add_trace(go.Bar(x=[d.isoformat() for d in days], y=[weeks[topic][d] for d in days], name=topic))
    figure.update_layout(
        barmode="stack", xaxis={"type": "date", "title": "week of"}, yaxis={**COUNT_AXIS, "title": "statements"}
    )
    return Chart("per-week", "Statements per week by topic", about, figure)


def _officials_chart(points: list[StatementPoint]) -> Chart:
    import plotly.graph_objects as go

    top = top_officials(points)
    about = f"The {TOP_OFFICIALS} speakers with the most statements matching the filters."
    if not top:
        return Chart("officials", "Top officials", about, None, "No statements match.")
    figure = _figure()
    names = [name for name, _ in reversed(top)]  # the largest bar on top
    figure.add_trace(go.Bar(x=[n for _, n in reversed(top)], y=names, orientation="h", name="statements"))
    figure.update_layout(xaxis={**COUNT_AXIS, "title": "statements"}, height=max(300, 40 + 28 * len(top)))
    return Chart("officials", "Top officials", about, figure)


def _officials_over_time(points: list[StatementPoint]) -> Chart:
    import plotly.graph_objects as go

    names = [name for name, _ in top_officials(points, OFFICIAL_LINES)]
    weeks = weekly_by_official(points, names)
    about = f"Statements per week of the {OFFICIAL_LINES} most quoted officials."
    if not any(weeks.values()):
        return Chart("officials-over-time", "Top officials over time", about, None, "No dated statements match.")
    figure = _figure()
    for name in names:
        days = sorted(weeks[name])
        if days:
            x = [d.isoformat() for d in days]
            figure.add_trace(go.Scatter(x=x, y=[weeks[name][d] for d in days], name=name, mode="lines+markers"))
    figure.update_layout(xaxis={"type": "date", "title": "week of"}, yaxis={**COUNT_AXIS, "title": "statements"})
    return Chart("officials-over-time", "Top officials over time", about, figure)


def _reach_chart(points: list[StatementPoint]) -> Chart:
    import plotly.graph_objects as go

    histogram = outlets_histogram(points)
    about = "How many statements were reported by one outlet, two, three and more."
    if not histogram:
        return Chart("outlets", "Outlets per statement", about, None, "No statements match.")
    figure = _figure()
    counts = sorted(histogram)
    figure.add_trace(go.Bar(x=counts, y=[histogram[c] for c in counts], name="statements"))
    figure.update_layout(
        xaxis={"title": "outlets that reported it", "dtick": 1}, yaxis={**COUNT_AXIS, "title": "statements"}
    )
    return Chart("outlets", "Outlets per statement", about, figure)


def _health_chart(runs: list[SourceRunPoint]) -> Chart:
    import plotly.graph_objects as go

    days, sources, shares, texts = health_grid(runs)
    about = "Share of each source's requests that failed, per day of crawling (not filtered by speaker or topic)."
    if not sources:
        return Chart("crawl-health", "Crawl health by source", about, None, "No finished crawls recorded.")
    figure = _figure()
    figure.add_trace(
        go.Heatmap(
            x=[d.isoformat() for d in days],
            y=sources,
            z=shares,
            text=texts,
            hoverinfo="text",
            zmin=0,
            zmax=1,
            colorscale="RdYlGn_r",
            colorbar={"title": "failed"},
            xgap=2,
            ygap=2,
        )
    )
    figure.update_layout(xaxis={"type": "category", "title": "day"}, height=max(300, 80 + 30 * len(sources)))
    return Chart("crawl-health", "Crawl health by source", about, figure)
