"""The source -> cue -> content sequence: three tags in a row propose an attribution."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotations.model import Span

#: The attribution labels in the order the analyst tags them.
SEQUENCE = ("SOURCE", "CUE", "CONTENT")


@dataclass(frozen=True, slots=True)
class Proposal:
    """An attribution waiting for the analyst's Enter: span ids of source, cue and content."""

    source: Span
    cue: Span
    content: Span


@dataclass
class AttributionSequence:
    """Remembers the last SOURCE, then CUE, then CONTENT tagged; a SOURCE starts afresh."""

    _seen: dict[str, Span] = field(default_factory=dict)

    def feed(self, span: Span) -> Proposal | None:
        """Note a new span; the proposal once a source, a cue and a content came in that order."""
        if span.label not in SEQUENCE:
            return None
        step = SEQUENCE.index(span.label)
        if step == 0:
            self._seen = {}
        elif any(label not in self._seen for label in SEQUENCE[:step]):
            self._seen = {}
            return None
        self._seen[span.label] = span
        if len(self._seen) < len(SEQUENCE):
            return None
        proposal = Proposal(self._seen["SOURCE"], self._seen["CUE"], self._seen["CONTENT"])
        self._seen = {}
        return proposal

    def forget(self, span_id: str) -> None:
        """Drop a deleted span from the sequence (the sequence restarts)."""
        if any(span.id == span_id for span in self._seen.values()):
            self._seen = {}

    def reset(self) -> None:
        self._seen = {}
