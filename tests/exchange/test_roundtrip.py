"""Export -> import into an empty database -> export gives the same records (timestamps aside),
natively and through Prodigy and doccano; imports are idempotent and report bad lines."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotations.exchange import (
    ConversionError,
    ExportReport,
    import_native,
    native_records,
    to_doccano,
    to_native_lines,
    to_prodigy,
    write_export,
)
from annotations.model import ArticleStatus
from annotations.store import Store


def export_lines(store: Store, articles) -> list[bytes]:
    out = io.BytesIO()
    write_export(native_records(store.records(), articles.get, ExportReport()), "native", out)
    return out.getvalue().splitlines(keepends=True)


@pytest.fixture
def saved(tmp_path: Path, records) -> Store:
    """A database holding the fixture records."""
    with Store.open(tmp_path / "saved.json") as store:
        for record in records:
            status = ArticleStatus(
                record.article_id, record.annotator, record.status, record.updated
            )
            parts = [*record.spans, *record.relations, *record.attributions, *record.claims]
            store.merge([*parts, status], annotator=record.annotator)
        yield store


def fresh(tmp_path: Path, name: str) -> Store:
    return Store.open(tmp_path / f"{name}.json")


def test_native_round_trip_is_identical(
    tmp_path: Path, saved: Store, articles, natives, strip_stamps
) -> None:
    first = export_lines(saved, articles)
    assert [strip_stamps(orjson.loads(line)) for line in first] == strip_stamps(natives)
    with fresh(tmp_path, "copy") as copy:
        report = import_native(copy, (line.decode() for line in first), articles.get)
        assert report.errors == [] and report.conflicts == []
        second = export_lines(copy, articles)
        again = import_native(copy, (line.decode() for line in first), articles.get)
    assert [strip_stamps(orjson.loads(x)) for x in second] == [
        strip_stamps(orjson.loads(x)) for x in first
    ]
    assert again.added == 0 and again.conflicts == []


def convert_and_import(store: Store, lines: list[str], fmt: str, articles) -> Any:
    errors: list[ConversionError] = []
    report = import_native(store, to_native_lines(lines, fmt, "someone", errors), articles.get)
    return report, errors


def test_prodigy_round_trip_keeps_spans_relations_attributions_claims(
    tmp_path: Path, natives, articles, strip_stamps
) -> None:
    lines = [orjson.dumps(to_prodigy(record)).decode() for record in natives]
    with fresh(tmp_path, "prodigy") as store:
        report, errors = convert_and_import(store, lines, "prodigy", articles)
        assert errors == [] and report.errors == []
        back = [orjson.loads(line) for line in export_lines(store, articles)]
        twice, _ = convert_and_import(store, lines, "prodigy", articles)
    assert twice.added == 0
    for original, imported in zip(natives, back, strict=True):
        assert imported["annotator"] == "huda" and imported["status"] == "done"
        assert [strip_stamps(_core(s)) for s in imported["spans"]] == [
            strip_stamps(_core(s)) for s in original["spans"]
        ]
        assert _links(imported) == _links(original)
        assert strip_stamps(imported["attributions"]) == strip_stamps(original["attributions"])
        assert strip_stamps(imported["claims"]) == strip_stamps(original["claims"])


def test_doccano_round_trip_keeps_spans_relations_and_attributions(
    tmp_path: Path, natives, articles
) -> None:
    lines = [orjson.dumps(to_doccano(record)).decode() for record in natives]
    with fresh(tmp_path, "doccano") as store:
        report, errors = convert_and_import(store, lines, "doccano", articles)
        assert errors == [] and report.errors == []
        back = [orjson.loads(line) for line in export_lines(store, articles)]
    for original, imported in zip(natives, back, strict=True):
        assert _places(imported) == _places(original)
        assert _links(imported) == _links(original)
        assert _attribution_places(imported) == _attribution_places(original)
        assert imported["claims"] == []  # doccano has no claims (documented)


def test_bad_lines_are_reported_by_number_and_good_ones_kept(
    tmp_path: Path, natives, articles
) -> None:
    good = to_prodigy(natives[0])
    bad_label = {**good, "spans": [{**good["spans"][0], "label": "NOPE"}]}
    rejected = {**to_prodigy(natives[1]), "answer": "reject"}
    lines = [
        orjson.dumps(good).decode(),
        orjson.dumps(bad_label).decode(),
        "{not json",
        "",
        orjson.dumps(rejected).decode(),
        "[1, 2]",
    ]
    with fresh(tmp_path, "bad") as store:
        report, errors = convert_and_import(store, lines, "prodigy", articles)
        assert [e.line for e in errors] == [2, 3, 6]
        assert "NOPE" in errors[0].message
        assert report.errors == [] and report.added > 0
        assert store.article_ids() == ["000_fddd474ca5b3a723"]


def test_doccano_old_label_lists_and_foreign_text_import(tmp_path: Path, articles) -> None:
    line = {"text": "زار ماكرون القاهرة", "label": [[4, 10, "PER"], [11, 18, "LOC"]]}
    with fresh(tmp_path, "old") as store:
        report, errors = convert_and_import(store, [orjson.dumps(line).decode()], "doccano", {})
        assert errors == [] and report.errors == []
        (article_id,) = store.article_ids()
        assert article_id.startswith("text-")
        spans = store.spans(article_id)
    assert [(s.text, s.label, s.annotator, s.origin) for s in spans] == [
        ("ماكرون", "PER", "someone", "import"),
        ("القاهرة", "LOC", "someone", "import"),
    ]


def _core(span: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in span.items() if k not in ("origin", "attrs")}


def _places(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    return [(s["layer"], s["label"], s["start"], s["end"]) for s in record["spans"]]


def _place_of(record: dict[str, Any]) -> dict[str, tuple[str, int, int]]:
    return {s["id"]: (s["label"], s["start"], s["end"]) for s in record["spans"]}


def _links(record: dict[str, Any]) -> set[tuple[Any, Any, str]]:
    place = _place_of(record)
    return {(place[r["head"]], place[r["child"]], r["label"]) for r in record["relations"]}


def _attribution_places(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    place = _place_of(record)
    return [
        (place.get(a["source"]), place.get(a["cue"]), [place[c] for c in a["content"]], a["type"])
        for a in record["attributions"]
    ]
