"""`rawi entities`: JSON lines with the documented fields, a table, decisions, unknown ids."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli import cli

ARTICLE = "000_fddd474ca5b3a723"


def run(*args: str):
    return CliRunner().invoke(cli, ["entities", *args], catch_exceptions=False)


def test_jsonl_has_one_valid_object_per_entity(seeds) -> None:
    result = run(ARTICLE)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    text = seeds[ARTICLE].text
    for row in rows:
        assert set(row) == {
            "article",
            "start",
            "end",
            "label",
            "text",
            "origin",
            "confidence",
            "name_start",
        }
        assert row["article"] == ARTICLE
        assert text[row["start"] : row["end"]] == row["text"]
    assert {"text": "لماكرون", "label": "PER"}.items() <= rows[1].items()


def test_all_articles_by_default(seed_ids) -> None:
    rows = [json.loads(line) for line in run().stdout.splitlines()]
    assert {row["article"] for row in rows} == set(seed_ids)


def test_table_format() -> None:
    lines = run(ARTICLE, "--format", "table").stdout.splitlines()
    assert lines[0].split("\t") == [
        "article",
        "start",
        "end",
        "label",
        "origin",
        "confidence",
        "text",
    ]
    first = lines[1].split("\t")
    assert first[:4] == [ARTICLE, "0", "6", "PER"] and first[-1] == "السيسي"


def test_decisions_file_applies(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps([{"key": "ماكرون", "label": None}]), encoding="utf-8")
    rows = [json.loads(line) for line in run(ARTICLE, "--decisions", str(path)).stdout.splitlines()]
    texts = [row["text"] for row in rows]
    assert "السيسي" in texts and "ماكرون" not in texts and "لماكرون" not in texts


def test_unknown_article_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["entities", "nope"])
    assert result.exit_code == 2


def test_the_annotators_decisions_in_the_database_apply(tmp_path: Path) -> None:
    from annotations.entities import surface_key
    from annotations.store import Store

    db = tmp_path / "db.json"
    with Store.open(db) as store:
        store.decide_entity(surface_key("ماكرون"), None, "mona")
        store.decide_entity(surface_key("بسام راضي"), "ORG", "omar")

    def texts(annotator: str) -> dict[str, str]:
        result = run(ARTICLE, "--db", str(db), "--annotator", annotator)
        return {row["text"]: row["label"] for row in map(json.loads, result.stdout.splitlines())}

    mona, omar = texts("mona"), texts("omar")
    assert "لماكرون" not in mona and "ماكرون" not in mona and mona["بسام راضي"] == "PER"
    assert omar["لماكرون"] == "PER" and omar["بسام راضي"] == "ORG"
