"""doccano sequence-labelling JSONL (entities and relations with numeric ids), and back.

Keeps: text, spans (all layers) as `entities`, relations and attributions (flattened into
`attribution:source` / `attribution:content` relations) as `relations`, the article id, annotator
and status as extra keys. Loses: rawi ids, span origin/attrs/timestamps, attribution type and
nesting, claims (the CLAIM spans stay). Offsets are code points; doccano's browser side counts
UTF-16 units, which differ only after a character outside the BMP (an emoji), never for Arabic.
"""

from __future__ import annotations

from typing import Any

from annotations.exchange.foreign import native_span, split_relations, text_id
from annotations.exchange.links import rebuild_attributions, relation_links
from annotations.exchange.native import NativeRecord


def to_doccano(record: NativeRecord) -> dict[str, Any]:
    """One doccano line for one native record; entity ids are 1, 2, ... within the line."""
    number = {span["id"]: n for n, span in enumerate(record["spans"], 1)}
    return {
        "text": record["text"],
        "entities": [
            {
                "id": number[span["id"]],
                "label": span["label"],
                "start_offset": span["start"],
                "end_offset": span["end"],
            }
            for span in record["spans"]
        ],
        "relations": [
            {"id": n, "from_id": number[head], "to_id": number[child], "type": label}
            for n, (head, child, label) in enumerate(relation_links(record), 1)
        ],
        "article_id": record["article_id"],
        "annotator": record["annotator"],
        "status": record["status"],
    }


def from_doccano(line: dict[str, Any], annotator: str) -> NativeRecord:
    """A native record from one doccano line (`entities` with relations, or the older `label`
    list of [start, end, label]). Raises ValueError, KeyError or TypeError when malformed."""
    text = line["text"]
    article_id = line.get("article_id") or text_id(text)
    annotator = line.get("annotator") or annotator
    if "entities" in line:
        places = [
            (e["id"], e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]
        ]
    else:
        places = [(n, start, end, label) for n, (start, end, label) in enumerate(line["label"])]
    spans = [
        native_span(article_id, annotator, label, start, end) for _, start, end, label in places
    ]
    ids = {place[0]: span["id"] for place, span in zip(places, spans, strict=True)}
    triples = []
    for relation in line.get("relations", ()):
        if not {relation["from_id"], relation["to_id"]} <= ids.keys():
            raise ValueError(f"relation {relation.get('id')} points at an unknown entity id")
        triples.append((ids[relation["from_id"]], ids[relation["to_id"]], relation["type"]))
    relations, links = split_relations(triples, article_id, annotator)
    record: NativeRecord = {
        "article_id": article_id,
        "annotator": annotator,
        "text": text,
        "spans": spans,
        "relations": relations,
        "attributions": rebuild_attributions(links, spans, article_id, annotator),
    }
    if line.get("status"):
        record["status"] = line["status"]
    return record
