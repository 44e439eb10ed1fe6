"""Shared by the importers of other tools' formats: layers by label and derived ids.

Ids of imported records are derived from what identifies them (article, annotator, label,
offsets), so importing the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from annotations.exchange.links import ATTRIBUTION_LINKS
from annotations.model import LAYER_OF, key_id


def text_id(text: str) -> str:
    """An article id for a line that names none, taken from its text."""
    return "text-" + hashlib.sha256(text.encode()).hexdigest()[:16]


def native_span(
    article_id: str, annotator: str, label: str, start: int, end: int, span_id: str | None = None
) -> dict[str, Any]:
    """A native span dict for the importer; the layer follows from the label."""
    if label not in LAYER_OF:
        raise ValueError(f"unknown span label {label!r} (known: {sorted(LAYER_OF)})")
    span_id = span_id or key_id("span", article_id, annotator, label, str(start), str(end))
    return {"id": span_id, "layer": LAYER_OF[label], "label": label, "start": start, "end": end}


def native_relation(
    article_id: str, annotator: str, head: str, child: str, label: str
) -> dict[str, str]:
    """A native relation dict with a derived id."""
    relation_id = key_id("relation", article_id, annotator, head, child, label)
    return {"id": relation_id, "head": head, "child": child, "label": label}


def split_relations(
    triples: Iterable[tuple[str, str, str]], article_id: str, annotator: str
) -> tuple[list[dict[str, str]], list[tuple[str, str, str]]]:
    """(head, child, label) links between span ids as native relations, and the attribution
    links kept apart for `rebuild_attributions`."""
    relations, links = [], []
    for head, child, label in triples:
        if label in ATTRIBUTION_LINKS:
            links.append((head, child, label))
        else:
            relations.append(native_relation(article_id, annotator, head, child, label))
    return relations, links
