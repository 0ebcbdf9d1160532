"""The `sanctuary-tracker` command: the composition root over crawler, pipelines and storage."""

import click

from scheduler.quotes_cmd import quotes_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def cli() -> None:
    """Track what officials say about sanctuary policy and immigration enforcement."""


cli.add_command(quotes_command)


def main() -> None:
    """Console-script entry point."""
    cli()
