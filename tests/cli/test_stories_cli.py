"""`rawi stories` and `rawi compare` on the seeds, and the stories cache."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotations.corpus import load_corpus
from annotations.store import Store
from annotations.stories import cached_stories
from tui.cli import cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def seed_id(prefix: str) -> str:
    return next(path.stem for path in SEEDS.glob(f"{prefix}_*.txt"))


def test_stories_of_the_seeds_as_json() -> None:
    result = run("stories", "--json")
    assert result.exit_code == 0, result.stderr
    stories = json.loads(result.stdout)
    assert [[a[:3] for a in s["articles"]] for s in stories] == [["001", "004"], ["002", "003"]]
    first = stories[0]
    assert set(first) == {"id", "title", "articles", "outlets", "first", "last"}
    assert first["outlets"] == [f"({a})" for a in first["articles"]]
    assert first["first"] is None and first["last"] is None


def test_stories_filters() -> None:
    def ids(*options: str) -> list[str]:
        result = run("stories", "--json", *options)
        assert result.exit_code == 0, result.stderr
        return [s["id"] for s in json.loads(result.stdout)]

    assert len(ids("--min-outlets", "2")) == 2
    assert ids("--min-outlets", "3") == []
    assert ids("--since", "2018-01-01") == []  # the seeds are undated
    bad = run("stories", "--since", "2020-01-02", "--until", "2020-01-01")
    assert bad.exit_code == 2 and "--since is after --until" in bad.stderr


def test_stories_table_and_jsonl() -> None:
    table = run("stories").stdout.splitlines()
    assert len(table) == 2 and table[0].startswith("s-001_")
    lines = run("stories", "--jsonl").stdout.splitlines()
    assert [json.loads(line)["articles"][0][:3] for line in lines] == ["001", "002"]


def test_compare_matches_the_spokesman_and_shows_both_namings() -> None:
    result = run("compare", seed_id("001"), seed_id("004"), "--json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) == {"articles", "quotes", "names", "sources", "quoted", "omissions"}
    assert any(
        "الاتصال تناول استعراض تطورات الأوضاع في ليبيا" in q["occurrences"][0]["text"]
        and len(q["occurrences"]) == 2
        for q in record["quotes"]
    )
    (sisi,) = [n for n in record["names"] if n["actor"] == "السيسي"]
    titles = [t["text"] for found in sisi["by_outlet"].values() for t in found]
    assert titles == ["رئيس الانقلاب المصري", "الرئيس المصري"]
    table = run("compare", seed_id("001"), seed_id("004")).stdout
    assert "رئيس الانقلاب المصري" in table and "(suggested)" in table


def test_compare_a_story_by_id_and_bad_requests() -> None:
    story = json.loads(run("stories", "--json").stdout)[1]
    result = run("compare", "--story", story["id"], "--jsonl")
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert [a["id"] for a in json.loads(line)["articles"]] == story["articles"]
    unknown = run("compare", "--story", story["id"] + "x")
    assert unknown.exit_code == 2 and f"did you mean {story['id']}" in unknown.stderr
    alone = run("compare", seed_id("001"))
    assert alone.exit_code == 2 and "two articles or more" in alone.stderr


def test_the_cache_is_read_while_the_corpus_is_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEEDS.glob("00[1-4]_*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    corpus = load_corpus([folder])
    computed = cached_stories(corpus)
    (cache,) = corpus.index.path.parent.glob("*.stories-*.json")
    records = json.loads(cache.read_text(encoding="utf-8"))
    records[0]["title"] = "from the cache"
    cache.write_text(json.dumps(records), encoding="utf-8")
    assert cached_stories(load_corpus([folder]))[0].title == "from the cache"
    (folder / "001_e361b63d4f5e59eb.txt").unlink()  # a changed corpus: grouped again
    again = cached_stories(load_corpus([folder]))
    assert [s.articles for s in again] == [computed[1].articles]
    assert len(list(corpus.index.path.parent.glob("*.stories-*.json"))) == 1


def test_stories_and_compare_apply_the_annotators_story_decisions(tmp_path: Path) -> None:
    """mona moved the Macron call (000) into the Putin call's story and took 003 out of the
    Haftar meeting's; huda decided nothing and sees the stories as found."""
    db = tmp_path / "annotations.json"
    with Store.open(db) as store:
        store.decide_stories([seed_id("000")], seed_id("001"), annotator="mona")
        store.decide_stories([seed_id("003")], None, annotator="mona")

    def stories(annotator: str) -> list[dict]:
        result = run("stories", "--json", "--db", str(db), "--annotator", annotator)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    assert [[a[:3] for a in s["articles"]] for s in stories("mona")] == [["000", "001", "004"]]
    assert len(stories("huda")) == 2
    story = stories("mona")[0]["id"]
    result = run("compare", "--story", story, "--json", "--db", str(db), "--annotator", "mona")
    assert result.exit_code == 0, result.stderr
    assert [a["id"][:3] for a in json.loads(result.stdout)["articles"]] == ["000", "001", "004"]
    unknown = run("compare", "--story", story, "--db", str(db), "--annotator", "huda")
    assert unknown.exit_code == 2 and "no story" in unknown.stderr
