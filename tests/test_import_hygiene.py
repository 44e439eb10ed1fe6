"""The domain core and the non-interactive CLI never import Textual; the recogniser never
imports its training tools."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def imported_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return set(json.loads(output.stdout))


def test_annotations_imports_no_ui() -> None:
    statement = (
        "import pkgutil, importlib, annotations; "
        "[importlib.import_module(m.name)"
        " for m in pkgutil.walk_packages(annotations.__path__, 'annotations.')"
        " if not m.name.endswith('.train_neural')]"
    )
    modules = imported_after(statement)
    assert not {m for m in modules if m.split(".")[0] in {"textual", "rich", "tui"}}


def test_the_recogniser_imports_none_of_its_training_tools() -> None:
    modules = imported_after("from annotations.entities import recognise; recognise('زار ماكرون')")
    assert "annotations.entities.recogniser" in modules
    assert not {m for m in modules if m.startswith("annotations.entities.training")}


@pytest.mark.parametrize("command", ["list", "show", "search", "index"])
def test_non_interactive_commands_import_no_textual(command: str) -> None:
    statement = (
        "from click.testing import CliRunner; from tui.cli import cli; "
        f"CliRunner().invoke(cli, ['{command}', '--help'])"
    )
    assert not {m for m in imported_after(statement) if m.startswith("textual")}


def test_stats_imports_its_own_command_alone_and_no_rich_once_indexed(tmp_path) -> None:
    """Commands are imported when run: `rawi stats` loads no other command, no Textual, and,
    with the corpus already indexed (nothing to draw a bar for), no Rich."""
    db = tmp_path / "db.json"
    statement = (
        "from click.testing import CliRunner; from tui.cli import cli; "
        f"assert CliRunner().invoke(cli, ['stats', '--db', {str(db)!r}]).exit_code == 0"
    )
    first = imported_after(statement)  # indexes the corpus
    assert not {m for m in first if m.startswith("textual")}
    assert {m for m in first if m.startswith("tui.cli.")} == {
        "tui.cli.options",
        "tui.cli.progress",
        "tui.cli.stats_command",
    }
    assert not {m for m in imported_after(statement) if m.split(".")[0] in {"rich", "textual"}}
