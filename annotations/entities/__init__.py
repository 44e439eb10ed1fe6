"""Offline Arabic named-entity recognition: shipped CRF, gazetteers, rules, propagation, decisions.

`recognise(text)` returns non-overlapping `Entity` spans over whole tokens, sorted by start.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotations.entities.decisions import AnalystRule, load_decisions, surface_key
from annotations.entities.entity import Entity
from annotations.entities.occurrences import Occurrence, occurrences
from annotations.entities.recogniser import DEFAULT_MIN_CONFIDENCE, find_entities
from annotations.entities.trained_model import load_model, model_version

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "AnalystRule",
    "Entity",
    "Occurrence",
    "load_decisions",
    "model_version",
    "occurrences",
    "recognise",
    "surface_key",
]


def recognise(
    text: str,
    decisions: Iterable[AnalystRule] | None = None,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Entity]:
    """Named entities of `text` with the shipped model (loaded on first use)."""
    return find_entities(text, load_model(), decisions, min_confidence)
