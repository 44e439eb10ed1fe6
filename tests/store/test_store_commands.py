"""`rawi import` (idempotent, bad lines by number) and `rawi doctor` (exit 1 on a problem)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotations.corpus import Corpus
from annotations.exchange import imported_id
from annotations.store import Store
from tui.cli import cli


def native_line(article, annotator: str = "mona", **extra) -> str:
    first = article.text.index("السيسي")
    record = {
        "article_id": article.id,
        "annotator": annotator,
        "spans": [
            {
                "id": f"{annotator}-s1",
                "layer": "entity",
                "label": "PER",
                "start": first,
                "end": first + 6,
            },
            {"id": f"{annotator}-s2", "layer": "claim", "label": "CLAIM", "start": 0, "end": 20},
        ],
        "relations": [
            {
                "id": f"{annotator}-r1",
                "head": f"{annotator}-s1",
                "child": f"{annotator}-s2",
                "label": "about",
            }
        ],
        "claims": [{"id": f"{annotator}-c1", "span": f"{annotator}-s2", "check_worthy": True}],
        "status": "done",
        **extra,
    }
    return json.dumps(record, ensure_ascii=False)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_import_is_idempotent_and_reports_bad_lines_by_number(
    tmp_path: Path, seeds: Corpus
) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    lines = [
        native_line(article),
        "{not json",
        json.dumps(
            {
                "article_id": article.id,
                "annotator": "ali",
                "spans": [{"id": "x", "layer": "entity", "label": "WHO", "start": 0, "end": 3}],
            }
        ),
        "",
        native_line(article, "ali"),
        json.dumps({"article_id": "no-such-article", "annotator": "ali", "spans": []}),
        json.dumps(
            {
                "article_id": article.id,
                "annotator": "ali",
                "spans": [],
                "relations": [{"id": "r", "head": "a", "child": "b", "label": "x"}],
            }
        ),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = run("import", "--db", str(db), str(source))
    assert first.exit_code == 1
    for number in (2, 3, 6, 7):
        assert f"in.jsonl:{number}:" in first.output
    assert "in.jsonl:1:" not in first.output and "in.jsonl:5:" not in first.output
    assert "imported 10 new record(s)" in first.output
    with Store.open(db) as store:
        assert store.counts()["spans"] == 4 and store.counts()["claims"] == 2
        assert store.status(article.id, "mona") == "done"
        span = store.span(imported_id("spans", article.id, "mona", "mona-s1"))
        assert (
            span.text == "السيسي" and span.origin == "import" and span.text_sha256 == article.sha256
        )
        before = db.read_bytes()
    again = run("import", "--db", str(db), "-", input=source.read_text(encoding="utf-8"))
    summary = "imported 0 new record(s), 10 already present; 0 conflicting line(s), 4 bad line(s)"
    assert summary in again.output
    assert db.read_bytes() == before


def test_import_reports_conflicts_and_accepts_articles_by_their_text(
    tmp_path: Path, seeds: Corpus
) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    assert run("import", "--db", str(db), "-", input=native_line(article)).exit_code == 0
    changed = native_line(article).replace('"PER"', '"ORG"')
    result = run("import", "--db", str(db), "-", input=changed)
    assert result.exit_code == 1 and "<stdin>:1: conflict: span mona-s1" in result.output
    foreign = {
        "article_id": "elsewhere",
        "annotator": "mona",
        "text": "قال الوزير",
        "spans": [{"id": "f1", "layer": "attribution", "label": "CUE", "start": 0, "end": 3}],
    }
    assert (
        run("import", "--db", str(db), "-", input=json.dumps(foreign, ensure_ascii=False)).exit_code
        == 0
    )
    with Store.open(db) as store:
        assert store.span(imported_id("spans", article.id, "mona", "mona-s1")).label == "PER"
        assert store.span(imported_id("spans", "elsewhere", "mona", "f1")).text == "قال"


def test_doctor_prints_counts_and_fails_on_a_problem(tmp_path: Path, seeds: Corpus) -> None:
    db = tmp_path / "db.json"
    assert "no database yet" in run("doctor", "--db", str(db)).output
    article = next(iter(seeds))
    run("import", "--db", str(db), "-", input=native_line(article))
    healthy = run("doctor", "--db", str(db))
    assert healthy.exit_code == 0, healthy.output
    assert "spans\t2" in healthy.output and healthy.output.rstrip().endswith("ok")
    assert run("compact", "--db", str(db)).exit_code == 0  # the spans into the file itself
    data = json.loads(db.read_text(encoding="utf-8"))
    for document in data["spans"].values():
        document["start"] += 1  # no longer the text it claims to be
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    broken = run("doctor", "--db", str(db))
    assert broken.exit_code == 1 and "does not match its article" in broken.output
    db.write_bytes(b"")
    empty = run("doctor", "--db", str(db))
    assert empty.exit_code == 1 and "empty" in empty.output and "Traceback" not in empty.output


def test_import_converts_other_formats_and_numbers_their_bad_lines(
    tmp_path: Path, seeds: Corpus
) -> None:
    db = tmp_path / "db.json"
    article = next(iter(seeds))
    first = article.text.index("السيسي")
    task = {
        "text": article.text,
        "meta": {"article_id": article.id},
        "spans": [{"start": first, "end": first + 6, "label": "PER"}],
        "answer": "accept",
    }
    lines = [json.dumps(task, ensure_ascii=False), "[]", ""]
    result = run(
        "import", "--db", str(db), "--annotator", "ali", "--format", "prodigy", "-",
        input="\n".join(lines),
    )  # fmt: skip
    assert result.exit_code == 1 and "<stdin>:2:" in result.output
    with Store.open(db) as store:
        [span] = store.spans(article.id, annotator="ali")
        assert (span.text, span.label) == ("السيسي", "PER")
