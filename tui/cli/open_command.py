"""`rawi open`: the interactive app (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path

import click

from annotations.corpus import iter_articles
from tui.cli.options import GlobalOptions, global_options, pass_options


@click.command("open")
@global_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--bidi",
    type=click.Choice(["visual", "terminal"]),
    envvar="RAWI_BIDI",
    help="Render mode for this run (default: the saved setting, else visual).",
)
@pass_options
def open_command(options: GlobalOptions, paths: tuple[Path, ...], bidi: str | None) -> None:
    """Open the reader on PATHS (default: the corpus).

    Articles stream into the list while they load; warnings about bad files are printed when the
    app closes.
    """
    from tui.app import RawiApp

    warnings: list[str] = []
    articles = iter_articles(paths or options.corpus_paths or None, on_warning=warnings.append)
    app = RawiApp(articles, db_path=options.db_path, annotator=options.annotator_name, bidi=bidi)
    app.run()
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
