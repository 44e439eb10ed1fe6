"""The attributes form of an annotation: its values, and how they are saved."""

from __future__ import annotations

from typing import Any

from annotations.model import CLAIM_FLAGS, Claim, Span
from annotations.store import Store

#: Stances an analyst can give a claim ("" means not set).
STANCES = ("", "for", "against", "neutral")
#: Form values kept in the span's attrs (the claim flags go to the claim record).
SPAN_ATTRS = ("source_type", "stance", "note")


def claim_of(store: Store, span: Span) -> Claim | None:
    return next((c for c in store.claims(span.article_id) if c.span == span.id), None)


def attributes_of(store: Store, span: Span) -> dict[str, Any]:
    """The values the form shows for `span`."""
    claim = claim_of(store, span)
    values: dict[str, Any] = {name: span.attrs.get(name, "") for name in SPAN_ATTRS}
    for flag in CLAIM_FLAGS:
        values[flag] = bool(claim and getattr(claim, flag))
    if claim is not None and claim.note:
        values["note"] = claim.note
    return values


def save_attributes(store: Store, span: Span, values: dict[str, Any], annotator: str) -> None:
    """Span attrs for every annotation, claim fields for a CLAIM; one undo step."""
    attrs = {k: v for k, v in span.attrs.items() if k not in SPAN_ATTRS}
    attrs.update({name: values[name] for name in SPAN_ATTRS if values.get(name)})
    with store.batch(annotator, "edit attributes"):
        store.update_span(span.id, annotator=annotator, attrs=attrs)
        if span.label == "CLAIM":
            fields: dict[str, Any] = {flag: bool(values.get(flag)) for flag in CLAIM_FLAGS}
            fields["note"] = values.get("note") or None
            claim = claim_of(store, span)
            if claim is None:
                store.add_claim(span.id, annotator=annotator, **fields)
            else:
                store.update_claim(claim.id, annotator=annotator, **fields)
