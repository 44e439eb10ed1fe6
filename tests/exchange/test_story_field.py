"""Story decisions in the native format: the `story` field of a line, checked by the schema,
exported -> imported -> exported the same, and taken from another rawi database."""

from __future__ import annotations

import io
from pathlib import Path

import jsonschema
import orjson
import pytest

from annotations.corpus import Corpus
from annotations.exchange import ExportReport, import_native, native_records, write_export
from annotations.exchange.from_database import database_lines
from annotations.exchange.native import json_schema
from annotations.exchange.native_reading import from_native
from annotations.store import Store


def export_lines(store: Store, seeds: Corpus) -> list[dict]:
    out = io.BytesIO()
    write_export(native_records(store.records(), seeds.get, ExportReport()), "native", out)
    return [orjson.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def decided(tmp_path: Path, seed_ids: list[str]) -> Store:
    """mona put 000 with 001 and took 002 out of its story; 002 also has a status."""
    with Store.open(tmp_path / "decided.json") as store:
        store.decide_stories([seed_ids[0]], seed_ids[1], annotator="mona")
        store.decide_stories([seed_ids[2]], None, annotator="mona")
        store.set_status(seed_ids[2], "mona", "done")
        yield store


def test_story_decisions_go_out_and_come_back_the_same(
    tmp_path: Path, decided: Store, seeds: Corpus, seed_ids: list[str]
) -> None:
    first = export_lines(decided, seeds)
    stories = {line["article_id"]: line.get("story") for line in first}
    assert {a: s and s["joins"] for a, s in stories.items()} == {
        seed_ids[0]: seed_ids[1], seed_ids[2]: None,
    }  # fmt: skip
    for line in first:
        jsonschema.validate(line, json_schema())
    raw = [orjson.dumps(line).decode() for line in first]
    with Store.open(tmp_path / "copy.json") as copy:
        report = import_native(copy, raw, seeds.get)
        assert report.errors == [] and report.conflicts == []
        assert copy.story_decisions() == decided.story_decisions()
        assert export_lines(copy, seeds) == first
        assert import_native(copy, raw, seeds.get).added == 0


def test_another_database_brings_its_story_decisions(decided: Store, seeds: Corpus) -> None:
    lines = list(database_lines(decided))
    read = [from_native(line, seeds.get).records for line in lines]
    got = [r for records in read for r in records if type(r).__name__ == "StoryDecision"]
    assert sorted(got, key=lambda d: d.updated) == decided.story_decisions()


@pytest.mark.parametrize(
    ("story", "reason"),
    [
        ({"joins": 3}, "`story` is malformed"),
        ({"with": "x"}, "`story` is malformed"),
        ({"joins": "x", "updated": "yesterday"}, "`story` is malformed"),
        ({"joins": "SELF"}, "joins the line's own article"),
    ],
)
def test_a_bad_story_field_refuses_the_line(
    seeds: Corpus, seed_ids: list[str], story: dict, reason: str
) -> None:
    if story.get("joins") == "SELF":
        story = {"joins": seed_ids[0]}
    line = orjson.dumps({"article_id": seed_ids[0], "annotator": "mona", "story": story})
    with pytest.raises(ValueError, match=reason):
        from_native(line, seeds.get)


def test_a_saved_decision_is_kept_over_another_in_the_line(
    decided: Store, seeds: Corpus, seed_ids: list[str]
) -> None:
    line = {"article_id": seed_ids[0], "annotator": "mona", "story": {"joins": seed_ids[4]}}
    report = import_native(decided, [orjson.dumps(line).decode()], seeds.get)
    assert report.errors == [] and any("story decision not taken" in n for _, n in report.notes)
    assert decided.story_decisions("mona")[0].joins == seed_ids[1]
