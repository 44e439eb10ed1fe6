"""`rawi config check`: the settings and keymap file, checked without opening the app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.config import config_path, load_config
from tui.printable import printable


@click.group("config")
def config_command() -> None:
    """The settings and keymap file (config.toml; $RAWI_CONFIG overrides where it is)."""


@config_command.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def check_command(path: Path | None) -> None:
    """Check PATH (default: the config file): values of the wrong type, unknown binding ids,
    key names Textual does not know, a key bound twice in one screen or taking Quit's place.
    Exit 1 on a problem."""
    from tui.keymap import app_screens, keymap_problems  # the app's bindings: imports Textual

    path = path or config_path()
    config = load_config(path)
    problems = [*config.problems, *keymap_problems(config.keymap, app_screens())]
    for problem in problems:
        click.echo(printable(f"problem: {problem}"), err=True)
    if problems:
        sys.exit(1)
    exists = path.exists()
    click.echo(printable(f"{path}: ok" if exists else f"{path}: no file, the defaults apply"))
