"""`rawi open`: the interactive app (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path

import click

from annotations.corpus import load_corpus
from tui.cli.options import GlobalOptions, global_options, pass_options, warn
from tui.cli.progress import indexing_bar


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

    The corpus is read from its index (built first, with a progress bar on stderr, if it is
    new or changed); warnings about bad files are printed when the app closes.
    """
    from annotations.session import corpus_recogniser
    from tui.app import RawiApp

    warnings: list[str] = []
    with indexing_bar() as progress:
        corpus = load_corpus(
            paths or options.corpus_paths or None, on_warning=warnings.append, progress=progress
        )
    app = RawiApp(
        corpus,
        db_path=options.db_path,
        annotator=options.annotator_name,
        bidi=bidi,
        recogniser=corpus_recogniser(corpus),
    )
    app.run()
    for warning in warnings:
        warn(warning)
