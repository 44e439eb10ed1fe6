"""Merging another analyst's rawi database: everything comes in, annotators kept apart, the
other file never changed, a second import adds nothing; `rawi annotators` says who has what."""

from __future__ import annotations

import io
import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from annotations.corpus import Corpus
from annotations.exchange import ExportReport, native_records, write_export
from annotations.store import Store
from tui.cli import cli


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def annotate(path: Path, annotator: str, articles: list, rejected: str) -> None:
    """Entities, an attribution, a claim, a status, an entity decision and a rejection."""
    with Store.open(path) as store:
        for article in articles:
            first = article.text.index("السيسي")
            person = store.add_span(article, "entity", "PER", first, first + 6, annotator=annotator)
            cue = store.add_span(article, "attribution", "CUE", 0, 3, annotator=annotator)
            said = store.add_span(article, "claim", "CLAIM", 4, 20, annotator=annotator)
            attribution = store.add_attribution(
                source=person.id, cue=cue.id, content=[said.id], annotator=annotator
            )
            store.add_claim(said.id, annotator=annotator, attribution=attribution.id, harmful=False)
            store.set_status(article.id, annotator, "done")
            store.reject_suggestion(article.id, rejected, annotator=annotator)
        store.decide_entity("السيسي", "PER", annotator)


@pytest.fixture
def analysts(tmp_path: Path, seeds: Corpus) -> tuple[Path, Path]:
    """huda's database (two articles) and mona's (the second and third)."""
    articles = list(seeds)
    huda, mona = tmp_path / "huda.json", tmp_path / "mona.json"
    annotate(huda, "huda", articles[:2], "k1")
    annotate(mona, "mona", articles[1:3], "k1")
    return huda, mona


def exported(path: Path, seeds: Corpus) -> list[dict]:
    """The native export of `path`, without the times of the export."""
    out = io.BytesIO()
    with Store.open(path, read_only=True) as store:
        write_export(native_records(store.records(), seeds.get, ExportReport()), "native", out)
    return [orjson.loads(line) for line in out.getvalue().splitlines()]


def test_databases_merge_whole_with_annotators_apart_and_again_add_nothing(
    tmp_path: Path, seeds: Corpus, analysts: tuple[Path, Path]
) -> None:
    team = tmp_path / "team.json"
    huda, _ = analysts
    untouched = huda.read_bytes()
    for path in analysts:
        result = run("import", "--db", str(team), str(path))
        assert result.exit_code == 0, result.output
    assert huda.read_bytes() == untouched
    with Store.open(team, read_only=True) as store:
        counts = store.counts()
        assert (counts["spans"], counts["attributions"], counts["claims"]) == (12, 4, 4)
        articles = list(seeds)
        assert store.status(articles[1].id, "huda") == store.status(articles[1].id, "mona")
        assert store.status(articles[1].id, "mona") == "done"
        assert {d.annotator for d in store.entity_decisions()} == {"huda", "mona"}
        assert store.rejected_suggestions(articles[2].id, "mona") == frozenset({"k1"})
        assert store.rejected_suggestions(articles[2].id, "huda") == frozenset()
    before = team.read_bytes()
    again = run("import", "--db", str(team), str(huda))
    assert again.exit_code == 0 and "imported 0 new record(s)" in again.output
    assert team.read_bytes() == before
    # The merged database exports each analyst's records as their own database does.
    merged = [r for r in exported(team, seeds) if r["annotator"] == "huda"]
    assert merged == exported(huda, seeds)


def test_a_database_and_its_export_are_the_same_records(
    tmp_path: Path, seeds: Corpus, analysts: tuple[Path, Path]
) -> None:
    huda, _ = analysts
    export_file = tmp_path / "huda.jsonl"
    assert run("export", "--db", str(huda), "-o", str(export_file)).exit_code == 0
    team = tmp_path / "team.json"
    assert run("import", "--db", str(team), str(export_file)).exit_code == 0
    result = run("import", "--db", str(team), str(huda))
    assert result.exit_code == 0, result.output
    # Only what an export leaves out is new: the entity decision and two rejections.
    assert "imported 2 new record(s), 13 already present" in result.output


def test_a_database_is_not_imported_into_itself(analysts: tuple[Path, Path]) -> None:
    huda, _ = analysts
    before = huda.read_bytes()
    result = run("import", "--db", str(huda), str(huda))
    assert result.exit_code == 1 and "is the database being imported into" in result.output
    assert huda.read_bytes() == before


def test_annotators_lists_who_has_what(tmp_path: Path, analysts: tuple[Path, Path]) -> None:
    team = tmp_path / "team.json"
    for path in analysts:
        run("import", "--db", str(team), str(path))
    hostile = {
        "article_id": "x",
        "annotator": "evil\x1b[31m\u202e",
        "text": "قال",
        "status": "done",
    }
    run("import", "--db", str(team), "-", input=json.dumps({**hostile, "spans": []}))
    table = run("annotators", "--db", str(team))
    assert table.exit_code == 0, table.output
    rows = [line.split("\t") for line in table.output.splitlines()]
    assert rows[0][:3] == ["annotator", "articles", "done"]
    assert "\x1b" not in table.output and "\u202e" not in table.output
    assert [row[0] for row in rows[1:]] == ["evil\\x1b[31m\\u202e", "huda", "mona"]
    as_json = json.loads(run("annotators", "--db", str(team), "--json").output)
    huda = as_json[1]
    assert (huda["annotator"], huda["articles"], huda["done"]) == ("huda", 2, 2)
    assert huda["spans"] == {"PER": 2, "CUE": 2, "CLAIM": 2}
    assert (huda["attributions"], huda["claims"], huda["relations"]) == (2, 2, 0)
    assert huda["last_activity"].startswith("20")
