"""Reviewing suggested attributions: which are pending, Tab order, accept, reject, what to draw.

The review holds only the article's suggestions; everything else is read from the store each time,
so undo, redo and other processes show at once. A suggestion is *accepted* when one of the
annotator's attributions links attribution-layer spans at all of its offsets (SOURCE, CUE and every
CONTENT, as resized) or a span saved from it resized, *rejected* when its key is among
`Store.rejected_suggestions`, and *pending* otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from annotations.attribution import Suggestion, suggest_attributions
from annotations.model import Attribution, Rejection, TextSource
from annotations.session.mark import Mark
from annotations.store import Store

#: Drawing order (later on top): contents, then sources, then cues, so nested ones stay visible.
DRAW_ORDER = ("CONTENT", "SOURCE", "CUE")

Place = tuple[str, int, int]
#: The attribute of a span saved from a resized suggestion: the suggestion's key.
RESIZED = "suggestion"


class Part(NamedTuple):
    """One span a suggestion stands for, and the attrs it gets when accepted."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]

    @property
    def place(self) -> Place:
        return self.label, self.start, self.end


def parts(suggestion: Suggestion) -> list[Part]:
    """The SOURCE (if any), CUE and CONTENT spans of a suggestion, in that order."""
    source, cue = suggestion.source, suggestion.cue
    found = []
    if source is not None:
        found.append(Part("SOURCE", source.start, source.end, {"source_type": source.type}))
    found.append(Part("CUE", cue.start, cue.end, {"cue_class": cue.cls}))
    found += [Part("CONTENT", span.start, span.end, {}) for span in suggestion.content]
    return found


def focused_marks(found: Sequence[Part]) -> list[Mark]:
    """Every part of a suggestion (`SuggestionReview.parts_of`), drawn focused (the one under
    the cursor)."""
    return [Mark(p.start, p.end, p.label, "focused") for p in found]


