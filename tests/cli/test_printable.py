"""Nothing printed from data can drive the terminal: escapes, C1 controls, bidi controls and lone
surrogates in ids, titles, outlets and file names are shown escaped, and JSON stays valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotations.store import Store
from tui.cli import cli
from tui.printable import printable, printable_json

#: What must never reach the terminal raw.
UNSAFE = ["\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\u200f", "\u2028"]
TEXT = "قال الرئيس إن الاقتصاد ينمو بسرعة كبيرة هذا العام."
HOSTILE = "x\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202e\u2066y"


def assert_inert(output: bytes) -> None:
    text = output.decode("utf-8")  # valid UTF-8: no lone surrogate either
    assert not [c for c in UNSAFE if c in text], text


@given(st.text())
def test_printable_leaves_nothing_unsafe(value: str) -> None:
    shown = printable(value)
    assert not any(c in shown for c in [*UNSAFE, "\n", "\t", "\ud800"])
    shown.encode("utf-8")


@given(st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner)))
def test_printable_json_is_the_same_data_and_inert(value: object) -> None:
    text = printable_json(value, indent=2)
    assert json.loads(text) == value
    assert not any(c in text for c in UNSAFE)


def test_printable_shows_what_was_there() -> None:
    assert printable("a\x1b[2Jb\u202e") == "a\\x1b[2Jb\\u202e"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [
        {"id": "t1", "title": HOSTILE, "outlet": HOSTILE, "text": TEXT},
        {"id": HOSTILE, "title": "t", "text": TEXT},
    ]
    (corpus / "a.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    (corpus / f"page{HOSTILE}.txt").write_text(TEXT + "\n")
    (corpus / f"bad{HOSTILE}.jsonl").write_text("{not json\n")
    return corpus


def rawi(*args: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(cli, list(args), color=True)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout_bytes + result.stderr_bytes


@pytest.mark.parametrize(
    "command",
    [["list"], ["list", "--json"], ["stats", "--all-annotators"], ["stats", "--json"], ["doctor"]],
)
def test_listing_commands_print_nothing_raw(hostile: Path, tmp_path: Path, command) -> None:
    db = tmp_path / "db.json"
    with Store.open(db):
        pass
    code, output = rawi("--corpus", str(hostile), "--db", str(db), *command)
    assert code == 0
    assert_inert(output)
    assert b"\\x1b" in output or b"\\u001b" in output  # shown escaped, not dropped silently


def test_list_json_is_valid_and_ids_from_file_names_are_clean(hostile: Path) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(hostile), "list", "--json"], color=True)
    ids = {row["id"] for row in json.loads(result.stdout_bytes)}
    assert result.exit_code == 0
    assert ids == {"t1", "xy", "pagexy"}  # cleaned at load like JSONL ids


def test_show_of_an_unknown_hostile_id(hostile: Path) -> None:
    code, output = rawi("--corpus", str(hostile), "show", HOSTILE + "z")
    assert code == 2
    assert_inert(output)


def test_import_conflicts_and_bad_lines_print_nothing_raw(seeds, tmp_path: Path) -> None:
    seed = seeds.ids()[0]
    span = {"id": HOSTILE, "layer": "attribution", "label": "CUE", "start": 0, "end": 3}
    first = {"article_id": seed, "annotator": HOSTILE, "spans": [span]}
    second = {**first, "spans": [{**span, "label": "SOURCE"}]}
    source = tmp_path / "in.jsonl"
    source.write_text(f"{json.dumps(first)}\n{json.dumps(second)}\n{HOSTILE}\n")
    _code, output = rawi("--db", str(tmp_path / "db.json"), "import", str(source))
    assert_inert(output)
