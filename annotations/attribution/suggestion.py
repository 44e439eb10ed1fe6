"""What the suggester proposes: a PARC-style triple of cue, source and content, in offsets.

Offsets are code points into the text given, half-open [start, end).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

CueClass = Literal["statement", "emphasis", "denial", "allegation", "warning", "prepositional"]
SourceType = Literal[
    "named_person", "official_role", "organisation", "media", "document", "anonymous"
]
CUE_CLASSES: tuple[CueClass, ...] = (
    "statement", "emphasis", "denial", "allegation", "warning", "prepositional"
)
SOURCE_TYPES: tuple[SourceType, ...] = (
    "named_person", "official_role", "organisation", "media", "document", "anonymous"
)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A stretch of the text: `text[start:end] == excerpt.text`."""

    start: int
    end: int
    text: str

    def record(self) -> dict[str, Any]:
        """The excerpt as a JSON-ready dict."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that introduce the attribution (قال، أكد، بحسب ...) and their class."""

    start: int
    end: int
    text: str
    cls: CueClass


@dataclass(frozen=True, slots=True)
class EntityLink:
    """An entity of the NER layer found inside a source."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Source:
    """Who is speaking. `inherited` marks a source taken from the previous attribution."""

    start: int
    end: int
    text: str
    type: SourceType
    entities: tuple[EntityLink, ...] = ()
    inherited: bool = False


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested attribution; `nested_in` is the index of the outer suggestion in its list."""

    cue: Cue
    source: Source | None
    content: tuple[Excerpt, ...]
    nested_in: int | None = None
    confidence: float = 0.5
    evidence: str = ""  # how it was found (`confidence.evidence`), what its confidence measures
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", suggestion_key(self.cue, self.source, self.content))

    def record(self) -> dict[str, Any]:
        """The suggestion as a JSON-ready dict: the `rawi suggest` JSONL fields but `article`."""
        source = self.source
        return {
            "key": self.key,
            "cue": {
                "start": self.cue.start, "end": self.cue.end,
                "text": self.cue.text, "class": self.cue.cls,
            },
            "source": None if source is None else {
                "start": source.start, "end": source.end, "text": source.text,
                "type": source.type, "inherited": source.inherited,
                "entities": [[e.start, e.end, e.label] for e in source.entities],
            },
            "content": [excerpt.record() for excerpt in self.content],
            "nested_in": self.nested_in,
            "confidence": self.confidence,
        }


def suggestion_key(cue: Cue, source: Source | None, content: tuple[Excerpt, ...]) -> str:
    """A short id that stays the same while the offsets do (to remember rejections)."""
    parts = [f"{cue.start}-{cue.end}"]
    parts.append("-" if source is None else f"{source.start}-{source.end}")
    parts.extend(f"{excerpt.start}-{excerpt.end}" for excerpt in content)
    return hashlib.sha1("|".join(parts).encode("ascii")).hexdigest()[:16]
