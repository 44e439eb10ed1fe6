"""Importing native lines: each line whole or not at all, ids local to (article, annotator),
hostile lines refused with their number and reason, text mismatches re-anchored or refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from annotations.corpus import Corpus
from annotations.exchange import (
    ExportReport,
    ImportReport,
    import_native,
    imported_id,
    native_records,
    write_export,
)
from annotations.exchange import importing as importing_module
from annotations.store import Store, StoreFullError
from tui.cli import cli


@pytest.fixture
def articles(seeds: Corpus):
    return {article.id: article for article in seeds}


@pytest.fixture
def two(articles):
    return list(articles.values())[:2]


def record(article, annotator: str = "mona", **fields) -> dict:
    """A native record calling its spans s1 (a word) and s2 (a CLAIM) like everyone else."""
    start = article.text.index("السيسي")
    data = {
        "article_id": article.id,
        "annotator": annotator,
        "spans": [
            {"id": "s1", "layer": "entity", "label": "PER", "start": start, "end": start + 6},
            {"id": "s2", "layer": "claim", "label": "CLAIM", "start": 0, "end": 10},
        ],
        "relations": [{"id": "r1", "head": "s1", "child": "s2", "label": "about"}],
        "attributions": [{"id": "a1", "source": "s1", "content": ["s2"]}],
        "claims": [{"id": "c1", "span": "s2", "attribution": "a1", "check_worthy": True}],
    }
    data.update(fields)
    return data


def line(data: dict) -> bytes:
    return orjson.dumps(data)


def run_import(tmp_path: Path, lines: list[bytes], articles) -> tuple[ImportReport, dict]:
    with Store.open(tmp_path / "db.json") as store:
        report = import_native(store, lines, articles.get)
        return report, store.counts()


def export(store: Store, articles) -> list[dict]:
    out = io.BytesIO()
    write_export(native_records(store.records(), articles.get, ExportReport()), "native", out)
    return [orjson.loads(x) for x in out.getvalue().splitlines()]


def test_records_reusing_ids_import_whole_and_export_with_their_own_ids(
    tmp_path: Path, articles, two
) -> None:
    lines = [line(record(a, who)) for a in two for who in ("huda", "mona", "ali")]
    with Store.open(tmp_path / "db.json") as store:
        report = import_native(store, lines, articles.get)
        assert report.errors == [] and report.conflicts == []
        counts = store.counts()
        assert (counts["spans"], counts["relations"], counts["claims"]) == (12, 6, 6)
        assert counts["attributions"] == 6
        exported = export(store, articles)
    assert len(exported) == 6
    for data in exported:
        assert sorted(s["id"] for s in data["spans"]) == ["s1", "s2"]
        assert data["claims"][0]["span"] == "s2" and data["claims"][0]["attribution"] == "a1"
        assert data["relations"][0]["head"] == "s1"


def test_reimporting_the_same_file_adds_nothing(tmp_path: Path, articles, two) -> None:
    lines = [line(record(a, who)) for a in two for who in ("huda", "mona")]
    db = tmp_path / "db.json"
    with Store.open(db) as store:
        first = import_native(store, lines, articles.get)
        store.compact()
        before = db.read_bytes()
        again = import_native(store, lines, articles.get)
        exported = [orjson.dumps(x) for x in export(store, articles)]
        from_export = import_native(store, exported, articles.get)
    assert first.added == 20 and again.added == 0 and again.unchanged == 20
    assert from_export.added == 0 and from_export.conflicts == []
    assert db.read_bytes() == before


def test_a_conflicting_line_is_refused_whole(tmp_path: Path, articles, two) -> None:
    changed = record(two[0])
    changed["spans"][1]["end"] = 12  # s2 now differs from the saved s2
    changed["spans"].append({"id": "s3", "layer": "entity", "label": "LOC", "start": 0, "end": 3})
    with Store.open(tmp_path / "db.json") as store:
        import_native(store, [line(record(two[0]))], articles.get)
        report = import_native(store, [line(changed)], articles.get)
        assert report.added == 0 and [n for n, _ in report.conflicts] == [1]
        assert "span s2 differs" in report.conflicts[0][1]
        assert store.span(imported_id("spans", two[0].id, "mona", "s3")) is None
        assert store.counts()["spans"] == 2


def test_a_line_whose_span_is_refused_saves_neither_claim_nor_relation(
    tmp_path: Path, articles, two
) -> None:
    bad = record(two[0])
    bad["spans"][0]["end"] = 10**6
    report, counts = run_import(tmp_path, [line(bad)], articles)
    assert [n for n, _ in report.errors] == [1] and "outside the text" in report.errors[0][1]
    assert counts.get("claims", 0) == counts.get("relations", 0) == counts.get("spans", 0) == 0


def test_a_text_mismatch_is_reanchored_by_quote_and_said_per_span(
    tmp_path: Path, articles, two
) -> None:
    article = two[0]
    other = "هذا " + article.text  # the line was written against another text
    data = record(article, text=other)
    for span in data["spans"]:
        span["start"] += 4
        span["end"] += 4
    with Store.open(tmp_path / "db.json") as store:
        report = import_native(store, [line(data)], articles.get)
        assert report.errors == []
        span = store.span(imported_id("spans", article.id, "mona", "s1"))
    assert span.text == "السيسي" and span.text_sha256 == article.sha256
    assert article.text[span.start : span.end] == "السيسي"
    notes = [note for _, note in report.notes]
    assert any("span 's1' re-anchored in the corpus text from" in note for note in notes)


def test_a_text_mismatch_that_cannot_be_found_is_refused(tmp_path: Path, articles, two) -> None:
    article = two[0]
    data = {
        "article_id": article.id,
        "annotator": "mona",
        "text": "نص آخر تماما لا علاقة له",
        "spans": [{"id": "s1", "layer": "entity", "label": "PER", "start": 0, "end": 2}],
    }
    unknown_text = dict(data, text_sha256="0" * 64)
    del unknown_text["text"]
    report, counts = run_import(tmp_path, [line(data), line(unknown_text)], articles)
    assert "cannot be found in the corpus text" in report.errors[0][1]
    assert "neither its text nor span quotes" in report.errors[1][1]
    assert counts.get("spans", 0) == 0


def test_hostile_lines_are_refused_by_number_and_the_good_ones_kept(
    tmp_path: Path, articles, two
) -> None:
    good = line(record(two[0], "good"))
    claim_typed = record(two[0])
    claim_typed["claims"][0].update(topic={}, note=5)
    stamped = record(two[0])
    stamped["spans"][0]["created"] = 1
    nested = record(two[0])
    nested["attributions"][0]["nested_in"] = "nowhere"
    claim_attribution = record(two[0])
    claim_attribution["claims"][0]["attribution"] = "nowhere"
    deep_attrs = record(two[0])
    nested_attrs: dict = {}
    for _ in range(10):
        nested_attrs = {"a": nested_attrs}
    deep_attrs["spans"][0]["attrs"] = nested_attrs
    lines = [
        good,
        '{"article_id": "x\ud800", "annotator": "mona", "spans": []}'.encode(
            "utf-8", "surrogatepass"
        ),
        b'{"article_id": "\\ud800", "annotator": "mona", "spans": []}',
        b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"article_id": "\xff\xfe", "annotator": "mona"}',
        line(stamped),
        line(claim_typed),
        line(nested),
        line(claim_attribution),
        line(deep_attrs),
        line(record(two[0], unknown_field=1)),
    ]
    report, counts = run_import(tmp_path, lines, articles)
    reasons = dict(report.errors)
    assert sorted(reasons) == list(range(2, 12))
    assert "UTF-8" in reasons[2] and "surrogate" in reasons[3] and "depth" in reasons[4]
    assert "UTF-8" in reasons[5] and "`created` must be an ISO 8601" in reasons[6]
    assert "`topic` must be a string or null" in reasons[7]
    assert "names attribution 'nowhere'" in reasons[8] and "'nowhere'" in reasons[9]
    assert "`attrs` must be a JSON object nested at most" in reasons[10]
    assert "unknown field 'unknown_field'" in reasons[11]
    assert counts["spans"] == 2 and counts["claims"] == 1  # the good line, whole


def test_a_reference_to_a_span_saved_earlier_resolves(tmp_path: Path, articles, two) -> None:
    later = {
        "article_id": two[0].id,
        "annotator": "mona",
        "spans": [],
        "relations": [{"id": "r9", "head": "s1", "child": "s2", "label": "again"}],
    }
    other = dict(later, annotator="ali")
    lines = [line(record(two[0])), line(later), line(other)]
    report, counts = run_import(tmp_path, lines, articles)
    assert [n for n, _ in report.errors] == [3]  # ali has no s1: ids are per annotator
    assert counts["relations"] == 2


def test_an_interrupted_import_says_which_lines_were_saved(
    tmp_path: Path, articles, two, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing_module, "BATCH_LINES", 2)
    lines = [line(record(two[0], f"a{n}")) for n in range(5)]
    calls = 0
    real_merge = Store.merge

    def full_disk(self, records, *, annotator):
        nonlocal calls
        calls += 1
        if calls == 3:
            raise StoreFullError("disk full, the last change was NOT saved")
        return real_merge(self, records, annotator=annotator)

    monkeypatch.setattr(Store, "merge", full_disk)
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "db.json"
    result = CliRunner().invoke(cli, ["import", "--db", str(db), str(source)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Lines 1-2 were imported" in result.output
    monkeypatch.setattr(Store, "merge", real_merge)
    again = CliRunner().invoke(cli, ["import", "--db", str(db), str(source)])
    assert again.exit_code == 0
    assert "imported 15 new record(s), 10 already present" in again.output


def test_import_exit_codes_and_messages(tmp_path: Path, two) -> None:
    db = tmp_path / "db.json"
    good = json.dumps(record(two[0]), ensure_ascii=False)
    ok = CliRunner().invoke(cli, ["import", "--db", str(db), "-"], input=good)
    assert ok.exit_code == 0
    bad = CliRunner().invoke(
        cli, ["import", "--db", str(db), "-"], input=b"\n" + b'{"x": "\xff"}\n'
    )
    assert bad.exit_code == 1 and "<stdin>:2: not JSON" in bad.output
    assert "Traceback" not in bad.output


def test_malformed_stored_records_are_reported_by_doctor_and_skipped_by_export(
    tmp_path: Path, two
) -> None:
    """Records an older rawi saved with wrong types: `created: 1`, a claim `topic: {}`."""
    db = tmp_path / "db.json"
    good = json.dumps(record(two[0]), ensure_ascii=False)
    assert CliRunner().invoke(cli, ["import", "--db", str(db), "-"], input=good).exit_code == 0
    assert CliRunner().invoke(cli, ["compact", "--db", str(db)]).exit_code == 0  # into the file
    data = json.loads(db.read_text(encoding="utf-8"))
    span = next(s for s in data["spans"].values() if s["label"] == "PER")
    span["created"] = 1
    next(iter(data["claims"].values()))["topic"] = {}
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doctor = CliRunner().invoke(cli, ["doctor", "--db", str(db)])
    assert doctor.exit_code == 1 and "Traceback" not in doctor.output
    assert "`created` must be an ISO 8601" in doctor.output
    assert "`topic` must be a string or null" in doctor.output
    exported = CliRunner().invoke(cli, ["export", "--db", str(db)])
    assert exported.exit_code == 1 and "left out 2 malformed stored record(s)" in exported.output
    [line_out] = [x for x in exported.stdout.splitlines() if x.startswith("{")]
    native = json.loads(line_out)
    stored = [s["id"] for s in native["spans"] if s["origin"] not in ("model", "decision")]
    assert stored == ["s2"] and native["claims"] == []
    assert native["relations"] == []
