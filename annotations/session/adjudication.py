"""Adjudication of one article: every annotator's spans side by side, grouped into units, and the
curator's choice for each unit saved as the `curated` annotator's own spans, attributions and
claims (display-free; `tui/screens/adjudication.py` draws it).

A unit is a stretch of one layer where annotators' spans overlap (spans chained by overlap form
one unit). It is an agreement when every annotator has the same spans there (label and bounds),
else a disagreement. Taking a version replaces the curated spans of the unit by copies of the
chosen annotators' spans (both: their union, the same span once), then copies those annotators'
relations, attributions and claims (with their attributes) whose spans are all curated by then.
Taking neither deletes the curated spans of the unit and marks it settled. Each choice is one
undo step of the curated annotator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from annotations.model import Attribution, Claim, Span, TextSource
from annotations.store import Store

#: Prefix of the rejection key that marks a unit settled with nothing.
NEITHER = "adjudication:"
#: Claim fields copied to the curated claim.
CLAIM_ATTRIBUTES = ("verifiable", "check_worthy", "harmful", "topic", "verdict", "note")

SpanKey = tuple[str, str, int, int]


def span_key(span: Span) -> SpanKey:
    return (span.layer, span.label, span.start, span.end)


@dataclass(frozen=True)
class Unit:
    """Overlapping spans of one layer: each annotator's (`versions`, in annotator order)."""

    layer: str
    start: int
    end: int
    versions: tuple[tuple[Span, ...], ...]

    @property
    def agreed(self) -> bool:
        keys = [frozenset(span_key(s) for s in version) for version in self.versions]
        return all(k == keys[0] for k in keys)

    @property
    def mark(self) -> str:
        """The key that marks this unit settled with nothing."""
        return f"{NEITHER}{self.layer}:{self.start}-{self.end}"


class Adjudication:
    """One article's units for `annotators` (default: everyone with spans there but the
    curator), and the curator's choices."""

    def __init__(
        self,
        article: TextSource,
        store: Store,
        curated: str,
        annotators: Sequence[str] | None = None,
    ) -> None:
        self.article = article
        self.store = store
        self.curated = curated
        spans = [s for s in store.spans(article.id) if s.origin != "model" and not s.orphan]
        found = sorted({s.annotator for s in spans} - {curated})
        self.annotators = list(annotators) if annotators is not None else found
        self.units = _units([s for s in spans if s.annotator in self.annotators], self.annotators)
        self.current = 0
        if self.disagreements:
            self.current = self.disagreements[0]

    @property
    def disagreements(self) -> list[int]:
        """Indices of the units where annotators differ."""
        return [i for i, unit in enumerate(self.units) if not unit.agreed]

    @property
    def unit(self) -> Unit | None:
        return self.units[self.current] if self.units else None

    def move(self, step: int) -> bool:
        """Go to the next (1) or previous (-1) disagreement; False when there is none that way."""
        ahead = [i for i in self.disagreements if (i - self.current) * step > 0]
        if not ahead:
            return False
        self.current = ahead[0] if step > 0 else ahead[-1]
        return True

    def curated_spans(self, unit: Unit) -> list[Span]:
        """The curator's spans overlapping `unit`."""
        return [s for s in self.store.spans(self.article.id, self.curated) if _in(s, unit)]

    def settled(self, unit: Unit) -> bool:
        """Whether the curator chose for `unit` (spans taken, or neither)."""
        marks = self.store.rejected_suggestions(self.article.id, self.curated)
        return unit.mark in marks or bool(self.curated_spans(unit))

    def progress(self) -> tuple[int, int]:
        """(disagreements settled, disagreements)."""
        marks = self.store.rejected_suggestions(self.article.id, self.curated)
        curated = self.store.spans(self.article.id, annotator=self.curated)
        disagreements = [self.units[i] for i in self.disagreements]
        settled = [u for u in disagreements if u.mark in marks or any(_in(s, u) for s in curated)]
        return len(settled), len(disagreements)

    def take(self, chosen: Sequence[str]) -> None:
        """Settle the current unit with the versions of the `chosen` annotators (none: neither)."""
        unit = self.unit
        if unit is None:
            return
        wanted = {
            span_key(s): s
            for who, version in zip(self.annotators, unit.versions, strict=True)
            if who in chosen
            for s in version
        }
        what = " + ".join(chosen) if chosen else "neither"
        with self.store.batch(self.curated, f"adjudicate: {what}"):
            removed = {span.id for span in self.curated_spans(unit)}
            for span_id in removed:
                self.store.delete_span(span_id, annotator=self.curated)
            added = [
                self.store.add_span(
                    self.article, span.layer, span.label, span.start, span.end,
                    annotator=self.curated, origin=span.origin, attrs=span.attrs,
                )
                for span in wanted.values()
            ]  # fmt: skip
            if chosen:
                self._copy_links(chosen, removed, added)
            else:
                self.store.reject_suggestion(self.article.id, unit.mark, annotator=self.curated)

    def undo(self) -> bool:
        """Undo the curator's last choice."""
        return self.store.undo(self.curated) is not None

    def _copy_links(self, chosen: Sequence[str], removed: set[str], added: list[Span]) -> None:
        """Copy the chosen annotators' relations, attributions and claims whose spans are all
        curated,
        unless the curator has them already (inside the choice's batch: reads still see the
        store as it was, so the curated spans are those saved less `removed` plus `added`)."""
        article_id = self.article.id
        saved = self.store.spans(article_id, annotator=self.curated)
        curated = {span_key(s): s.id for s in saved if s.id not in removed}
        curated.update((span_key(s), s.id) for s in added)
        have_attributions = {
            _attribution_key(a) for a in self.store.attributions(article_id, self.curated)
        }
        have_claims = {
            c.span for c in self.store.claims(article_id, self.curated) if c.span not in removed
        }
        for who in chosen:
            spans = {s.id: curated.get(span_key(s)) for s in self.store.spans(article_id, who)}
            self._copy_relations(who, spans, removed)
            copied = {}
            for attribution in self.store.attributions(article_id, who):
                mapped = _mapped_attribution(attribution, spans)
                if mapped is None or _attribution_key(mapped) in have_attributions:
                    continue
                made = self.store.add_attribution(
                    source=mapped.source, cue=mapped.cue, content=mapped.content,
                    annotator=self.curated, type=attribution.type,
                )  # fmt: skip
                copied[attribution.id] = made.id
                have_attributions.add(_attribution_key(mapped))
            for claim in self.store.claims(article_id, who):
                span = spans.get(claim.span)
                if span is None or span in have_claims:
                    continue
                self.store.add_claim(
                    span, annotator=self.curated, attribution=copied.get(claim.attribution or ""),
                    **_claim_attributes(claim),
                )  # fmt: skip
                have_claims.add(span)

    def _copy_relations(self, who: str, spans: dict[str, str | None], removed: set[str]) -> None:
        """Copy `who`'s relations whose head and child are curated (`spans`: theirs -> curated)."""
        article_id = self.article.id
        have = {
            (r.head, r.child, r.label)
            for r in self.store.relations(article_id, self.curated)
            if r.head not in removed and r.child not in removed
        }
        for relation in self.store.relations(article_id, who):
            head, child = spans.get(relation.head), spans.get(relation.child)
            if head is None or child is None or (head, child, relation.label) in have:
                continue
            self.store.add_relation(head, child, relation.label, annotator=self.curated)
            have.add((head, child, relation.label))


