"""Entity decisions for one article or one mention reach the export as the analyst sees them,
say their scope in `entity_decisions`, and come back the same through import."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from annotations.entities import occurrences, surface_key
from annotations.exchange import json_schema
from annotations.store import Store
from tui.cli import cli

SEED = "000_fddd474ca5b3a723"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_scoped_decisions_export_and_round_trip(reviewed_db: Path, seeds, tmp_path: Path) -> None:
    text = seeds[SEED].text
    sisi = occurrences(text, [surface_key("السيسي")])[surface_key("السيسي")]
    assert len(sisi) > 1
    libya_key = surface_key("ليبيا")
    with Store.open(reviewed_db) as store:
        first = sisi[0]
        store.decide_entity(
            surface_key("السيسي"),
            "ORG",
            "huda",
            article_id=SEED,
            scope="mention",
            mention=(first.start, first.end),
        )
        store.decide_entity(libya_key, None, "huda", article_id="another", scope="article")
    exported = tmp_path / "first.jsonl"
    assert run("--db", str(reviewed_db), "export", "-o", str(exported)).exit_code == 0
    (line,) = [json.loads(x) for x in exported.read_text("utf-8").splitlines()]
    jsonschema.validate(line, json_schema())
    at = {o.start for o in sisi}
    labels = [(s["label"], s["origin"]) for s in line["spans"] if s["start"] in at]
    assert labels[0] == ("ORG", "decision") and len(labels) > 1
    assert {label for label, _ in labels[1:]} == {"PER"}  # that mention only
    items = {d["key"]: d for d in line["entity_decisions"]}
    assert items[surface_key("السيسي")] | {"updated": ""} == {
        "key": surface_key("السيسي"),
        "label": "ORG",
        "updated": "",
        "scope": "mention",
        "start": first.start,
        "end": first.end,
    }
    assert libya_key not in items  # another article's decision is not this one's
    copy = tmp_path / "copy.json"
    assert run("--db", str(copy), "import", str(exported)).exit_code == 0
    with Store.open(copy, read_only=True) as store:
        (mention,) = [d for d in store.entity_decisions("huda") if d.scope == "mention"]
        assert (mention.article_id, mention.start, mention.end) == (SEED, first.start, first.end)
    second = tmp_path / "second.jsonl"
    assert run("--db", str(copy), "export", "-o", str(second)).exit_code == 0
    assert second.read_bytes() == exported.read_bytes()


def test_a_mention_decision_without_offsets_is_refused(reviewed_db: Path, tmp_path: Path) -> None:
    line = json.loads(run("--db", str(reviewed_db), "export").stdout)
    line["entity_decisions"][0]["scope"] = "mention"
    copy = tmp_path / "copy.json"
    result = CliRunner().invoke(
        cli, ["--db", str(copy), "import", "-"], input=json.dumps(line, ensure_ascii=False)
    )
    assert result.exit_code == 1 and "a mention needs offsets" in result.output
    with Store.open(copy, read_only=True) as store:
        assert store.entity_decisions() == []
