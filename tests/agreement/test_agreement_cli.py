"""`rawi agreement` on a database merged from three annotators' records of two seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.corpus import Corpus
from tui.cli import cli


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def line(article, annotator: str, words: list[tuple[str, str]]) -> str:
    spans = []
    for number, (word, label) in enumerate(words):
        start = article.text.index(word)
        layer = "entity" if label in ("PER", "ORG", "LOC") else "claim"
        spans.append({"id": f"s{number}", "layer": layer, "label": label, "start": start,
                      "end": start + len(word)})  # fmt: skip
    return json.dumps({"article_id": article.id, "annotator": annotator, "spans": spans})


@pytest.fixture
def team(tmp_path: Path, seeds: Corpus) -> Path:
    first, second = list(seeds)[:2]
    lines = [
        line(first, "huda", [("السيسي", "PER"), ("ماكرون", "PER")]),
        line(first, "mona", [("السيسي", "PER"), ("ماكرون", "LOC")]),
        line(first, "ali\x1b[2J", [("السيسي", "PER")]),
        line(second, "huda", [(second.text[:12], "CLAIM")]),
        line(second, "mona", [(second.text[:12], "CLAIM")]),
    ]
    db = tmp_path / "team.json"
    result = run("import", "--db", str(db), "-", input="\n".join(lines))
    assert result.exit_code == 0, result.output
    return db


def test_json_has_every_pair_and_all(team: Path) -> None:
    result = run("agreement", "--db", str(team), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    pairs = {tuple(p["annotators"]): p for p in data["pairs"]}
    assert set(pairs) == {("ali\x1b[2J", "huda"), ("ali\x1b[2J", "mona"), ("huda", "mona")}
    both = pairs[("huda", "mona")]
    assert both["articles"] == 2
    # PER: السيسي twice, ماكرون once: 2 x 1 / 3; LOC: 0 of 1; CLAIM 1 of 1 each.
    assert both["labels"]["PER"]["f1_exact"] == pytest.approx(2 / 3)
    assert both["labels"]["CLAIM"]["f1_exact"] == 1.0
    assert both["overall"]["f1_exact"] == pytest.approx(2 * 2 / 6)
    assert set(both["overall"]) >= {"f1_exact", "f1_overlap", "kappa", "alpha"}
    assert data["all"]["articles"] == 1 and set(data["all"]) >= {"fleiss_kappa", "alpha"}


def test_options_choose_annotators_articles_and_layer(team: Path, seeds: Corpus) -> None:
    second = list(seeds)[1]
    args = ["agreement", "--db", str(team), "--json", "--annotators", "huda,mona"]
    data = json.loads(run(*args, "--layer", "claim").output)
    [pair] = data["pairs"]
    assert pair["articles"] == 2 and set(pair["labels"]) == {"CLAIM"}
    assert pair["overall"]["f1_exact"] == 1.0
    data = json.loads(run(*args, "--article", second.id).output)
    assert data["pairs"][0]["articles"] == 1


def test_table_for_people_escapes_names(team: Path) -> None:
    result = run("agreement", "--db", str(team), "--per-article")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "ali\\x1b[2J & huda" in result.output
    header, *rows = result.output.splitlines()
    assert header.split("\t")[:4] == ["annotators", "articles", "label", "spans"]
    overall = [r.split("\t") for r in rows if r.startswith("huda & mona\t2\toverall")]
    assert overall and overall[0][3] == "3/3" and overall[0][4] == "0.667"
    assert rows[-1].startswith("all (ali\\x1b[2J, huda, mona): 1 article(s)")


def test_fewer_than_two_annotators_says_so(tmp_path: Path) -> None:
    result = run("agreement", "--db", str(tmp_path / "empty.json"))
    assert result.exit_code == 0 and "No two annotators" in result.output
