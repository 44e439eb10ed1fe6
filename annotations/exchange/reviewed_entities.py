"""Entities as the analyst sees them, for the export: the model's entities with the analyst's
decisions applied (origin `model` or `decision`), beside the entity spans the analyst tagged by
hand (origin `manual`), which win where they overlap.

Derived entities are not stored: the export recomputes them, and the decisions that shaped them
travel in the line (`entity_decisions`), so an import stores the decisions and nothing else and
export -> import -> export stays identical.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotations.exchange.native import ExportArticle
from annotations.model import ENTITY_LABELS, ArticleRecord, EntityDecision, Span, new_span

#: Span origins the export derives (never stored; skipped on import).
DERIVED_ORIGINS = frozenset({"model", "decision"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity the recogniser found with the analyst's decisions."""

    start: int
    end: int
    label: str
    origin: Literal["model", "decision"]


@dataclass(frozen=True, slots=True)
class ReviewedEntities:
    """An article's entities for one analyst, and the analyst's decisions about its names."""

    mentions: Sequence[Mention]
    decisions: Sequence[EntityDecision]


#: (article, annotator) -> what the analyst sees there.
ReviewedLookup = Callable[[ExportArticle, str], ReviewedEntities]


def is_derived(span: Span | dict[str, Any]) -> bool:
    """Whether a span (stored or a native line's dict) is a derived entity."""
    layer, origin = (
        (span["layer"], span.get("origin")) if isinstance(span, dict) else (span.layer, span.origin)
    )
    return layer == "entity" and origin in DERIVED_ORIGINS


def with_reviewed_entities(
    record: ArticleRecord, article: ExportArticle, reviewed: ReviewedEntities
) -> ArticleRecord:
    """`record` with the derived entities added, except where an entity span of the record is."""
    tagged = [s for s in record.spans if s.layer == "entity"]
    derived = [
        new_span(
            article,
            "entity",
            m.label,
            m.start,
            m.end,
            annotator=record.annotator,
            origin=m.origin,
            id=f"entity-{m.start}-{m.end}",
            created=record.created,
            updated=record.updated,
        )
        for m in reviewed.mentions
        if not any(s.start < m.end and m.start < s.end for s in tagged)
    ]
    spans = sorted((*record.spans, *derived), key=lambda s: (s.start, s.end, s.created, s.id))
    return replace(record, spans=tuple(spans))


def decisions_field(decisions: Sequence[EntityDecision]) -> list[dict[str, Any]]:
    """The line's `entity_decisions`."""
    return [{"key": d.key, "label": d.label, "updated": d.updated} for d in decisions]


def decisions_from_field(items: list[Any], annotator: str) -> list[EntityDecision]:
    """The decisions of a line's `entity_decisions` (ValueError when one is malformed)."""
    decisions = []
    for item in items:
        if not isinstance(item, dict) or set(item) - {"key", "label", "updated"}:
            raise ValueError("entity_decisions must be objects with key, label and updated")
        key, label, updated = item.get("key"), item.get("label"), item.get("updated", "")
        if not isinstance(key, str) or not key:
            raise ValueError("an entity decision needs a non-empty key")
        if label is not None and label not in ENTITY_LABELS:
            raise ValueError(f"entity decision {key!r}: label must be one of {ENTITY_LABELS}")
        if not isinstance(updated, str):
            raise ValueError(f"entity decision {key!r}: updated must be a time")
        decisions.append(EntityDecision(key, label, annotator, updated))
    return decisions
