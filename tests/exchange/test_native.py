"""Native records: valid against the JSON Schema, byte-identical to the golden files, offsets and
token indices pointing at the right text, and links pruned with the spans they point to."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import jsonschema
import orjson
import pytest

from annotations.arabic import tokenize
from annotations.exchange import (
    ExportReport,
    json_schema,
    native_records,
    select,
    to_brat,
    write_export,
)

GOLDEN = Path(__file__).parent / "golden"
FILES = {
    "native": "native.jsonl",
    "prodigy": "prodigy.jsonl",
    "doccano": "doccano.jsonl",
    "labelstudio": "labelstudio.json",
    "w3c": "w3c.jsonl",
}


def matches_golden(name: str, data: bytes) -> bool:
    """Compare with a golden file; `RAWI_UPDATE_GOLDEN=1` rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("RAWI_UPDATE_GOLDEN"):
        path.write_bytes(data)
    return path.read_bytes() == data


def test_the_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_every_native_line_validates(natives) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    out = io.BytesIO()
    write_export(natives, "native", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    for line in lines:
        validator.validate(orjson.loads(line))


def test_schema_rejects_a_label_outside_its_layer(natives) -> None:
    bad = orjson.loads(orjson.dumps(natives[0]))
    bad["spans"][0]["label"] = "CUE" if bad["spans"][0]["layer"] == "entity" else "PER"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())


@pytest.mark.parametrize("fmt", FILES)
def test_export_matches_golden_file_byte_for_byte(natives, fmt: str) -> None:
    out = io.BytesIO()
    write_export(iter(natives), fmt, out)
    data = out.getvalue()
    assert "المتحدثُ".encode() in data  # UTF-8, never \u escapes
    assert matches_golden(FILES[fmt], data)


def test_brat_matches_golden_file(natives) -> None:
    text, ann = to_brat(natives[1])
    assert text == natives[1]["text"]
    assert matches_golden("tricky.ann", ann.encode())


def test_offsets_quotes_and_tokens_point_at_the_text(natives) -> None:
    for record in natives:
        text, words = record["text"], tokenize(record["text"])
        for span in record["spans"]:
            quote = span["quote"]
            assert text[span["start"] : span["end"]] == span["text"] == quote["exact"]
            assert text[: span["start"]].endswith(quote["prefix"])
            assert text[span["end"] :].startswith(quote["suffix"])
            first, last = words[span["token_start"]], words[span["token_end"]]
            assert first.start < span["end"] and last.end > span["start"]
            if span["token_start"] > 0:
                assert words[span["token_start"] - 1].end <= span["start"]


def test_code_points_not_utf16_after_an_emoji(natives) -> None:
    tricky = natives[1]
    cue = next(s for s in tricky["spans"] if s["label"] == "CONTENT")
    assert tricky["text"][cue["start"]] == "«"
    assert tricky["text"].index("«") == cue["start"]


def test_select_drops_orphans_stale_spans_and_their_links(records, articles) -> None:
    record = records[0]
    article = articles[record.article_id]
    spans = tuple(
        replace(s, orphan=True) if s.id == "s4" else s  # the cue
        for s in record.spans
    )
    spans = tuple(replace(s, text_sha256="0" * 64) if s.id == "s1" else s for s in spans)
    selected, left_out = select(replace(record, spans=spans), article)
    assert {s.id for s in left_out} == {"s1", "s4"}
    assert {s.id for s in selected.spans} == {"s2", "s3", "s5", "s6"}
    assert selected.relations == ()  # its head s1 is gone
    (attribution,) = selected.attributions
    assert (attribution.source, attribution.cue, attribution.content) == ("s3", None, ("s5",))


def test_select_keeps_claims_only_with_their_span(records, articles) -> None:
    record = records[0]
    selected, _ = select(record, articles[record.article_id], lambda s: s.layer == "claim")
    assert [s.id for s in selected.spans] == ["s6"]
    assert [c.id for c in selected.claims] == ["c1"]
    assert selected.claims[0].attribution is None  # its attribution had no span left
    assert selected.attributions == ()


def test_native_records_reports_what_it_leaves_out(records, articles) -> None:
    report = ExportReport()
    lookup = {"tricky": articles["tricky"]}.get
    out = list(native_records(records, lookup, report, no_entities=True))
    assert [r["article_id"] for r in out] == ["tricky"]
    assert {s["layer"] for s in out[0]["spans"]} == {"attribution", "claim"}
    assert report.missing_articles == {"000_fddd474ca5b3a723": 1}
    assert report.records == 1


def test_since_keeps_whole_records_changed_after(records, articles) -> None:
    newer = replace(records[1], updated="2026-11-24T00:00:00.000000Z")
    report = ExportReport()
    out = list(
        native_records(
            [records[0], newer], articles.get, report, since="2026-11-23T21:00:00.000000Z"
        )
    )
    assert [r["article_id"] for r in out] == ["tricky"]
    assert len(out[0]["spans"]) == 6
