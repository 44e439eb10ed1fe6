"""What deleting a span or an attribution takes with it, so that no record is left dangling.

A deleted span takes its relations and its claim; the attributions using it lose it (and go when
nothing is left of them). A deleted attribution leaves its claims unattributed and the
attributions nested in it unnested. `Cascade` says all of it before anything is deleted (the app
shows it for confirmation), then `apply` does it inside the deletion's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from annotations.model import Attribution, Claim, Relation, Span, now
from annotations.store.transaction import Transaction


@dataclass(frozen=True)
class Cascade:
    """The records a deletion changes, as they were before it."""

    #: The span deleted (None when an attribution is deleted by itself).
    span: Span | None = None
    #: Relations of which the span is one end: deleted.
    relations: tuple[Relation, ...] = ()
    #: Claims on the span: deleted.
    claims: tuple[Claim, ...] = ()
    #: Attributions that lose the span and keep their other parts.
    detached: tuple[Attribution, ...] = ()
    #: Attributions deleted: given, or with nothing left once the span is out.
    attributions: tuple[Attribution, ...] = ()
    #: Claims whose attribution is deleted: they lose it.
    unattributed: tuple[Claim, ...] = ()
    #: Attributions nested in a deleted one: no longer nested.
    unnested: tuple[Attribution, ...] = ()

    def apply(self, txn: Transaction) -> None:
        """Delete and detach it all in `txn` (one save, one undo step)."""
        if self.span is not None:
            txn.delete("spans", self.span.id)
        for relation in self.relations:
            txn.delete("relations", relation.id)
        for claim in self.claims:
            txn.delete("claims", claim.id)
        for attribution in self.attributions:
            txn.delete("attributions", attribution.id)
        for claim in self.unattributed:
            txn.put("claims", replace(claim, attribution=None, updated=now()))
        span_id = self.span.id if self.span else ""
        changed = {a.id: a for a in (*self.detached, *self.unnested)}
        unnested = {a.id for a in self.unnested}
        for attribution in changed.values():
            kept = without(attribution, span_id) or attribution
            if attribution.id in unnested:
                kept = replace(kept, nested_in=None)
            txn.put("attributions", replace(kept, updated=now()))


def without(attribution: Attribution, span_id: str) -> Attribution | None:
    """`attribution` without span `span_id` among its parts; None when no part is left."""
    source = None if attribution.source == span_id else attribution.source
    cue = None if attribution.cue == span_id else attribution.cue
    content = tuple(c for c in attribution.content if c != span_id)
    if source is None and cue is None and not content:
        return None
    return replace(attribution, source=source, cue=cue, content=content)


def span_cascade(
    span: Span,
    relations: Iterable[Relation],
    attributions: Iterable[Attribution],
    claims: Iterable[Claim],
) -> Cascade:
    """What deleting `span` does, given the records of its article."""
    attributions, claims = list(attributions), list(claims)
    using = [a for a in attributions if span.id in (a.source, a.cue, *a.content)]
    emptied = tuple(a for a in using if without(a, span.id) is None)
    own_claims = tuple(c for c in claims if c.span == span.id)
    after = _attribution_cascade(emptied, attributions, [c for c in claims if c not in own_claims])
    return Cascade(
        span=span,
        relations=tuple(r for r in relations if span.id in (r.head, r.child)),
        claims=own_claims,
        detached=tuple(a for a in using if a not in emptied),
        attributions=emptied,
        unattributed=after.unattributed,
        unnested=after.unnested,
    )


def attribution_cascade(
    attribution: Attribution, attributions: Iterable[Attribution], claims: Iterable[Claim]
) -> Cascade:
    """What deleting `attribution` does, given the attributions and claims of its article."""
    return _attribution_cascade((attribution,), list(attributions), list(claims))


def _attribution_cascade(
    deleted: tuple[Attribution, ...], attributions: list[Attribution], claims: list[Claim]
) -> Cascade:
    gone = {a.id for a in deleted}
    return Cascade(
        attributions=deleted,
        unattributed=tuple(c for c in claims if c.attribution in gone),
        unnested=tuple(a for a in attributions if a.nested_in in gone and a.id not in gone),
    )
