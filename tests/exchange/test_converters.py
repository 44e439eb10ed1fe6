"""Prodigy and doccano converters give back the spans and links they were given, and name what
is wrong with a malformed line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.corpus import Article
from annotations.exchange import (
    from_doccano,
    from_prodigy,
    native_record,
    to_doccano,
    to_prodigy,
)
from annotations.model import LAYERS, ArticleRecord, Relation, new_span

ARTICLE = Article(
    id="a", text="أعلن وزير الخارجية المصري، اليوم، أن «المفاوضات مستمرة» في القاهرة."
)
LAYER_LABELS = [(layer, label) for layer, labels in LAYERS.items() for label in labels]


@st.composite
def natives(draw) -> dict:
    """A native record with up to 8 distinct spans and up to 4 distinct relations."""
    size = len(ARTICLE.text)
    places = draw(
        st.lists(
            st.tuples(st.integers(0, size - 1), st.integers(1, 20), st.sampled_from(LAYER_LABELS)),
            max_size=8,
            unique_by=lambda p: (p[0], min(size, p[0] + p[1]), p[2][1]),
        )
    )
    spans = tuple(
        new_span(ARTICLE, layer, label, start, min(size, start + length), annotator="x", id=f"s{n}")
        for n, (start, length, (layer, label)) in enumerate(places)
    )
    ids = [s.id for s in spans]
    pairs = (
        draw(
            st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=4, unique=True)
        )
        if ids
        else []
    )
    relations = tuple(
        Relation(f"r{n}", "a", head, child, "rel", ARTICLE.sha256, "x")
        for n, (head, child) in enumerate(pairs)
    )
    record = ArticleRecord("a", "x", ARTICLE.sha256, "todo", "", "", spans, relations, (), ())
    return native_record(record, ARTICLE)


def places(record: dict) -> list[tuple]:
    return sorted((s["layer"], s["label"], s["start"], s["end"]) for s in record["spans"])


def links(record: dict) -> set[tuple]:
    where = {s["id"]: (s["label"], s["start"], s["end"]) for s in record["spans"]}
    return {(where[r["head"]], where[r["child"]], r["label"]) for r in record["relations"]}


@given(natives())
def test_prodigy_gives_back_spans_with_their_ids_and_relations(record: dict) -> None:
    back = from_prodigy(to_prodigy(record), "someone")
    assert back is not None and back["annotator"] == "x" and back["article_id"] == "a"
    assert [(s["id"], s["start"], s["end"], s["label"]) for s in back["spans"]] == [
        (s["id"], s["start"], s["end"], s["label"]) for s in record["spans"]
    ]
    assert places(back) == places(record) and links(back) == links(record)


@given(natives())
def test_doccano_gives_back_spans_and_relations(record: dict) -> None:
    back = from_doccano(to_doccano(record), "someone")
    assert places(back) == places(record) and links(back) == links(record)
    assert len({s["id"] for s in back["spans"]}) == len(back["spans"])


def test_malformed_lines_say_what_is_wrong() -> None:
    task = {"text": "زار ماكرون القاهرة", "spans": [{"start": 4, "end": 10, "label": "PER"}]}
    dangling = {
        **task,
        "relations": [
            {
                "head_span": {"start": 4, "end": 10, "label": "PER"},
                "child_span": {"start": 11, "end": 18, "label": "LOC"},
                "label": "visited",
            }
        ],
    }
    with pytest.raises(ValueError, match="not among the task's spans"):
        from_prodigy(dangling, "x")
    with pytest.raises(ValueError, match="unknown span label 'PERSON'"):
        from_prodigy({**task, "spans": [{"start": 4, "end": 10, "label": "PERSON"}]}, "x")
    line = {
        "text": task["text"],
        "entities": [{"id": 1, "label": "PER", "start_offset": 4, "end_offset": 10}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "visited"}],
    }
    with pytest.raises(ValueError, match="unknown entity id"):
        from_doccano(line, "x")
    assert from_prodigy({**task, "answer": "ignore"}, "x") is None
