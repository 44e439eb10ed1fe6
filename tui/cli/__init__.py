"""The `rawi` command line: data on stdout, messages on stderr, exit code 2 for usage errors."""

from __future__ import annotations

import click

from annotations import __version__
from tui.cli.corpus_commands import list_command, show_command
from tui.cli.entities_command import entities_command
from tui.cli.export_command import export_command
from tui.cli.open_command import open_command
from tui.cli.options import GlobalOptions, global_options
from tui.cli.stats_command import stats_command
from tui.cli.store_commands import doctor_command, import_command
from tui.cli.suggest_command import suggest_command


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="rawi")
@global_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """rawi (راوي): read and annotate Arabic news in the terminal.

    Without a command, opens the app on the corpus (the bundled seeds by default).
    """
    ctx.ensure_object(GlobalOptions)
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command)


for command in (
    open_command,
    list_command,
    show_command,
    import_command,
    doctor_command,
    stats_command,
    export_command,
    entities_command,
    suggest_command,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="rawi")
