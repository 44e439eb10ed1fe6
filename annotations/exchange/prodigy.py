"""Prodigy tasks (ner_manual / rel.manual style) from native records, and back.

Keeps: text, spans (all layers, with rawi ids and Prodigy token indices), relations (`head` and
`child` on the spans' end tokens, plus `head_span` / `child_span`), attributions flattened into
relations *and* kept whole under `attributions`, claims under `claims`, metadata under `meta`.
Loses: span origin, attrs and timestamps. Tokens are words plus each punctuation mark.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

import orjson

from annotations.exchange.foreign import native_span, split_relations, text_id
from annotations.exchange.links import rebuild_attributions, relation_links
from annotations.exchange.native import NativeRecord
from annotations.exchange.tokens import TokenIndex, prodigy_tokens


@lru_cache(maxsize=4)
def _tokens(text: str) -> TokenIndex:
    return TokenIndex.words_and_marks(text)


def to_prodigy(record: NativeRecord) -> dict[str, Any]:
    """One accepted Prodigy task for one native record."""
    text = record["text"]
    index = _tokens(text)
    spans = []
    for span in record["spans"]:
        token_start, token_end = index.covering(span["start"], span["end"])
        spans.append(
            {
                "id": span["id"],
                "start": span["start"],
                "end": span["end"],
                "text": span["text"],
                "label": span["label"],
                "token_start": token_start,
                "token_end": token_end,
            }
        )
    by_id = {span["id"]: span for span in spans}
    relations = [
        {
            "head": by_id[head]["token_end"],
            "child": by_id[child]["token_end"],
            "head_span": _span_ref(by_id[head]),
            "child_span": _span_ref(by_id[child]),
            "label": label,
        }
        for head, child, label in relation_links(record)
    ]
    input_hash = _int32(text)
    return {
        "text": text,
        "meta": {
            "article_id": record["article_id"],
            "annotator": record["annotator"],
            "status": record["status"],
            "text_sha256": record["text_sha256"],
            **record["meta"],
        },
        "_input_hash": input_hash,
        "_task_hash": _int32(
            f"{input_hash}\x1f{record['annotator']}\x1f".encode() + orjson.dumps([spans, relations])
        ),
        "tokens": prodigy_tokens(index),
        "spans": spans,
        "relations": relations,
        "attributions": record["attributions"],
        "claims": record["claims"],
        "answer": "accept",
        "_annotator_id": record["annotator"],
    }


def from_prodigy(task: dict[str, Any], annotator: str) -> NativeRecord | None:
    """A native record (for `rawi import`) from one Prodigy task; None unless accepted.

    `annotator` is used when the task names none (`meta.annotator`, then `_annotator_id`).
    Raises ValueError, KeyError or TypeError on a malformed task.
    """
    if task.get("answer", "accept") != "accept":
        return None
    text = task["text"]
    meta = task.get("meta") or {}
    article_id = meta.get("article_id") or text_id(text)
    annotator = meta.get("annotator") or task.get("_annotator_id") or annotator
    spans = [
        native_span(article_id, annotator, s["label"], s["start"], s["end"], s.get("id"))
        for s in task.get("spans", ())
    ]
    by_place = {(s["start"], s["end"], s["label"]): s["id"] for s in spans}
    triples = [
        (
            _known(by_place, relation["head_span"]),
            _known(by_place, relation["child_span"]),
            relation["label"],
        )
        for relation in task.get("relations", ())
    ]
    relations, links = split_relations(triples, article_id, annotator)
    attributions = task.get("attributions")
    if attributions is None:
        attributions = rebuild_attributions(links, spans, article_id, annotator)
    record: NativeRecord = {
        "article_id": article_id,
        "annotator": annotator,
        "text": text,
        "spans": spans,
        "relations": relations,
        "attributions": attributions,
        "claims": task.get("claims", []),
    }
    if meta.get("status"):
        record["status"] = meta["status"]
    return record


def _span_ref(span: dict[str, Any]) -> dict[str, Any]:
    return {k: span[k] for k in ("start", "end", "token_start", "token_end", "label")}


def _known(by_place: dict[tuple[int, int, str], str], span: dict[str, Any]) -> str:
    """The id of the task span a relation end points at."""
    place = span["start"], span["end"], span["label"]
    if place not in by_place:
        raise ValueError(f"a relation points at {place}, which is not among the task's spans")
    return by_place[place]


def _int32(data: str | bytes) -> int:
    """A stable signed 32-bit hash, the range Prodigy's own hashes use."""
    raw = data.encode() if isinstance(data, str) else data
    return int.from_bytes(hashlib.sha256(raw).digest()[:4], "big", signed=True)
