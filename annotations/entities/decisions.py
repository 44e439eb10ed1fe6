"""Analyst decisions ("always an entity of type T", "never an entity") as the recogniser applies
them (`AnalystRule`; the store keeps them as `annotations.model.EntityDecision` records) and their
JSON file form.

A decision's `key` is the match key of the name as written without its clitic, words joined by
one space (`surface_key("إيمانويل ماكرون")` is "ايمانويل ماكرون"). The store holds the analyst's
decisions; a JSON file can add more: a list of
`{"key" or "surface": ..., "label": "PER" | "ORG" | "LOC" | "MISC" | null}` objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from annotations.arabic import match_key, tokenize
from annotations.entities.entity import LABELS, Label


@dataclass(frozen=True, slots=True)
class AnalystRule:
    """Every occurrence of `key` is an entity of type `label`, or never one when `label` is None."""

    key: str
    label: Label | None

    def __post_init__(self) -> None:
        if self.label is not None and self.label not in LABELS:
            raise ValueError(f"unknown entity label {self.label!r}")


def surface_key(name: str) -> str:
    """The decision key of a name as written without its clitic ("عبد الفتاح السيسي")."""
    return " ".join(match_key(token.text) for token in tokenize(name))


def load_decisions(path: Path) -> list[AnalystRule]:
    """Decisions from a JSON file; a missing file means none."""
    if not path.exists():
        return []
    return [
        AnalystRule(item.get("key") or surface_key(item["surface"]), item.get("label"))
        for item in json.loads(path.read_text(encoding="utf-8"))
    ]
