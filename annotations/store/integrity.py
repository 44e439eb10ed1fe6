"""What a change must respect: known fields, existing spans of one article, links kept whole."""

from __future__ import annotations

from typing import Any

from annotations.model import ATTRIBUTION_TYPES, Attribution
from annotations.store.transaction import Transaction

SPAN_FIELDS = frozenset({"layer", "label", "start", "end", "attrs", "origin"})
CLAIM_FIELDS = frozenset(
    {"attribution", "verifiable", "check_worthy", "harmful", "topic", "verdict", "note"}
)
ATTRIBUTION_FIELDS = frozenset({"source", "cue", "content", "type", "nested_in"})


def check_fields(changes: dict[str, Any], allowed: frozenset[str]) -> None:
    if unknown := set(changes) - allowed:
        raise TypeError(f"unknown fields {sorted(unknown)}; allowed: {sorted(allowed)}")


def check_attribution(txn: Transaction, attribution: Attribution) -> None:
    if attribution.type not in ATTRIBUTION_TYPES:
        raise ValueError(f"attribution type must be one of {ATTRIBUTION_TYPES}")
    spans = [
        s for s in (attribution.source, attribution.cue, *attribution.content) if s is not None
    ]
    if not spans:
        raise ValueError("an attribution needs at least one span")
    same_article(txn, spans)
    if attribution.nested_in is not None:
        existing(txn, "attributions", attribution.nested_in)


def existing(txn: Transaction, table: str, record_id: str) -> Any:
    record = txn.get(table, record_id)
    if record is None:
        raise KeyError(f"no {table[:-1]} {record_id!r}")
    return record


def same_article(txn: Transaction, span_ids: list[str]) -> tuple[str, str]:
    """The article id and text sha the spans share (KeyError / ValueError otherwise)."""
    spans = [existing(txn, "spans", s) for s in span_ids]
    if not spans or len({s.article_id for s in spans}) != 1:
        raise ValueError("the spans must belong to one article")
    return spans[0].article_id, spans[0].text_sha256
