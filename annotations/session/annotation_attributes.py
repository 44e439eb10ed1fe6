"""The attributes form of an annotation, one per label: its fields, values and where they go.

CLAIM: verifiable, check-worthy, harmful, topic, verdict and note go to the claim record
(`Claim`), the article's stance toward the claim to the span's attrs. SOURCE: source type; CUE:
cue class (both in the span's attrs, where accepted suggestions put them too). Every label has
a note (in the span's attrs, except a CLAIM's, which is the claim's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotations.attribution import CUE_CLASSES, SOURCE_TYPES
from annotations.model import CLAIM_FLAGS, DEFAULT_VERDICTS, STANCES, Claim, Span
from annotations.store import Store

FieldKind = Literal["flag", "choice", "text"]

#: The source types an analyst can give: the suggester's, and "other".
FORM_SOURCE_TYPES = (*SOURCE_TYPES, "other")
#: The fields of a CLAIM form kept in the claim record (the rest in the span's attrs).
CLAIM_RECORD_FIELDS = (*CLAIM_FLAGS, "topic", "verdict", "note")


@dataclass(frozen=True)
class FormField:
    """One field: `name` is where it is saved, `kind` how it is edited, `choices` its options."""

    name: str
    title: str
    kind: FieldKind
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttributesForm:
    """The form of one annotation: its fields and the values they start with (a flag is a
    bool, a choice or a text a string, "" when not set)."""

    label: str
    fields: tuple[FormField, ...]
    values: dict[str, Any]


def form_fields(label: str, verdicts: Sequence[str] = DEFAULT_VERDICTS) -> tuple[FormField, ...]:
    """The fields of the form of an annotation labelled `label`."""
    note = FormField("note", "Note", "text")
    if label == "CLAIM":
        return (
            FormField("verifiable", "Verifiable", "flag"),
            FormField("check_worthy", "Check-worthy", "flag"),
            FormField("harmful", "Harmful", "flag"),
            FormField("topic", "Topic", "text"),
            FormField("verdict", "Verdict", "choice", tuple(verdicts)),
            FormField("stance", "Stance", "choice", STANCES),
            note,
        )
    if label == "SOURCE":
        return FormField("source_type", "Source type", "choice", FORM_SOURCE_TYPES), note
    if label == "CUE":
        return FormField("cue_class", "Cue class", "choice", CUE_CLASSES), note
    return (note,)


def claim_of(store: Store, span: Span) -> Claim | None:
    return next((c for c in store.claims(span.article_id) if c.span == span.id), None)


def _saved_value(store: Store, span: Span, name: str) -> Any:
    """Where the model keeps field `name` of `span`: the claim record or the span's attrs."""
    if span.label == "CLAIM" and name in CLAIM_RECORD_FIELDS:
        claim = claim_of(store, span)
        return getattr(claim, name) if claim else None
    return span.attrs.get(name)


def attributes_form(
    store: Store, span: Span, verdicts: Sequence[str] = DEFAULT_VERDICTS
) -> AttributesForm:
    """The form of `span` with its saved values; a saved choice the list no longer offers (the
    config changed) is offered too, so that saving the form keeps it."""
    fields, values = [], {}
    for field in form_fields(span.label, verdicts):
        value = _saved_value(store, span, field.name)
        if field.kind == "flag":
            values[field.name] = value is True
        else:
            values[field.name] = value if isinstance(value, str) else ""
        if field.kind == "choice" and values[field.name] not in ("", *field.choices):
            field = replace(field, choices=(*field.choices, values[field.name]))
        fields.append(field)
    return AttributesForm(span.label, tuple(fields), values)


def save_attributes(store: Store, span: Span, values: dict[str, Any], annotator: str) -> None:
    """Save the form's `values` where the model keeps each field, in one undo step.

    A flag left unticked stays unsaid (None) unless it was said before: opening the form to
    write a note does not declare a claim unverifiable.
    """
    names = [field.name for field in form_fields(span.label)]
    claim = claim_of(store, span) if span.label == "CLAIM" else None
    claim_fields: dict[str, Any] = {}
    attrs = dict(span.attrs)
    for name in names:
        value = values.get(name)
        if span.label == "CLAIM" and name in CLAIM_FLAGS:
            before = getattr(claim, name) if claim else None
            claim_fields[name] = True if value else (None if before is None else False)
        elif span.label == "CLAIM" and name in CLAIM_RECORD_FIELDS:
            claim_fields[name] = (value or "").strip() or None
        elif text := (value or "").strip():
            attrs[name] = text
        else:
            attrs.pop(name, None)
    with store.batch(annotator, f"edit {span.label} attributes"):
        if attrs != span.attrs:
            store.update_span(span.id, annotator=annotator, attrs=attrs)
        if span.label != "CLAIM":
            return
        if claim is None:
            store.add_claim(span.id, annotator=annotator, **claim_fields)
        else:
            store.update_claim(claim.id, annotator=annotator, **claim_fields)
