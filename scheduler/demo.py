"""`sanctuary-tracker demo`: crawl a bundled site on 127.0.0.1 with the real spiders and pipelines."""

from importlib.resources import files
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from crawler.config import load_config
from scheduler.crawl import run_crawl
from scheduler.exporting import export_csv
from scheduler.site_server import Route, serve
from storage.db import make_engine, make_sessionmaker
from storage.models import Appearance, Article, Official, Statement
from storage.queries import StatementFilter

HTML = "text/html; charset=utf-8"
XML = "application/xml"
DEMO_ROUTES = {
    "/robots.txt": ("robots.txt", "text/plain"),
    "/abc7/feed.xml": ("feed.xml", "application/rss+xml"),
    "/abc7/sanctuary-ordinance.html": ("abc7-sanctuary.html", HTML),
    "/abc7/farmers-market.html": ("farmers-market.html", HTML),
    "/abc7/broken.html": ("broken.html", HTML),
    "/ledger/news-sitemap.xml": ("news-sitemap.xml", XML),
    "/ledger/sf-sanctuary-reaffirmed.html": ("ledger-sanctuary.html", HTML),
    "/ledger/harborview-detainers.html": ("harborview-council.html", HTML),
}


def demo_routes() -> dict[str, Route]:
    """The demo site's pages, read from the package."""
    site = files("scheduler") / "demo_site"
    return {path: (200, ctype, (site / name).read_bytes()) for path, (name, ctype) in DEMO_ROUTES.items()}


def demo_config(base: str) -> str:
    """The TOML config that points the tracker at the demo site."""
    return f"""# Written by `sanctuary-tracker demo`; the site runs on 127.0.0.1 only while the demo runs.
allow_private = true

[[sources]]
name = "abc7-demo"
kind = "feed"
url = "{base}/abc7/feed.xml"
outlet = "ABC7 News"

[[sources]]
name = "ledger-demo"
kind = "sitemap"
url = "{base}/ledger/news-sitemap.xml"
outlet = "The Bay Ledger (fictional)"
"""


def run_demo(output_dir: Path, console: Console | None = None) -> int:
    """Run the demo into output_dir (replacing an earlier demo there) and print a summary; the exit code."""
    console = console or Console()
    output_dir.mkdir(parents=True, exist_ok=True)
    db_path = output_dir / "demo.db"
    for old in output_dir.glob("demo.db*"):
        old.unlink()
    db_url = f"sqlite:///{db_path.resolve()}"
    csv_path = output_dir / "statements.csv"
    with serve(demo_routes()) as base:
        config_path = output_dir / "demo-config.toml"
        config_path.write_text(demo_config(base), encoding="utf-8")
        config = load_config(config_path)
        console.print(f"Serving the demo site on {base} and crawling it ...")
        summary = run_crawl(config, db_url, config.sources, refetch=True)
    n = export_csv(db_url, "statements", str(csv_path), StatementFilter())
    _print_summary(console, db_url, summary.status, summary.errors)
    console.print(f"\nDatabase: {db_path.resolve()}\nCSV ({n} statements): {csv_path.resolve()}")
    console.print(f"Try: sanctuary-tracker export statements --db {db_url} --output -")
    return summary.exit_code


def _print_summary(console: Console, db_url: str, status: str, errors: dict[str, int]) -> None:
    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            articles = session.scalar(select(func.count()).select_from(Article))
            statements = session.scalar(select(func.count()).select_from(Statement))
            speakers = session.scalar(select(func.count(func.distinct(Statement.official_id))))
            failures = ", ".join(f"{kind} {n}" for kind, n in sorted(errors.items()))
            console.print(
                f"\nCrawl {status}: {articles} articles, {statements} statements by {speakers} speakers"
                + (f"; recorded failures: {failures}" if failures else "")
            )
            table = Table(title="Statements (first 8)", show_lines=False)
            for column in ("speaker", "title", "date", "outlets", "quote"):
                table.add_column(column)
            rows = session.execute(
                select(Statement, Official).join(Official).order_by(Statement.said_on, Statement.id).limit(8)
            )
            for statement, official in rows:
                outlets = session.scalars(
                    select(Article.outlet).join(Appearance).where(Appearance.statement_id == statement.id).distinct()
                )
                table.add_row(
                    official.name,
                    official.title or "",
                    statement.said_on.isoformat() if statement.said_on else "undated",
                    "; ".join(o for o in outlets if o),
                    statement.text[:70] + ("..." if len(statement.text) > 70 else ""),
                )
            console.print(table)
    finally:
        engine.dispose()
