"""The smaller hostile cases of issue 13 and the exit codes: each refused or handled with one clear
line, no traceback, no file made or multiplied by surprise."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from tui.cli import cli
from tui.cli.options import MAX_COLUMNS

SEED = "000_fddd474ca5b3a723"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def handled(result) -> bool:
    """Ended by the command itself (an exit code), not by an exception."""
    return result.exception is None or isinstance(result.exception, SystemExit)


def corpus(folder: Path, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def article(article_id: str, text: str = "قال الرئيس إن الوضع جيد.") -> str:
    return json.dumps({"id": article_id, "title": "عنوان", "text": text}, ensure_ascii=False)


def test_a_huge_columns_is_clamped() -> None:
    result = run("show", SEED, "--bidi", "visual", "--no-color", env={"COLUMNS": "1000000"})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and lines
    assert max(map(cell_len, lines)) <= MAX_COLUMNS


@pytest.mark.parametrize("command", ["export", "stats", "list"])
def test_an_empty_annotator_is_a_usage_error(command: str, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "db.json"), command, "--annotator", "")
    assert result.exit_code == 2 and "annotator name cannot be empty" in result.stderr


@pytest.mark.parametrize("command", ["stats", "doctor", "export", "annotators"])
def test_reading_commands_never_create_a_database(command: str, tmp_path: Path) -> None:
    typo = tmp_path / "typo.json"
    result = run("--db", str(typo), command)
    assert handled(result)
    assert sorted(tmp_path.iterdir()) == []


def test_a_corrupt_database_is_copied_once_however_many_commands_run(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(b'{"_default": {"1": ')
    for command in ("stats", "doctor", "export", "stats", "doctor", "export"):
        result = run("--db", str(db), command)
        assert handled(result) and result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert len(list(tmp_path.glob("db.json.corrupt-*"))) == 1


def test_an_unreadable_sub_folder_is_reported(tmp_path: Path, monkeypatch) -> None:
    root = corpus(tmp_path / "corpus", article("a1"))
    locked = corpus(root / "locked", article("b1"))
    real_scandir = os.scandir

    def scandir(path=".") -> os.ScandirIterator:  # as root a chmod 000 folder stays readable
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("--corpus", str(root), "list")
    assert result.exit_code == 0 and result.stdout.startswith("a1\t")
    assert f"warning: {locked}: skipped, cannot read the folder (Permission denied)" in (
        result.stderr
    )


def test_exit_codes(tmp_path: Path, seeds) -> None:
    root = corpus(tmp_path / "corpus", article("a1"), '{"id": true, "text": "x"}', "{oops")
    listed = run("--corpus", str(root), "list")
    assert listed.exit_code == 0 and listed.stdout.startswith("a1\t")
    assert listed.stderr.count("warning:") == 2
    assert run("list", "--no-such-option").exit_code == 2
    assert run("--db", str(tmp_path / "db.json"), "export", "--format", "nope").exit_code == 2
    text = seeds[SEED].text
    start = text.index("السيسي")
    span = {"id": "s1", "layer": "entity", "label": "PER", "start": start, "end": start + 6}
    good = {"article_id": SEED, "annotator": "huda", "spans": [span]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(good) + "\n", encoding="utf-8")
    db = str(tmp_path / "db.json")
    assert run("--db", db, "import", str(source)).exit_code == 0
    source.write_text(json.dumps(good) + "\n" + json.dumps({**good, "spans": 5}) + "\n", "utf-8")
    refused = run("--db", db, "import", str(source))
    assert refused.exit_code == 1 and "in.jsonl:2:" in refused.stderr
