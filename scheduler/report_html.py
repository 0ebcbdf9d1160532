"""The report as one self-contained HTML file: Plotly's JavaScript inlined once, so it opens offline."""

from datetime import datetime
from html import escape

from scheduler.report_charts import Chart

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta { color: #555; margin-top: 0; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .5rem 1rem; }
dl.summary div { background: #f4f6f8; padding: .6rem .8rem; border-radius: 6px; }
dl.summary dt { font-size: .8rem; color: #555; } dl.summary dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
section { margin-top: 2rem; } section p.about { color: #555; margin: .2rem 0 .5rem; }
p.empty { padding: 2rem; background: #f4f6f8; text-align: center; color: #555; }
"""


def render_report(
    charts: list[Chart], summary: list[tuple[str, str]], filters: list[tuple[str, str]], generated: datetime
) -> str:
    """The whole HTML page: title, filters, summary figures, then one section per chart."""
    from plotly.io import to_html
    from plotly.offline import get_plotlyjs

    applied = "; ".join(f"{name} {escape(value)}" for name, value in filters) or "none (every statement)"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Sanctuary Tracker report</title>",
        f"<style>{STYLE}</style>",
        f'<script type="text/javascript">{get_plotlyjs()}</script>',
        "</head><body>",
        "<h1>Sanctuary Tracker report</h1>",
        f'<p class="meta">Generated {generated:%Y-%m-%d %H:%M} UTC. Filters: {applied}.</p>',
        '<dl class="summary">',
        *(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in summary),
        "</dl>",
    ]
    for chart in charts:
        parts.append(f'<section id="{chart.key}"><h2>{escape(chart.title)}</h2>')
        parts.append(f'<p class="about">{escape(chart.about)}</p>')
        if chart.figure is None:
            parts.append(f'<p class="empty">{escape(chart.empty)}</p>')
        else:
            div = f"chart-{chart.key}"
            config = {"displaylogo": False, "responsive": True}
            parts.append(to_html(chart.figure, full_html=False, include_plotlyjs=False, div_id=div, config=config))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
