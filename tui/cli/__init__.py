"""The `rawi` command line: data on stdout, messages on stderr, exit code 2 for usage errors."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from tui.cli.options import GlobalOptions, global_options
from tui.printable import printable

#: Where each command lives ("module:object"), imported only when it runs or `--help` lists
#: it: `rawi stats` loads neither Textual, Rich nor the code of the other commands.
COMMANDS: dict[str, str] = {
    "open": "tui.cli.open_command:open_command",
    "serve": "tui.cli.serve_command:serve_command",
    "list": "tui.cli.corpus_commands:list_command",
    "show": "tui.cli.corpus_commands:show_command",
    "search": "tui.cli.search_command:search_command",
    "index": "tui.cli.index_command:index_command",
    "import": "tui.cli.store_commands:import_command",
    "doctor": "tui.cli.store_commands:doctor_command",
    "compact": "tui.cli.store_commands:compact_command",
    "stats": "tui.cli.stats_command:stats_command",
    "report": "tui.cli.report_command:report_command",
    "export": "tui.cli.export_command:export_command",
    "annotate": "tui.cli.annotate_command:annotate_command",
    "entities": "tui.cli.entities_command:entities_command",
    "suggest": "tui.cli.suggest_command:suggest_command",
    "annotators": "tui.cli.annotators_command:annotators_command",
    "agreement": "tui.cli.agreement_command:agreement_command",
    "config": "tui.cli.config_command:config_command",
    "stories": "tui.cli.stories_command:stories_command",
    "compare": "tui.cli.stories_command:compare_command",
}


class OpenByDefault(click.Group):
    """A group whose `open` may be left out: `rawi PATH...` and `rawi --bidi X` open the app;
    its commands (`COMMANDS`) are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, command = COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), command), name)
        return self.commands.get(name)

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
        open_command = cli.get_command(ctx, "open")
        assert open_command is not None  # listed in COMMANDS
        with open_command.make_context("open", [], parent=ctx) as open_context:
            open_command.invoke(open_context)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="rawi")
