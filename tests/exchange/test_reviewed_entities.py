"""`rawi export` carries the entities as the analyst sees them (the model's, the analyst's
decisions applied, hand-tagged ones kept) and the decisions behind them; importing that export
stores the decisions and no derived span, and export -> import -> export is identical."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from annotations.entities import surface_key
from annotations.exchange import json_schema
from annotations.store import Store
from tui.cli import cli

SEED = "000_fddd474ca5b3a723"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_entity_layer_holds_what_the_analyst_sees(reviewed_db: Path, seeds) -> None:
    result = run("--db", str(reviewed_db), "export", "--layer", "entity")
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    jsonschema.validate(line, json_schema())
    spans = line["spans"]
    assert {s["layer"] for s in spans} == {"entity"}
    text = seeds[SEED].text
    egypt = [s for s in spans if s["text"] == "مصر"]
    assert egypt and all((s["label"], s["origin"]) == ("ORG", "decision") for s in egypt)
    assert len(egypt) > 1 and egypt[0]["start"] == text.index("مصر")  # every mention
    assert not [s for s in spans if s["text"] == "لماكرون"]  # never an entity
    libya = next(s for s in spans if s["text"] == "ليبيا")
    assert (libya["label"], libya["origin"]) == ("MISC", "manual")  # the hand tag wins
    assert {s["origin"] for s in spans} == {"manual", "model", "decision"}
    assert [(d["key"], d["label"]) for d in line["entity_decisions"]] == [
        (surface_key("لماكرون"), None),
        (surface_key("مصر"), "ORG"),
    ]


def test_no_entities_leaves_them_out(reviewed_db: Path) -> None:
    result = run("--db", str(reviewed_db), "export", "--no-entities")
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert [s["label"] for s in line["spans"]] == ["CUE"] and "entity_decisions" not in line


def test_export_import_export_is_identical(reviewed_db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    assert run("--db", str(reviewed_db), "export", "-o", str(first)).exit_code == 0
    copy = tmp_path / "copy.json"
    imported = run("--db", str(copy), "import", str(first))
    assert imported.exit_code == 0, imported.output
    with Store.open(copy, read_only=True) as store:
        stored = store.spans(SEED)
        assert sorted(s.label for s in stored) == ["CUE", "MISC"]  # no derived entity stored
        decided = [(d.key, d.label) for d in store.entity_decisions("huda")]
        assert decided == [(surface_key("لماكرون"), None), (surface_key("مصر"), "ORG")]
    second = tmp_path / "second.jsonl"
    assert run("--db", str(copy), "export", "-o", str(second)).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    again = run("--db", str(copy), "import", str(first))
    assert "imported 0 new record(s)" in again.output


def test_a_line_with_a_malformed_decision_is_refused_whole(
    reviewed_db: Path, tmp_path: Path
) -> None:
    exported = run("--db", str(reviewed_db), "export").stdout
    line = json.loads(exported)
    line["entity_decisions"][0]["label"] = "PERSON"
    copy = tmp_path / "copy.json"
    result = CliRunner().invoke(
        cli, ["--db", str(copy), "import", "-"], input=json.dumps(line, ensure_ascii=False)
    )
    assert result.exit_code == 1 and "label must be one of" in result.output
    with Store.open(copy, read_only=True) as store:
        assert store.spans(SEED) == [] and store.entity_decisions() == []
