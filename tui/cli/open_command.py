"""`rawi open`: the interactive app (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.settings import Settings, global_options, pass_settings


@click.command("open")
@global_options
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@pass_settings
def open_command(settings: Settings, paths: tuple[Path, ...]) -> None:
    """Open the reader on PATHS (default: the corpus)."""
    if paths:
        settings.corpus_paths = paths
    from tui.app import make_app

    make_app(settings.corpus(), db_path=settings.db_path, annotator=settings.annotator_name).run()
