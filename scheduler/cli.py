"""The `sanctuary-tracker` command: the composition root over crawler, pipelines and storage.

Each command lives in its own module, imported only when that command runs (or `--help` lists them all),
so `sanctuary-tracker quotes` starts without loading Scrapy, SQLAlchemy or the database layer.
"""

import gc
import importlib

import click

# Command name -> "module:attribute" of its click command.
COMMANDS = {
    "config": "scheduler.config_cmd:config_group",
    "crawl": "scheduler.crawl_cmd:crawl",
    "db": "scheduler.maintenance_cmd:db",
    "demo": "scheduler.maintenance_cmd:demo",
    "export": "scheduler.data_cmd:export",
    "frontier": "scheduler.frontier_cmd:frontier",
    "init": "scheduler.config_cmd:init_command",
    "officials": "scheduler.officials_cmd:officials",
    "quotes": "scheduler.quotes_cmd:quotes_command",
    "report": "scheduler.report_cmd:report",
    "reprocess": "scheduler.maintenance_cmd:reprocess",
    "runs": "scheduler.health_cmd:runs_command",
    "schedule": "scheduler.crawl_cmd:schedule",
    "serve": "scheduler.serve_cmd:serve",
    "sources": "scheduler.health_cmd:sources_command",
    "statement": "scheduler.statement_cmd:statement",
    "statements": "scheduler.data_cmd:statements",
    "worker": "scheduler.worker_cmd:worker",
}
# What `--help` lists for each command, so listing them imports none (a test keeps these equal to the
# first sentence of each command's own help).
SUMMARIES = {
    "config": "Check a config.",
    "crawl": "Crawl the configured sources into the database.",
    "db": "Database schema: show the migration revision, or migrate to the latest.",
    "demo": "Crawl a bundled demo site served on 127.0.0.1 (no network) and show what the tracker finds.",
    "export": "Export statements, appearances, articles or officials as CSV.",
    "frontier": "Look at the frontier of distributed runs (Redis): the open run, its queues and leases.",
    "init": "Write a commented starter config to PATH (default tracker.toml): database, contact, sources, "
    "schedules, topics, and where allow_private goes.",
    "officials": "List, inspect, merge and alias officials (the speakers of statements).",
    "quotes": "Find direct quotes in PATHS (.txt or .html; - reads plain text from standard input) and attribute "
    "them to their speakers.",
    "report": "Write an HTML report (opens offline, no network): statements per week by topic, the top officials "
    "and their statements over time, outlets per statement, and crawl health by source.",
    "reprocess": "Re-run extraction, topics, quotes and storage over stored pages (no network).",
    "runs": "List recent crawl runs: when, how they ended, what they added, errors by kind.",
    "schedule": "Run the scheduler daemon: crawl each source on its schedule (config `schedule`, default 1h).",
    "serve": "Browse the database in Datasette, read-only: the statement_overview and appearance_overview views, "
    "full-text search on statements, and canned queries (statements by official, by week, by outlet, and those "
    "reported by several outlets).",
    "sources": "Show each configured source's health: last success, items last time, empty runs, error rate.",
    "statement": "Look at one statement.",
    "statements": "Query statements: who said what, when, and which outlets reported it.",
    "worker": "Wait for distributed runs on the frontier and fetch for each until nothing of it is left.",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called `cmd_name`, imported now; None for a name that is no command."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of `--help`, from SUMMARIES: no command module is imported to print it."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, _shorten(SUMMARIES[name], limit)) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _shorten(text: str, limit: int) -> str:
    """The text cut at a word to fit `limit` characters, as click shortens a command's help."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:") + "..."


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def cli() -> None:
    """Track what officials say about sanctuary policy and immigration enforcement."""


def main() -> None:
    """Console-script entry point."""
    try:
        cli()
    finally:
        # The interpreter's last garbage collection walks every object a crawl left (0.45 s after a 570-page
        # crawl, a fortieth of it); frozen objects are skipped. Exit handlers and flushing still run.
        gc.freeze()
