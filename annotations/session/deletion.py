"""What `x` deletes, said before it is done: the annotation, and what goes or changes with it."""

from __future__ import annotations

from dataclasses import dataclass

from annotations.model import CLAIM_FLAGS, Attribution, Claim, Span
from annotations.store import Cascade
from annotations.store.cascade import without


@dataclass(frozen=True)
class Consequence:
    """One thing a deletion also does: `what` (plain words), about the article text `text`."""

    what: str
    text: str = ""


@dataclass(frozen=True)
class Deletion:
    """The annotation `x` would delete and what else that does (empty: nothing else)."""

    span: Span
    consequences: tuple[Consequence, ...]


def holds_something(claim: Claim) -> bool:
    """Whether the claim record says anything beyond its span (a flag, a text, an attribution)."""
    said = [getattr(claim, flag) is not None for flag in CLAIM_FLAGS]
    return any(said) or any((claim.topic, claim.verdict, claim.note, claim.attribution))


def parts_text(attribution: Attribution, spans: dict[str, Span]) -> str:
    """The attribution's parts as text, source | cue | content."""
    ids = (attribution.source, attribution.cue, *attribution.content)
    return " | ".join(spans[i].text for i in ids if i in spans)


def _role(attribution: Attribution, span_id: str) -> str:
    if attribution.source == span_id:
        return "SOURCE"
    return "CUE" if attribution.cue == span_id else "CONTENT"


def consequences(cascade: Cascade, spans: dict[str, Span]) -> tuple[Consequence, ...]:
    """What `cascade` does besides deleting its span, line by line, for the analyst to confirm."""
    span_id = cascade.span.id if cascade.span else ""
    lines = []
    for relation in cascade.relations:
        other = relation.child if relation.head == span_id else relation.head
        label = spans[other].label if other in spans else ""
        what = f"the {relation.label} link with {label} goes:"
        lines.append(Consequence(what, _text(spans, other)))
    lines += [
        Consequence("its claim's attributes go (flags, topic, verdict, note)")
        for claim in cascade.claims
        if holds_something(claim)
    ]
    for attribution in cascade.detached:
        kept = without(attribution, span_id) or attribution
        lines.append(
            Consequence(
                f"its attribution loses its {_role(attribution, span_id)} and keeps:",
                parts_text(kept, spans),
            )
        )
    lines += [
        Consequence("its attribution goes (nothing else is left in it):", parts_text(a, spans))
        for a in cascade.attributions
    ]
    lines += [
        Consequence("this claim loses its attribution:", _text(spans, c.span))
        for c in cascade.unattributed
    ]
    lines += [
        Consequence("this attribution is no longer nested:", parts_text(a, spans))
        for a in cascade.unnested
    ]
    return tuple(lines)


def _text(spans: dict[str, Span], span_id: str) -> str:
    return spans[span_id].text if span_id in spans else ""
