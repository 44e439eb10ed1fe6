"""`rawi index`: build or refresh the corpus index now (any command does it on first use)."""

from __future__ import annotations

import click

from annotations.corpus import index_status
from tui.cli.options import GlobalOptions, global_options, pass_options, warn
from tui.printable import printable


@click.command("index")
@global_options
@click.option("--rebuild", is_flag=True, help="Throw the cached index away and build it again.")
@click.option("--status", is_flag=True, help="Only say where the index is and whether it is fresh.")
@pass_options
def index_command(options: GlobalOptions, rebuild: bool, status: bool) -> None:
    """Index the corpus (progress on stderr), then print the index's path, size and freshness."""
    if rebuild and status:
        raise click.UsageError("--rebuild and --status exclude each other")
    if not status:
        options.corpus(rebuild=rebuild, always_show_progress=True)
    state = index_status(options.corpus_paths or None, on_warning=warn if status else None)
    click.echo(f"index: {printable(state.path)}")
    if not state.exists:
        click.echo("state: not built (any command builds it)")
        return
    click.echo(f"articles: {state.articles}")
    click.echo(f"size: {state.bytes / 1e6:.1f} MB")
    if state.stale:
        click.echo(f"state: stale ({len(state.stale)} files new, changed or gone)")
        for path in state.stale:
            click.echo(f"  {printable(path)}")
    else:
        click.echo("state: fresh")
