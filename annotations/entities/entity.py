"""The recogniser's output: a highlighted span and what it knows about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from annotations.model import ENTITY_LABELS

Label = Literal["PER", "ORG", "LOC", "MISC"]
Origin = Literal["model", "gazetteer", "rule", "propagation", "analyst"]
LABELS: tuple[Label, ...] = ENTITY_LABELS  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity over whole tokens: `text == article_text[start:end]`.

    `name_start` is where the name begins inside the first token (after ل in لماكرون); it equals
    `start` when the token carries no clitic.
    """

    start: int
    end: int
    label: Label
    text: str
    origin: Origin
    confidence: float
    name_start: int

    @property
    def name(self) -> str:
        """The span without its leading clitic."""
        return self.text[self.name_start - self.start :]

    def record(self, article_id: str) -> dict[str, object]:
        """The entity as `rawi entities --format jsonl` prints it."""
        return {
            "article": article_id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "origin": self.origin,
            "confidence": self.confidence,
            "name_start": self.name_start,
        }

    @classmethod
    def from_record(cls, record: dict) -> Entity:
        """The entity back from its `record`."""
        fields = ("start", "end", "label", "text", "origin", "confidence", "name_start")
        return cls(*(record[name] for name in fields))
