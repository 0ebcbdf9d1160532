"""`sanctuary-tracker report`: one self-contained HTML file of plots over the statements a filter selects."""

import sys
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import click

from scheduler.exit_codes import EXIT_USAGE
from scheduler.filters import filter_options, statement_filter
from scheduler.options import config_option, database_url, db_option

REPORT_EXTRA = "pip install 'sanctuary-tracker[report]'"


@click.command("report")
@click.option("--output", "-o", default="report.html", show_default=True, help="HTML file to write.")
@config_option
@db_option
@filter_options
@click.option("--mkdir", is_flag=True, help="Create the output file's folder if it does not exist.")
def report(output: str, config_path: str | None, db_url: str | None, mkdir: bool, **options: Any) -> None:
    """Write an HTML report (opens offline, no network): statements per week by topic, the top officials
    and their statements over time, outlets per statement, and crawl health by source. The filters are
    those of `statements`; --since/--until also bound the crawls shown. Needs the report extra."""
    from scheduler.database import open_database
    from scheduler.exporting import ExportTargetError, check_target, replacing
    from scheduler.report_charts import charts
    from scheduler.report_html import render_report
    from storage.report_data import source_run_points, statement_points

    try:
        import plotly  # noqa: F401  (the chart modules import it when they draw)
    except ImportError:
        click.echo(f"error: report needs Plotly: {REPORT_EXTRA}", err=True)
        sys.exit(EXIT_USAGE)
    options.pop("sort")
    flt = statement_filter(options)
    try:
        target = check_target(output, mkdir)
    except ExportTargetError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    with open_database(database_url(db_url, config_path), write=False) as sessions, sessions.begin() as session:
        points = statement_points(session, flt)
        runs = source_run_points(session, flt.since, flt.until)
    dated = sorted(p.said_on for p in points if p.said_on)
    summary = [
        ("statements", f"{len(points):,}"),
        ("officials", f"{len({p.official_id for p in points}):,}"),
        ("reported by 2+ outlets", f"{sum(p.outlets >= 2 for p in points):,}"),
        ("first said", dated[0].isoformat() if dated else "-"),
        ("last said", dated[-1].isoformat() if dated else "-"),
        ("undated", f"{len(points) - len(dated):,}"),
        ("crawl records", f"{len(runs):,}"),
    ]
    filters = [(f"--{k.replace('_', '-')}", str(v)) for k, v in asdict(flt).items() if v]
    page = render_report(charts(points, runs), summary, filters, datetime.now(UTC))
    with replacing(target) as fh:
        fh.write(page)
    click.echo(f"wrote a report of {len(points)} statements to {target}", err=True)
