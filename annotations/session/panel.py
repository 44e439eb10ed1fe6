"""The annotations panel's lines: claims, sources, attributions and relations of an article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from annotations.model import Attribution, Claim, Relation, Span
from annotations.session.relation_links import parts


class PanelItem(NamedTuple):
    """One line of the annotations panel: what it is, where it starts, its text."""

    kind: str
    start: int
    end: int
    text: str


def panel_items(
    spans: Sequence[Span],
    attributions: Sequence[Attribution],
    relations: Sequence[Relation],
    claims: Sequence[Claim],
) -> list[PanelItem]:
    """Claims (followed by ← and the source or cue of their attribution), sources, attributions
    (source | cue | content) and relations (head ← child, the kind their label), in that order
    within each group."""
    by_id = {span.id: span for span in spans}
    credited = _claim_credits(attributions, claims, by_id)
    items = [
        PanelItem(s.label, s.start, s.end, s.text + credited.get(s.id, ""))
        for s in spans
        if s.label in ("CLAIM", "SOURCE")
    ]
    for attribution in attributions:
        found = [by_id[i] for i in parts(attribution) if i in by_id]
        if found:
            text = " | ".join(part.text for part in found)
            items.append(PanelItem("ATTRIBUTION", found[0].start, found[0].end, text))
    for relation in relations:
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if head and child:
            text = f"{head.text} ← {child.text}"
            items.append(PanelItem(relation.label, head.start, head.end, text))
    return items


def _claim_credits(
    attributions: Sequence[Attribution], claims: Sequence[Claim], by_id: dict[str, Span]
) -> dict[str, str]:
    """" ← source" (else the cue) for each CLAIM span whose claim has an attribution."""
    by_attribution = {a.id: a for a in attributions}
    credits = {}
    for claim in claims:
        attribution = by_attribution.get(claim.attribution or "")
        if attribution is None:
            continue
        who = by_id.get(attribution.source or "") or by_id.get(attribution.cue or "")
        credits[claim.span] = f" ← {who.text}" if who else " ← (attribution)"
    return credits
