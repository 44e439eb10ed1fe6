"""The unseen-news development set stays anchored in its canonical text and well formed.

The set (`tests/data/unseen_news`, see its CONVENTIONS.md) is read by the existing scorers, so its
files keep their formats; every record carries the sha256 of the canonical text it was annotated
against, so a change in corpus cleaning fails here instead of silently shifting the gold.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from annotations.arabic import tokenize
from annotations.attribution import CUE_CLASSES, SOURCE_TYPES, load_gold
from annotations.corpus import Corpus, load_corpus
from annotations.entities.training.evaluate import read_gold

SET_DIR = Path(__file__).resolve().parent / "data" / "unseen_news"
ENTITIES = SET_DIR / "entities_gold.jsonl"
ATTRIBUTIONS = SET_DIR / "attribution_gold.jsonl"


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def articles() -> Corpus:
    return load_corpus([SET_DIR / "articles.jsonl"])


@pytest.fixture(scope="module")
def texts(articles: Corpus) -> dict[str, str]:
    return {article.id: article.text for article in articles}


def test_articles_are_the_listed_ones_from_five_outlets(articles: Corpus) -> None:
    assert not articles.warnings
    listed = (SET_DIR / "ids.txt").read_text(encoding="utf-8").split()
    assert articles.ids() == listed
    outlets = Counter(article.outlet for article in articles)
    assert len(outlets) == 5 and min(outlets.values()) >= 6, outlets


@pytest.mark.parametrize("path", [ENTITIES, ATTRIBUTIONS], ids=lambda path: path.stem)
def test_every_record_was_annotated_on_todays_canonical_text(
    path: Path, texts: dict[str, str]
) -> None:
    digests = {
        article: hashlib.sha256(text.encode("utf-8")).hexdigest()
        for article, text in texts.items()
    }
    found = records(path)
    assert {record["article"] for record in found} == set(texts)
    for record in found:
        assert record["sha256"] == digests[record["article"]], record["article"]


def test_entities_are_whole_tokens_that_do_not_overlap(texts: dict[str, str]) -> None:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records(ENTITIES):
        by_article[record["article"]].append(record)
    for article, spans in by_article.items():
        text = texts[article]
        tokens = tokenize(text)
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        previous_end = 0
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
            assert span["label"] in ("PER", "LOC", "ORG")
            assert span["start"] in starts and span["end"] in ends, span["text"]
            assert span["start"] >= previous_end, span["text"]
            previous_end = span["end"]
    assert sum(map(len, read_gold(ENTITIES).values())) == sum(map(len, by_article.values()))


def test_attributions_point_at_their_text_and_nest_inside_their_outer_content(
    texts: dict[str, str],
) -> None:
    found = records(ATTRIBUTIONS)
    assert len(load_gold(ATTRIBUTIONS)) == len(found)
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in found:
        by_article[record["article"]].append(record)
    for article, triples in by_article.items():
        text = texts[article]
        for index, triple in enumerate(triples):
            source = triple["source"]
            for span in [triple["cue"], *triple["content"], *([source] if source else [])]:
                assert text[span["start"] : span["end"]] == span["text"]
            assert triple["cue"]["class"] in CUE_CLASSES
            assert source is None or source["type"] in SOURCE_TYPES
            assert triple["content"]
            outer = triple["nested_in"]
            if outer is not None:
                assert outer != index and 0 <= outer < len(triples)
                cue = triple["cue"]
                assert any(
                    span["start"] <= cue["start"] and cue["end"] <= span["end"]
                    for span in triples[outer]["content"]
                ), (article, index)
