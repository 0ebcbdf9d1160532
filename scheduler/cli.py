"""The `sanctuary-tracker` command: the composition root over crawler, pipelines and storage.

Each command lives in its own module, imported only when that command runs (or `--help` lists them all),
so `sanctuary-tracker quotes` starts without loading Scrapy, SQLAlchemy or the database layer.
"""

import importlib

import click

# Command name -> "module:attribute" of its click command.
COMMANDS = {
    "config": "scheduler.config_cmd:config_group",
    "crawl": "scheduler.crawl_cmd:crawl",
    "db": "scheduler.maintenance_cmd:db",
    "demo": "scheduler.maintenance_cmd:demo",
    "export": "scheduler.data_cmd:export",
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


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def cli() -> None:
    """Track what officials say about sanctuary policy and immigration enforcement."""


def main() -> None:
    """Console-script entry point."""
    cli()
