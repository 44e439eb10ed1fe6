"""Scoring suggestions against hand-made gold triples.

A suggestion matches a gold triple when their cues overlap, their contents overlap and their
sources overlap (or both have none). Each gold triple is matched at most once, greedily in text
order. Precision is matched suggestions over suggestions, recall matched gold over gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.attribution.suggestion import Cue, Excerpt, Source, Suggestion


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of suggestions against gold."""

    matched: int
    suggested: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def load_gold(path: Path) -> list[Suggestion]:
    """Gold triples from a JSONL file of `rawi suggest` records (source and nesting included)."""
    with path.open(encoding="utf-8") as lines:
        return [from_record(json.loads(line)) for line in lines if line.strip()]


def from_record(record: dict[str, Any]) -> Suggestion:
    """A suggestion from its JSON record (the inverse of `Suggestion.record`)."""
    cue = record["cue"]
    source = record["source"]
    return Suggestion(
        Cue(cue["start"], cue["end"], cue["text"], cue["class"]),
        None if source is None else Source(
            source["start"], source["end"], source["text"], source["type"]
        ),
        tuple(Excerpt(s["start"], s["end"], s["text"]) for s in record["content"]),
        nested_in=record.get("nested_in"),
        confidence=record.get("confidence", 1.0),
    )


def _overlap(a: Excerpt | Cue | Source, b: Excerpt | Cue | Source) -> bool:
    return a.start < b.end and b.start < a.end


def _excerpts_overlap(a: Iterable[Excerpt], b: Sequence[Excerpt]) -> bool:
    return any(_overlap(x, y) for x in a for y in b)


def matches(suggestion: Suggestion, gold: Suggestion) -> bool:
    """Whether `suggestion` finds the attribution `gold` (cue, content and source overlap)."""
    if not _overlap(suggestion.cue, gold.cue):
        return False
    if not _excerpts_overlap(suggestion.content, gold.content):
        return False
    if suggestion.source is None or gold.source is None:
        return suggestion.source is gold.source
    return _overlap(suggestion.source, gold.source)


def pairs(suggestions: Sequence[Suggestion], gold: Sequence[Suggestion]) -> list[tuple[int, int]]:
    """(suggestion index, gold index) of each match."""
    taken: set[int] = set()
    found: list[tuple[int, int]] = []
    for index, suggestion in enumerate(suggestions):
        hit = next(
            (g for g, triple in enumerate(gold) if g not in taken and matches(suggestion, triple)),
            None,
        )
        if hit is not None:
            taken.add(hit)
            found.append((index, hit))
    return found


def score(suggestions: Sequence[Suggestion], gold: Sequence[Suggestion]) -> Score:
    """How well `suggestions` recover `gold`."""
    return Score(len(pairs(suggestions, gold)), len(suggestions), len(gold))
