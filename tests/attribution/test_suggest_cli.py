"""`rawi suggest` prints one JSON object per attribution, or a table, without importing Textual."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from tui.cli import cli

SEED = "004_071c99c05025decd"


def test_jsonl_has_the_documented_fields() -> None:
    result = CliRunner().invoke(cli, ["suggest", SEED])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) >= 15
    first = records[0]
    assert first["article"] == SEED
    assert set(first) >= {"article", "cue", "source", "content", "nested_in", "confidence", "key"}
    assert set(first["cue"]) >= {"start", "end", "text", "class"}
    assert set(first["source"]) >= {"start", "end", "text", "type"}
    assert first["cue"]["text"] == "قال"  # Arabic is written unescaped
    assert any(record["nested_in"] is not None for record in records)


def test_table_has_a_header_and_one_row_per_attribution() -> None:
    jsonl = CliRunner().invoke(cli, ["suggest", SEED]).output.splitlines()
    result = CliRunner().invoke(cli, ["suggest", SEED, "--format", "table"])
    assert result.exit_code == 0
    header, *rows = result.output.splitlines()
    assert header.split("\t")[:4] == ["article", "index", "class", "cue"]
    assert len(rows) == len(jsonl)
    assert all(len(row.split("\t")) == len(header.split("\t")) for row in rows)


def test_all_articles_by_default_and_unknown_ids_are_usage_errors() -> None:
    runner = CliRunner()
    everything = runner.invoke(cli, ["suggest"]).output.splitlines()
    articles = {json.loads(line)["article"] for line in everything}
    assert len(articles) == 5
    assert runner.invoke(cli, ["suggest", "no-such-article"]).exit_code == 2


def test_suggest_imports_no_textual() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from tui.cli import cli; "
        f"CliRunner().invoke(cli, ['suggest', '{SEED}']); "
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert output.stdout.strip() == "False", output.stderr


def test_entities_option_links_sources_to_entities() -> None:
    result = CliRunner().invoke(cli, ["suggest", SEED, "--entities"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    linked = [r["source"]["entities"] for r in records if r["source"] and r["source"]["entities"]]
    assert linked
    assert all(label in {"PER", "ORG", "LOC", "MISC"} for e in linked for *_, label in e)
