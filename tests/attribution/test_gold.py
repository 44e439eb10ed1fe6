"""The hand-made gold stays anchored in the canonical text and well formed."""

from __future__ import annotations

from typing import Any

from annotations.attribution import CUE_CLASSES, SOURCE_TYPES, Suggestion
from annotations.corpus import Article


def test_every_gold_offset_still_points_at_its_text(
    gold_article: tuple[Article, list[Suggestion]],
) -> None:
    article, gold = gold_article
    for triple in gold:
        spans = [triple.cue, *triple.content, *([triple.source] if triple.source else [])]
        for span in spans:
            assert article.text[span.start : span.end] == span.text


def test_gold_records_are_well_formed(gold_records: tuple[str, list[dict[str, Any]]]) -> None:
    prefix, records = gold_records
    assert len(records) >= 9
    for index, record in enumerate(records):
        assert record["article"].startswith(prefix)
        assert record["cue"]["class"] in CUE_CLASSES
        assert record["source"] is None or record["source"]["type"] in SOURCE_TYPES
        assert record["content"]
        assert record["nested_in"] in (None, *range(len(records)))
        assert record["nested_in"] != index