def _in(span: Span, unit: Unit) -> bool:
    return span.layer == unit.layer and span.start < unit.end and unit.start < span.end


def _units(spans: list[Span], annotators: Sequence[str]) -> list[Unit]:
    """Spans chained by overlap within a layer, in text order."""
    units = []
    for layer in sorted({s.layer for s in spans}):
        group: list[Span] = []
        end = -1
        for span in sorted((s for s in spans if s.layer == layer), key=lambda s: s.start):
            if group and span.start >= end:
                units.append(_unit(layer, group, annotators))
                group = []
            group.append(span)
            end = max(end, span.end) if len(group) > 1 else span.end
        if group:
            units.append(_unit(layer, group, annotators))
    return sorted(units, key=lambda u: (u.start, u.layer))


def _unit(layer: str, spans: list[Span], annotators: Sequence[str]) -> Unit:
    versions = tuple(
        tuple(sorted((s for s in spans if s.annotator == who), key=span_key)) for who in annotators
    )
    return Unit(layer, min(s.start for s in spans), max(s.end for s in spans), versions)


def _mapped_attribution(
    attribution: Attribution, spans: dict[str, str | None]
) -> Attribution | None:
    """`attribution` with its spans replaced by the curated ones, None unless all are curated."""
    roles = [attribution.source, attribution.cue, *attribution.content]
    if any(r is not None and spans.get(r) is None for r in roles):
        return None
    return Attribution(
        attribution.id, attribution.article_id,
        spans.get(attribution.source or ""), spans.get(attribution.cue or ""),
        tuple(spans[c] or "" for c in attribution.content), attribution.text_sha256, "",
    )  # fmt: skip


def _attribution_key(attribution: Attribution) -> tuple[object, ...]:
    return (attribution.source, attribution.cue, frozenset(attribution.content))


def _claim_attributes(claim: Claim) -> dict[str, object]:
    names = {f.name for f in fields(claim)}
    return {name: getattr(claim, name) for name in CLAIM_ATTRIBUTES if name in names}
