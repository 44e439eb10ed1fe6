"""The hand-judged story pairs (tests/data/story_pairs) stay a consistent evaluation set."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from annotations.corpus import load_corpus

PAIRS_DIR = Path(__file__).resolve().parents[1] / "data" / "story_pairs"
OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")
PAIR_KEYS = {
    "a",
    "b",
    "same_event",
    "kind",
    "reason",
    "a_outlet",
    "b_outlet",
    "a_published",
    "b_published",
    "a_title",
    "b_title",
}
#: What each kind says about the pair: same event or not (None: left unjudged).
KIND_VERDICTS = {
    "positive": {True},
    "hard_negative": {False},
    "near_duplicate": {True, False},
    "borderline": {None},
}
ARTICLE_KEYS = {"id", "title", "outlet", "url", "published", "category", "text"}

Record = dict[str, Any]


def read_jsonl(name: str) -> list[Record]:
    lines = (PAIRS_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def pairs() -> list[Record]:
    """The scored pairs: positives, hard negatives and near-duplicates."""
    return read_jsonl("pairs.jsonl")


@pytest.fixture(scope="module")
def judged(pairs: list[Record]) -> list[Record]:
    """Every judged pair, the borderline ones (left out of the scores) included."""
    return pairs + read_jsonl("borderline.jsonl")


@pytest.fixture(scope="module")
def articles() -> dict[str, Record]:
    with gzip.open(PAIRS_DIR / "articles.jsonl.gz", "rt", encoding="utf-8") as file:
        records = [json.loads(line) for line in file]
    by_id = {record["id"]: record for record in records}
    assert len(by_id) == len(records), "an article is stored twice"
    return by_id


def of_kind(records: list[Record], kind: str) -> list[Record]:
    return [record for record in records if record["kind"] == kind]


def days_apart(record: Record) -> timedelta:
    a, b = (datetime.fromisoformat(record[key]) for key in ("a_published", "b_published"))
    return abs(a - b)


def test_records_are_well_formed(judged: list[Record]) -> None:
    for record in judged:
        assert set(record) == PAIR_KEYS, record
        assert record["same_event"] in KIND_VERDICTS[record["kind"]], record
        assert record["reason"].strip(), record
        assert record["a"] != record["b"], record


def test_pairs_pass_only_in_their_own_file(pairs: list[Record], judged: list[Record]) -> None:
    assert not of_kind(pairs, "borderline")
    assert all(record["kind"] == "borderline" for record in judged[len(pairs) :])


def test_no_pair_is_judged_twice(judged: list[Record]) -> None:
    counts = Counter(frozenset((record["a"], record["b"])) for record in judged)
    assert [pair for pair, count in counts.items() if count > 1] == []


def test_the_stored_articles_are_exactly_those_named_with_every_field(
    judged: list[Record], articles: dict[str, Record]
) -> None:
    named = {record[side] for record in judged for side in ("a", "b")}
    assert named == set(articles)
    for record in articles.values():
        assert set(record) == ARTICLE_KEYS
        assert record["text"].startswith(record["title"].strip())


def test_copied_fields_match_the_stored_articles(
    judged: list[Record], articles: dict[str, Record]
) -> None:
    for record in judged:
        for side in ("a", "b"):
            article = articles[record[side]]
            assert record[f"{side}_outlet"] == article["outlet"]
            assert record[f"{side}_published"] == article["published"]
            assert record[f"{side}_title"] == article["title"]


def test_outlets_differ_across_and_match_within_kinds(judged: list[Record]) -> None:
    for record in judged:
        same_outlet = record["a_outlet"] == record["b_outlet"]
        assert same_outlet == (record["kind"] == "near_duplicate"), record


def test_hard_negatives_are_within_a_week(pairs: list[Record]) -> None:
    too_far = [r for r in of_kind(pairs, "hard_negative") if days_apart(r) > timedelta(days=7)]
    assert too_far == []


def test_the_set_is_large_and_spread_over_every_outlet_pair(pairs: list[Record]) -> None:
    assert len(of_kind(pairs, "positive")) >= 60
    assert len(of_kind(pairs, "hard_negative")) >= 60
    assert len(of_kind(pairs, "near_duplicate")) >= 5
    for kind in ("positive", "hard_negative"):
        spread = Counter(frozenset((r["a_outlet"], r["b_outlet"])) for r in of_kind(pairs, kind))
        for outlets in combinations(OUTLETS, 2):
            assert spread[frozenset(outlets)] >= 5, (kind, outlets)


def test_judgements_do_not_contradict_each_other(pairs: list[Record]) -> None:
    """If a~b and b~c are the same event, a and c are never judged different events."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for record in pairs:
        if record["same_event"]:
            parent[root(record["a"])] = root(record["b"])
    contradictions = [
        (record["a"], record["b"])
        for record in pairs
        if record["same_event"] is False and root(record["a"]) == root(record["b"])
    ]
    assert contradictions == []


def test_rawi_loads_the_stored_articles(articles: dict[str, Record], tmp_path: Path) -> None:
    file = tmp_path / "story_pairs.jsonl"
    lines = (json.dumps(record, ensure_ascii=False) for record in articles.values())
    file.write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus([file])
    assert corpus.warnings == []
    assert sorted(corpus.ids()) == sorted(articles)
