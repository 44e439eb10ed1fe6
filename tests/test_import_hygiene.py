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
