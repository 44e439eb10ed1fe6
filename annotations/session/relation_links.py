"""Typed links between two annotations; linking a CLAIM to an attribution makes it the claim's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotations.model import CLAIM_ATTRIBUTION, Attribution, Claim, Relation, Span
from annotations.session.annotation_attributes import claim_of
from annotations.store import Store


def parts(attribution: Attribution) -> tuple[str, ...]:
    """The span ids of an attribution: source, cue, contents (those it has)."""
    ids = (attribution.source, attribution.cue, *attribution.content)
    return tuple(i for i in ids if i is not None)


def claim_and_attribution(
    head: Span, child: Span, attributions: Iterable[Attribution]
) -> tuple[Span, Attribution] | None:
    """When one end is a CLAIM and the other a part of an attribution: the CLAIM and that
    attribution (the first made, if the part is in several); else None."""
    attributions = list(attributions)
    for claim, other in ((head, child), (child, head)):
        if claim.label == "CLAIM":
            found = next((a for a in attributions if other.id in parts(a)), None)
            if found is not None:
                return claim, found
    return None


def link_choices(
    head: Span, child: Span, attributions: Iterable[Attribution], labels: Sequence[str]
) -> tuple[str, ...]:
    """The types a link from `head` to `child` can have: `CLAIM_ATTRIBUTION` first where it
    applies, then the relation labels."""
    first = (CLAIM_ATTRIBUTION,) if claim_and_attribution(head, child, attributions) else ()
    return (*first, *labels)


def linked_ids(
    span_id: str,
    relations: Iterable[Relation],
    attributions: Iterable[Attribution],
    claims: Iterable[Claim],
) -> list[str]:
    """The other ends of `span_id`'s links: its relations' other ends, the parts of its claim's
    attribution, and the CLAIMs attributed to an attribution it is part of."""
    ends = [(r.head, r.child) for r in relations if span_id in (r.head, r.child)]
    ids = [child if head == span_id else head for head, child in ends]
    by_id = {a.id: a for a in attributions}
    for claim in claims:
        attribution = by_id.get(claim.attribution or "")
        if attribution is None:
            continue
        if claim.span == span_id:
            ids += parts(attribution)
        elif span_id in parts(attribution):
            ids.append(claim.span)
    return [i for i in dict.fromkeys(ids) if i != span_id]


def attribute_claim(
    store: Store, head: Span, child: Span, attributions: Iterable[Attribution], annotator: str
) -> Claim:
    """Make the attribution one end is part of the claim's (`Claim.attribution`) of the CLAIM
    at the other end; the claim record is made if the CLAIM has none."""
    found = claim_and_attribution(head, child, attributions)
    if found is None:
        raise ValueError("a claim's attribution links a CLAIM to a part of an attribution")
    span, attribution = found
    claim = claim_of(store, span)
    if claim is None:
        return store.add_claim(span.id, annotator=annotator, attribution=attribution.id)
    return store.update_claim(claim.id, annotator=annotator, attribution=attribution.id)
