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
from annotations.model import (
    ENTITY_LABELS,
    ENTITY_SCOPES,
    ArticleRecord,
    EntityDecision,
    Span,
    new_span,
)

#: Span origins the export derives (never stored; skipped on import).
DERIVED_ORIGINS = frozenset({"model", "decision"})
#: The fields of an item of a line's `entity_decisions`.
DECISION_FIELDS = frozenset({"key", "label", "updated", "scope", "start", "end"})


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
    """The line's `entity_decisions`; one for this article only says `"scope": "article"`,
    one for a mention `"scope": "mention"` and the mention's `start` and `end`."""
    return [_decision_item(d) for d in decisions]


def _decision_item(decision: EntityDecision) -> dict[str, Any]:
    item = {"key": decision.key, "label": decision.label, "updated": decision.updated}
    if decision.scope != "corpus":
        item["scope"] = decision.scope
    if decision.scope == "mention":
        item |= {"start": decision.start, "end": decision.end}
    return item


def decisions_from_field(items: list[Any], annotator: str, article_id: str) -> list[EntityDecision]:
    """The decisions of a line's `entity_decisions` (ValueError when one is malformed); those
    with a scope belong to the line's article."""
    decisions = []
    for item in items:
        if not isinstance(item, dict) or set(item) - DECISION_FIELDS:
            raise ValueError(
                "entity_decisions must be objects with key, label and updated (and scope, "
                "start, end)"
            )
        key, label, updated = item.get("key"), item.get("label"), item.get("updated", "")
        if not isinstance(key, str) or not key:
            raise ValueError("an entity decision needs a non-empty key")
        if label is not None and label not in ENTITY_LABELS:
            raise ValueError(f"entity decision {key!r}: label must be one of {ENTITY_LABELS}")
        if not isinstance(updated, str):
            raise ValueError(f"entity decision {key!r}: updated must be a time")
        decisions.append(
            EntityDecision(key, label, annotator, updated, *_scope(item, key, article_id))
        )
    return decisions


def _scope(item: dict[str, Any], key: str, article_id: str) -> tuple[Any, ...]:
    """(article_id, start, end) of a decision item: all None for every article."""
    scope = item.get("scope", "corpus")
    if scope not in ENTITY_SCOPES:
        raise ValueError(f"entity decision {key!r}: scope must be one of {ENTITY_SCOPES}")
    start, end = item.get("start"), item.get("end")
    offsets = [v for v in (start, end) if v is not None]
    if scope != "mention":
        if offsets:
            raise ValueError(f"entity decision {key!r}: start and end are for a mention only")
        return (None, None, None) if scope == "corpus" else (article_id, None, None)
    if len(offsets) != 2 or not all(type(v) is int and v >= 0 for v in offsets) or start >= end:
        raise ValueError(f"entity decision {key!r}: a mention needs offsets start < end")
    return article_id, start, end
