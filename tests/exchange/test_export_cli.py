"""`rawi export` end to end: data on stdout only, filters, files replaced atomically, warnings
and exit codes, and no Textual import."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from annotations.durable import atomic_file
from annotations.exchange import json_schema
from annotations.model import new_span
from annotations.store import Store
from tui.cli import cli

SEED = "000_fddd474ca5b3a723"


@pytest.fixture
def db(tmp_path: Path, seeds) -> Path:
    """A database with huda's and omar's work on the first seed."""
    article = seeds[SEED]
    text = article.text
    path = tmp_path / "db.json"
    with Store.open(path) as store:
        start = text.index("عبد الفتاح السيسي")
        person = store.add_span(article, "entity", "PER", start, start + 17, annotator="huda")
        start = text.index("أكدت")
        cue = store.add_span(article, "attribution", "CUE", start, start + 4, annotator="huda")
        start = text.index("مصر على")
        source = store.add_span(
            article, "attribution", "SOURCE", start, start + 3, annotator="huda"
        )
        store.add_attribution(source=source.id, cue=cue.id, annotator="huda")
        store.add_relation(person.id, source.id, "leads", annotator="huda")
        start = text.index("الجيش الوطني الليبي")
        store.add_span(article, "entity", "ORG", start, start + 19, annotator="omar")
    return path


def export(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_native_export_on_stdout(db: Path) -> None:
    result = export(db)
    assert result.exit_code == 0
    records = lines(result)
    assert [(r["article_id"], r["annotator"]) for r in records] == [(SEED, "huda"), (SEED, "omar")]
    for record in records:
        jsonschema.validate(record, json_schema())
    assert "السيسي" in result.stdout  # unescaped
    assert result.stderr == "exported 2 record(s) as 2 item(s)\n"


def test_filters(db: Path) -> None:
    (huda,) = lines(export(db, "--annotator", "huda"))
    assert huda["annotator"] == "huda" and len(huda["attributions"]) == 1
    (cue_only,) = lines(export(db, "--label", "CUE"))
    assert [s["label"] for s in cue_only["spans"]] == ["CUE"]
    assert cue_only["relations"] == [] and cue_only["attributions"][0]["source"] is None
    no_entities = lines(export(db, "--no-entities"))
    assert [r["annotator"] for r in no_entities] == ["huda"]
    assert {s["layer"] for s in no_entities[0]["spans"]} == {"attribution"}
    entities = lines(export(db, "--layer", "entity", "--article", SEED))
    manual = {s["label"] for r in entities for s in r["spans"] if s["origin"] == "manual"}
    assert manual == {"PER", "ORG"}
    assert {s["layer"] for r in entities for s in r["spans"]} == {"entity"}
    assert lines(export(db, "--since", "2999-01-01")) == []
    assert len(lines(export(db, "--since", "2000-01-01T00:00+02:00"))) == 2


def test_bad_since_is_a_usage_error(db: Path) -> None:
    assert export(db, "--since", "yesterday").exit_code == 2


def test_output_file_is_written_whole(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "export.jsonl"
    target.parent.mkdir()
    target.write_text("old")
    result = export(db, "-o", str(target), "--format", "doccano")
    assert result.exit_code == 0 and result.stdout == ""
    assert [json.loads(x)["annotator"] for x in target.read_text("utf-8").splitlines()] == [
        "huda",
        "omar",
    ]
    assert [p.name for p in target.parent.iterdir()] == ["export.jsonl"]


def test_every_format_exports(db: Path, tmp_path: Path) -> None:
    for fmt in ("prodigy", "w3c", "labelstudio"):
        result = export(db, "--format", fmt)
        assert result.exit_code == 0 and result.stdout.strip()
    result = export(db, "--format", "brat", "-o", str(tmp_path / "brat"))
    assert result.exit_code == 0
    ann = (tmp_path / "brat" / "omar" / f"{SEED}.ann").read_text("utf-8")
    assert "\tORG 26 45\tالجيش الوطني الليبي\n" in ann


def test_brat_needs_a_directory(db: Path) -> None:
    result = export(db, "--format", "brat")
    assert result.exit_code == 2 and "-o DIR" in result.stderr


def test_missing_database_is_an_error(tmp_path: Path) -> None:
    result = export(tmp_path / "none.json")
    assert result.exit_code == 1 and "no annotation database" in result.stderr
    assert not (tmp_path / "none.json").exists()


def test_records_outside_the_corpus_are_reported(db: Path, tmp_path: Path, seeds) -> None:
    ghost = seeds[SEED]
    with Store.open(db) as store:
        span = new_span(ghost, "entity", "LOC", 16, 19, annotator="huda")
        store.merge([replace(span, article_id="ghost")], annotator="huda")
    result = export(db)
    assert result.exit_code == 1
    assert "left out 1 record(s) of article 'ghost'" in result.stderr
    assert len(lines(result)) == 2


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "kept.jsonl"
    target.write_bytes(b"before\n")
    with pytest.raises(RuntimeError), atomic_file(target) as out:
        out.write(b"half")
        raise RuntimeError("disk trouble")
    assert target.read_bytes() == b"before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.jsonl"]


def test_export_imports_no_textual() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from tui.cli import cli; "
        "CliRunner().invoke(cli, ['export', '--help']); "
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"


def test_cli_round_trip_through_an_empty_database(db: Path, tmp_path: Path, strip_stamps) -> None:
    exported = tmp_path / "first.jsonl"
    assert export(db, "-o", str(exported)).exit_code == 0
    copy = tmp_path / "copy.json"
    imported = CliRunner().invoke(cli, ["--db", str(copy), "import", str(exported)])
    assert imported.exit_code == 0, imported.stderr
    again = export(copy)
    assert again.exit_code == 0
    first = [strip_stamps(json.loads(x)) for x in exported.read_text("utf-8").splitlines()]
    assert [strip_stamps(r) for r in lines(again)] == first


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_cli_import_of_other_formats_is_idempotent(db: Path, tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"out.{fmt}"
    assert export(db, "--format", fmt, "-o", str(exported)).exit_code == 0
    copy = tmp_path / "copy.json"
    args = ["--db", str(copy), "import", "--format", fmt, str(exported)]
    first = CliRunner().invoke(cli, args)
    second = CliRunner().invoke(cli, args)
    assert first.exit_code == 0 and "0 bad line(s)" in first.stderr
    assert "imported 0 new record(s)" in second.stderr
    spans = {
        (r["annotator"], s["label"], s["start"], s["end"])
        for r in lines(export(copy))
        for s in r["spans"]
    }
    assert spans == {
        (r["annotator"], s["label"], s["start"], s["end"])
        for r in lines(export(db))
        for s in r["spans"]
    }


@pytest.mark.parametrize("name", ["missing/out.jsonl", "folder", "read-only.jsonl"])
def test_export_to_an_unwritable_place_is_one_line_and_exit_1(
    db: Path, tmp_path: Path, name: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "read-only.jsonl").write_text("keep\n")
    (tmp_path / "read-only.jsonl").chmod(0o444)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "-o", str(tmp_path / name)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    message = result.stderr.strip()
    assert message.startswith("Error: cannot write") and "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "read-only.jsonl").read_text() == "keep\n"


def test_export_through_a_symlink_keeps_the_link(db: Path, tmp_path: Path) -> None:
    real, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    real.write_text("old\n")
    link.symlink_to(real)
    assert export(db, "-o", str(link)).exit_code == 0
    assert link.is_symlink() and len(lines_of(real)) == 2


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]
