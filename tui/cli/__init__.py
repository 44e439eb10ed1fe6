"""The `rawi` command line: data on stdout, messages on stderr, exit code 2 for usage errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from tui.cli.agreement_command import agreement_command
from tui.cli.annotate_command import annotate_command
from tui.cli.annotators_command import annotators_command
from tui.cli.config_command import config_command
from tui.cli.corpus_commands import list_command, show_command
from tui.cli.entities_command import entities_command
from tui.cli.export_command import export_command
from tui.cli.index_command import index_command
from tui.cli.open_command import open_command
from tui.cli.options import GlobalOptions, global_options
from tui.cli.report_command import report_command
from tui.cli.search_command import search_command
from tui.cli.serve_command import serve_command
from tui.cli.stats_command import stats_command
from tui.cli.store_commands import compact_command, doctor_command, import_command
from tui.cli.stories_command import compare_command, stories_command
from tui.cli.suggest_command import suggest_command
from tui.printable import printable


class OpenByDefault(click.Group):
    """A group whose `open` may be left out: `rawi PATH...` and `rawi --bidi X` open the app."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        first = args[0]
        if self.get_command(ctx, first) is None:
            if not (first.startswith("-") or Path(first).exists()):
                raise click.UsageError(f"{first!r} is neither a command nor a file or folder", ctx)
            args = ["open", *args]
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an error message quoting data (a path, an id) is made inert."""
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            error.message = printable(error.message)
            raise


@click.group(
    cls=OpenByDefault,
    invoke_without_command=True,
    subcommand_metavar="[COMMAND | PATH...] [ARGS]...",
    context_settings={"help_option_names": ["-h", "--help"], "ignore_unknown_options": True},
)
@global_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """rawi (راوي): read and annotate Arabic news in the terminal.

    Without a command, opens the app: `rawi [PATH...] [--bidi MODE]` means `rawi open [PATH...]
    [--bidi MODE]` (without PATH, on the corpus: the bundled seeds by default).
    """
    ctx.ensure_object(GlobalOptions)
    if ctx.invoked_subcommand is None:  # parsed like `rawi open`, so that $RAWI_BIDI counts
        with open_command.make_context("open", [], parent=ctx) as open_context:
            open_command.invoke(open_context)


for command in (
    open_command,
    serve_command,
    list_command,
    show_command,
    search_command,
    index_command,
    import_command,
    doctor_command,
    compact_command,
    stats_command,
    report_command,
    export_command,
    annotate_command,
    entities_command,
    suggest_command,
    annotators_command,
    agreement_command,
    config_command,
    stories_command,
    compare_command,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="rawi")