class SuggestionReview:
    """The suggested attributions of one article for one annotator, reviewed one key at a time.

    `suggestions` default to `suggest_attributions(article.text)`. Rejections are remembered by
    the suggestions' keys, which hash their offsets: compute the suggestions the same way every
    time (passing entities makes the keys depend on them).
    """

    def __init__(
        self,
        store: Store,
        article: TextSource,
        annotator: str,
        suggestions: Sequence[Suggestion] | None = None,
    ) -> None:
        self.store = store
        self.article = article
        self.annotator = annotator
        self.suggestions: list[Suggestion] = list(
            suggest_attributions(article.text) if suggestions is None else suggestions
        )
        self._index = {s.key: i for i, s in enumerate(self.suggestions)}
        self._parts = [parts(s) for s in self.suggestions]
        self._wanted = [frozenset(p.place for p in found) for found in self._parts]
        self._pending: list[int] | None = None
        self._spans: dict[Place, str] | None = None
        self._revision: tuple[int, int] | None = None

    # -- what is left to review ------------------------------------------------------------

    def pending(self) -> list[Suggestion]:
        """Suggestions neither accepted nor rejected, in reading order (by cue)."""
        return [self.suggestions[i] for i in self._pending_positions()]

    def next(self, after: int) -> Suggestion | None:
        """`Tab`: the first pending suggestion whose cue starts at `after` or later (give the end
        of the cursor word), else the first one; None when nothing is pending."""
        pending = self.pending()
        return next((s for s in pending if s.cue.start >= after), pending[0] if pending else None)

    def previous(self, before: int) -> Suggestion | None:
        """`shift+Tab`: the last pending suggestion whose cue starts before `before` (give the
        start of the cursor word), else the last one; None when nothing is pending."""
        pending = self.pending()
        earlier = [s for s in pending if s.cue.start < before]
        return (earlier or pending or [None])[-1]

    def at(self, start: int, end: int) -> Suggestion | None:
        """The pending suggestion under the cursor `[start, end)`: the one whose cue it touches,
        else the one with the shortest span it touches (the innermost); None if there is none."""
        touched = [
            (part.label != "CUE", part.end - part.start, i)
            for i in self._pending_positions()
            for part in self._parts[i]
            if part.start < end and start < part.end
        ]
        return self.suggestions[min(touched)[2]] if touched else None

    # -- decisions -------------------------------------------------------------------------

    def accept(self, suggestion: Suggestion) -> Attribution:
        """Save the suggestion as SOURCE, CUE and CONTENT spans (origin "suggested"; a span
        already at the same place is reused) and an attribution, as one undo step.

        `nested_in` points to the outer suggestion's attribution when that one is accepted, and
        accepted inner suggestions not yet nested are nested in this one.
        """
        index = self._position(suggestion)
        accepted = self._accepted()
        if index in accepted:
            return accepted[index]
        outer = accepted.get(suggestion.nested_in) if suggestion.nested_in is not None else None
        inner = [
            attribution
            for i, attribution in accepted.items()
            if self.suggestions[i].nested_in == index and attribution.nested_in is None
        ]
        existing = self._span_ids()
        with self.store.batch(self.annotator, "accept suggestion"):
            saved = [(p.label, existing.get(p.place) or self._add(p)) for p in self._parts[index]]
            attribution = self.store.add_attribution(
                source=next((i for label, i in saved if label == "SOURCE"), None),
                cue=next(i for label, i in saved if label == "CUE"),
                content=[i for label, i in saved if label == "CONTENT"],
                annotator=self.annotator,
                nested_in=outer.id if outer else None,
            )
            for attribution_inside in inner:
                self.store.update_attribution(
                    attribution_inside.id, annotator=self.annotator, nested_in=attribution.id
                )
        return attribution

    def reject(self, suggestion: Suggestion) -> Rejection:
        """Remember the rejection (one undo step); the suggestion is not shown again."""
        self._position(suggestion)
        return self.store.reject_suggestion(
            self.article.id, suggestion.key, annotator=self.annotator
        )

    def decided(self) -> list[tuple[Suggestion, bool]]:
        """The suggestions the annotator decided on, in order, each with True when accepted and
        False when rejected: what the analyst teaches the confidence calibration."""
        accepted = self._accepted()
        rejected = self.store.rejected_suggestions(self.article.id, self.annotator)
        return [
            (s, i in accepted)
            for i, s in enumerate(self.suggestions)
            if i in accepted or s.key in rejected
        ]

    # -- what the reader draws -------------------------------------------------------------

    def spans_for_display(self, focused: Suggestion | None = None) -> list[Mark]:
        """Marks of the pending suggestions' spans not yet in the store (contents, then sources,
        then cues; state "suggested"), then every span of `focused`, if given (state "focused")."""
        existing = self._span_ids()
        new = [
            p for i in self._pending_positions() for p in self._parts[i] if p.place not in existing
        ]
        marks = [
            Mark(p.start, p.end, p.label, "suggested")
            for label in DRAW_ORDER
            for p in new
            if p.label == label
        ]
        if focused is not None:
            marks += focused_marks(self.parts_of(focused))
        return marks

    # -- resizing before accepting ---------------------------------------------------------

    def parts_of(self, suggestion: Suggestion) -> list[Part]:
        """The suggestion's SOURCE (if any), CUE and CONTENT parts as they are now (resized
        ones included): what `accept` saves."""
        return list(self._parts[self._position(suggestion)])

    def resize(self, suggestion: Suggestion, part: int, span: tuple[int, int]) -> Part:
        """Give part number `part` of the suggestion (in `parts_of` order) the range `span`
        (for this review only: nothing is stored until it is accepted)."""
        index = self._position(suggestion)
        found = self._parts[index]
        found[part] = found[part]._replace(start=span[0], end=span[1])
        # A resized part's span remembers the suggestion, which it no longer matches by place.
        found[:] = [p._replace(attrs={**p.attrs, RESIZED: suggestion.key}) for p in found]
        self._wanted[index] = frozenset(p.place for p in found)
        self._pending = None
        return found[part]

    # -- internals -------------------------------------------------------------------------

    def _position(self, suggestion: Suggestion) -> int:
        if suggestion.key not in self._index:
            raise ValueError(f"suggestion {suggestion.key} is not one of this article's")
        return self._index[suggestion.key]

    def _pending_positions(self) -> list[int]:
        """Positions of the suggestions neither accepted nor rejected, in cue order (read from
        the store again only when it has changed)."""
        self._forget_if_changed()
        if self._pending is None:
            self._pending = self._read_pending()
        return self._pending

    def _forget_if_changed(self) -> None:
        revision = self.store.revision()
        if revision != self._revision:
            self._revision, self._pending, self._spans = revision, None, None

    def _read_pending(self) -> list[int]:
        rejected = self.store.rejected_suggestions(self.article.id, self.annotator)
        accepted = self._accepted()
        return sorted(
            (
                i
                for i, s in enumerate(self.suggestions)
                if i not in accepted and s.key not in rejected
            ),
            key=lambda i: self.suggestions[i].cue.start,
        )

    def _span_ids(self) -> dict[Place, str]:
        """The annotator's attribution-layer spans by place (read again only after a change)."""
        self._forget_if_changed()
        if self._spans is None:
            spans = self.store.spans(self.article.id, self.annotator, layer="attribution")
            self._spans = {(s.label, s.start, s.end): s.id for s in spans}
        return self._spans

    def _accepted(self) -> dict[int, Attribution]:
        """Accepted suggestions (by position) and the attribution that accepts each."""
        spans = self.store.spans(self.article.id, self.annotator, layer="attribution")
        place_of = {s.id: (s.label, s.start, s.end) for s in spans}
        resized_from = {s.id: s.attrs[RESIZED] for s in spans if RESIZED in s.attrs}
        # Attributions by each place they link, so each suggestion only checks those at its cue.
        linking: dict[Place | None, list[tuple[Attribution, set[Place | None]]]] = {}
        by_key: dict[str, Attribution] = {}
        for a in self.store.attributions(self.article.id, self.annotator):
            places = {place_of.get(i) for i in (a.source, a.cue, *a.content)}
            for place in places:
                linking.setdefault(place, []).append((a, places))
            by_key |= {
                resized_from[i]: a for i in (a.source, a.cue, *a.content) if i in resized_from
            }
        accepted = {}
        for index in range(len(self.suggestions)):
            cue = next(p.place for p in self._parts[index] if p.label == "CUE")
            wanted = self._wanted[index]
            match = next((a for a, places in linking.get(cue, ()) if wanted <= places), None)
            match = match or by_key.get(self.suggestions[index].key)
            if match is not None:
                accepted[index] = match
        return accepted

    def _add(self, part: Part) -> str:
        span = self.store.add_span(
            self.article,
            "attribution",
            part.label,
            part.start,
            part.end,
            annotator=self.annotator,
            origin="suggested",
            attrs=part.attrs,
        )
        return span.id
