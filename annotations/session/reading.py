"""`ReadingSession`: one article open for one annotator, and what every reader key does.

The cursor and the selection are a `WordCursor` (`session.cursor`), which moves on its own; the
session adds what needs the entities or the store. Every change goes to the store at once; the
session keeps a copy of the article's spans for drawing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from annotations.attribution import (
    DEFAULT_SUGGESTION_THRESHOLD,
    Suggestion,
    shown,
    suggest_attributions,
)
from annotations.model import (
    CLAIM_ATTRIBUTION,
    DEFAULT_RELATION_LABELS,
    DEFAULT_VERDICTS,
    LAYER_OF,
    Attribution,
    Claim,
    EntityDecision,
    EntityScope,
    Relation,
    Span,
)
from annotations.session.annotation_attributes import (
    AttributesForm,
    attributes_form,
    save_attributes,
)
from annotations.session.article_find import ArticleFind
from annotations.session.deletion import Deletion, consequences
from annotations.session.entity_corrections import Correction, trimmed
from annotations.session.entity_marks import (
    EntityLike,
    Recogniser,
    apply_decision,
    decision_key,
    default_recogniser,
    rules_for,
    with_mentions,
)
from annotations.session.history_lines import HistoryLine, history_lines, where
from annotations.session.mark import Mark
from annotations.session.panel import PanelItem, panel_items
from annotations.session.proposal import AttributionSequence, Proposal
from annotations.session.relation_links import attribute_claim, link_choices, linked_ids
from annotations.session.suggestion_parts import Side, overlaps, resized
from annotations.session.suggestion_review import Part, SuggestionReview, focused_marks
from annotations.session.text_units import Range
from annotations.session.word_cursor import WordCursor
from annotations.store import Action, Cascade, Store


class ReadingSession:
    """An article, its spans in the store, and a `WordCursor` over its words."""

    def __init__(
        self,
        article: Any,
        store: Store,
        annotator: str,
        recogniser: Recogniser = default_recogniser,
    ) -> None:
        self.article = article
        self.text: str = article.text
        self.store = store
        self.annotator = annotator
        self.recogniser = recogniser
        self.cursor = WordCursor(self.text)
        self.finder = ArticleFind(self.text)
        #: Replaced, never changed in place: its marks are made again only when it is replaced.
        self.entities: list[EntityLike] = []
        self._entity_marks: tuple[object, list[Mark]] = (None, [])
        self.spans: list[Span] = []
        self.attributions: list[Attribution] = []
        self.relations: list[Relation] = []
        self.claims: list[Claim] = []
        self.sequence = AttributionSequence()
        self.proposal: Proposal | None = None
        self.link_head: Span | None = None
        #: The article's suggested attributions, once `set_suggestions` has been given them.
        self.review: SuggestionReview | None = None
        #: Whether suggestions are drawn and reviewed (hidden ones are left alone).
        self.show_suggestions = True
        #: Suggestions less confident than this are not offered (`attribution.shown`).
        self.suggestion_threshold = DEFAULT_SUGGESTION_THRESHOLD
        #: Whether `u` / redo reach actions made in other articles (default: this one only).
        self.undo_everywhere = False
        #: The verdicts a claim's form offers (the config's `verdicts`).
        self.verdicts: tuple[str, ...] = DEFAULT_VERDICTS
        #: The types a link can have (the config's `relation_labels`).
        self.relation_labels: tuple[str, ...] = DEFAULT_RELATION_LABELS
        #: Where `1`-`4` and `0` apply: this mention, this article or every article ("corpus").
        self.entity_scope: EntityScope = "corpus"
        #: The part the resize keys change: (suggestion key, index in its parts).
        self._part: tuple[str, int] | None = None
        self._reanchor()
        self.reload()

    # -- store ---------------------------------------------------------------------------

    def _reanchor(self) -> None:
        """Spans saved against another version of the text are moved to where it now has them."""
        if any(s.text_sha256 != self.article.sha256 for s in self.store.spans(self.article.id)):
            self.store.reanchor(self.article, annotator=self.annotator)

    def reload(self) -> None:
        """Read the article's spans and attributions again (after a change or an undo).

        Orphans (spans re-anchoring could not place) stay in the store but are not drawn.
        """
        spans = self.store.spans(self.article.id, self.annotator)
        self.spans = [span for span in spans if not span.orphan]
        self.attributions = self.store.attributions(self.article.id, self.annotator)
        self.relations = self.store.relations(self.article.id, self.annotator)
        self.claims = self.store.claims(self.article.id, self.annotator)
        ids = {span.id for span in self.spans}
        if self.proposal and not {self.proposal.source.id, self.proposal.cue.id} <= ids:
            self.proposal = None
        if self.proposal and self.proposal.content.id not in ids:
            self.proposal = None
        if self.link_head and self.link_head.id not in ids:
            self.link_head = None

    def status(self) -> str:
        return self.store.status(self.article.id, self.annotator)

    def mark_done(self) -> None:
        self.store.set_status(self.article.id, self.annotator, "done")

    @contextmanager
    def _work(self, label: str) -> Iterator[None]:
        """One undo step of work on the article; the first marks the article in progress (so
        the export carries it, with the entities as the analyst sees them)."""
        first = self.status() == "todo"
        with self.store.batch(self.annotator, label):
            yield
            if first:
                self.store.set_status(self.article.id, self.annotator, "in progress")

    # -- entities ------------------------------------------------------------------------

    def entity_decisions(self) -> list[EntityDecision]:
        """The annotator's decisions that apply in this article (read them on the thread that
        owns the store, then give them to `recognise_entities`)."""
        return self.store.entity_decisions(self.annotator, article_id=self.article.id)

    def recognise_entities(
        self, decisions: Sequence[EntityDecision] | None = None
    ) -> list[EntityLike]:
        """Run the recogniser with the analyst's decisions (slow: call it from a worker, with
        `decisions` read beforehand by the thread that owns the store)."""
        if decisions is None:
            decisions = self.entity_decisions()
        found = self.recogniser(self.text, rules_for(decisions))
        return with_mentions(found, self.text, decisions)

    def entity_at(self, index: int) -> EntityLike | None:
        return next((e for e in self.entities if e.start <= index < e.end), None)

    def decide_entity(self, label: str | None) -> Correction:
        """Always `label` (None: never an entity) for the name under the cursor, in the scope
        `entity_scope`: the selection (trimmed of quote marks and punctuation), else the
        entity, else the word. Nothing is saved when the name occurs nowhere in the article.

        Mentions already highlighted change at once; `recognise_entities` finds the others.
        """
        from annotations.entities import occurrences

        selection = self.cursor.selection()
        start, end = trimmed(self.text, *selection) if selection else self.cursor.word_range()
        entity = None if selection else self.entity_at(start)
        name_start, end = (entity.name_start, entity.end) if entity else (start, end)
        key = decision_key(self.text[name_start:end])
        places = occurrences(self.text, [key])[key]
        scope = self.entity_scope
        if scope == "mention":
            places = [o for o in places if o.start <= name_start < o.end and o.end == end][:1]
        self.cursor.clear_selection()
        if not places:
            return Correction(key, label, scope, 0)
        mention = (places[0].start, places[0].end) if scope == "mention" else None
        with self._work("entity decision"):
            decision = self.store.decide_entity(
                key,
                label,
                self.annotator,
                article_id=self.article.id,
                scope=scope,
                mention=mention,
            )
        if mention:
            self.entities = with_mentions(self.entities, self.text, [decision])
        else:
            self.entities = apply_decision(self.entities, self.text, key, label)
        return Correction(key, label, scope, len(places))

    def select_entity(self) -> bool:
        """`e`: select the entity under the cursor."""
        entity = self.entity_at(self.cursor.word_range()[0])
        return self.cursor.select(None if entity is None else (entity.start, entity.end))

    # -- tagging ---------------------------------------------------------------------------

    def target(self) -> Range:
        """What a tag applies to: the selection, else the entity under the cursor, else the word."""
        if (selection := self.cursor.selection()) is not None:
            return selection
        start, end = self.cursor.word_range()
        entity = self.entity_at(start)
        return (entity.start, entity.end) if entity else (start, end)

    def tag(self, label: str) -> Span:
        """Save `label` (SOURCE, CUE, CONTENT, CLAIM) on the target; may propose an attribution."""
        start, end = self.target()
        with self._work(f"tag {label}"):
            span = self.store.add_span(
                self.article, LAYER_OF[label], label, start, end, annotator=self.annotator
            )
            if label == "CLAIM":
                self.store.add_claim(span.id, annotator=self.annotator)
        self.cursor.clear_selection()
        self.reload()
        self.proposal = self.sequence.feed(span) or self.proposal
        return span

    def copy_target(self) -> Range:
        """What the copy keys copy: the selection, else the annotation under the cursor, else
        the word."""
        if (selection := self.cursor.selection()) is not None:
            return selection
        if (span := self.annotation_at_cursor()) is not None:
            return span.start, span.end
        return self.cursor.word_range()

    def annotation_at_cursor(self) -> Span | None:
        """The shortest of the annotator's spans under the cursor."""
        start, end = self.cursor.word_range()
        under = [s for s in self.spans if s.start < end and start < s.end]
        return min(under, key=lambda s: s.end - s.start, default=None)

    def deletion_at_cursor(self) -> Deletion | None:
        """`x`: the annotation under the cursor and what deleting it also does (None: there is
        none). Nothing is deleted yet: the display confirms the consequences, then `delete`."""
        span = self.annotation_at_cursor()
        if span is None:
            return None
        spans = {s.id: s for s in self.store.spans(self.article.id)}
        return Deletion(span, consequences(self.store.span_deletion(span.id), spans))

    def delete(self, span: Span) -> Cascade:
        """Delete `span` and what depends on it, in one undo step."""
        cascade = self.store.delete_span(span.id, annotator=self.annotator)
        self.sequence.forget(span.id)
        self.reload()
        return cascade

    def attributes_form(self, span: Span) -> AttributesForm:
        """`a`: the form of `span`'s label, with its saved values."""
        return attributes_form(self.store, span, self.verdicts)

    def set_attributes(self, span: Span, values: dict[str, Any]) -> None:
        """Save the attributes form (one undo step)."""
        save_attributes(self.store, span, values, self.annotator)
        self.reload()

    # -- links -----------------------------------------------------------------------------

    def accept_proposal(self) -> Attribution | None:
        """`Enter` on a proposal: save the attribution."""
        proposal, self.proposal = self.proposal, None
        if proposal is None:
            return None
        attribution = self.store.add_attribution(
            source=proposal.source.id,
            cue=proposal.cue.id,
            content=[proposal.content.id],
            annotator=self.annotator,
        )
        self.reload()
        return attribution

    def dismiss_proposal(self) -> None:
        self.proposal = None

    def proposal_overlaps(self) -> list[str]:
        """What the proposed CONTENT overlaps among its own CUE and SOURCE (to be flagged)."""
        if (proposal := self.proposal) is None:
            return []
        return overlaps(
            [(s.label, s.start, s.end) for s in (proposal.source, proposal.cue, proposal.content)]
        )

    def start_link(self) -> Span | None:
        """`r`: remember the annotation under the cursor as the head of a link."""
        self.link_head = self.annotation_at_cursor()
        return self.link_head

    def link_choices(self) -> tuple[str, ...]:
        """The types the link being made can have, to the annotation under the cursor (empty:
        no link is being made, or the cursor is on its head or on no annotation)."""
        head, child = self.link_head, self.annotation_at_cursor()
        if head is None or child is None or child.id == head.id:
            return ()
        return link_choices(head, child, self.attributions, self.relation_labels)

    def finish_link(self, label: str) -> Relation | Claim | None:
        """Link the remembered head to the annotation under the cursor with type `label`: a
        relation, or with `CLAIM_ATTRIBUTION` the claim's attribution (the claim returned).
        None when there is nothing to link."""
        head, child = self.link_head, self.annotation_at_cursor()
        if label not in self.link_choices() or head is None or child is None:
            return None
        self.link_head = None
        linked: Relation | Claim
        if label == CLAIM_ATTRIBUTION:
            linked = attribute_claim(self.store, head, child, self.attributions, self.annotator)
        else:
            linked = self.store.add_relation(head.id, child.id, label, annotator=self.annotator)
        self.reload()
        return linked

    def cancel_link(self) -> None:
        self.link_head = None

    # -- suggested attributions -------------------------------------------------------------

    def suggest(self) -> list[Suggestion]:
        """The article's suggested attributions, without entities so that their keys (which
        remember rejections) stay stable. A few ms per 1,000 words and no store access: call it
        from a worker, then give the result to `set_suggestions`. Those below
        `suggestion_threshold` are left out."""
        return shown(suggest_attributions(self.text), self.suggestion_threshold)

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.review = SuggestionReview(self.store, self.article, self.annotator, suggestions)

    def _shown_review(self) -> SuggestionReview | None:
        return self.review if self.show_suggestions else None

    def pending_suggestions(self) -> list[Suggestion]:
        """Suggestions shown and still to review, in reading order."""
        review = self._shown_review()
        return review.pending() if review else []

    def suggestion_at_cursor(self) -> Suggestion | None:
        """The pending suggestion under the cursor (the focused one), if shown."""
        review = self._shown_review()
        return review.at(*self.cursor.word_range()) if review else None

    def go_to_suggestion(self, step: int) -> Suggestion | None:
        """`Tab` (1) / `shift+Tab` (-1): the cursor to the cue of the next / previous pending
        suggestion, wrapping around; None (the cursor stays) when none is pending."""
        review = self._shown_review()
        if review is None:
            return None
        start, end = self.cursor.word_range()
        if step < 0 and self.cursor.position > 0:  # a colon cue right before this word is here
            start = self.cursor.words[self.cursor.position - 1].end
        found = review.next(end) if step > 0 else review.previous(start)
        if found is not None:
            self.cursor.go(self.cursor.word_from(found.cue.start))
        return found

    def accept_suggestion(self) -> Attribution | None:
        """`y`: save the suggestion under the cursor (its parts as resized) as SOURCE, CUE,
        CONTENT (origin suggested) and their attribution, in one undo step; the cursor goes to
        the next pending suggestion. None when there is none."""
        suggestion = self.suggestion_at_cursor()
        if suggestion is None or self.review is None:
            return None
        with self._work("accept suggestion"):
            attribution = self.review.accept(suggestion)
        self.reload()
        self._go_past(suggestion)
        return attribution

    def reject_suggestion(self) -> Suggestion | None:
        """`Backspace`: remember that the suggestion under the cursor is wrong (it is not shown
        again); the cursor goes to the next pending suggestion. None when there is none."""
        suggestion = self.suggestion_at_cursor()
        if suggestion is not None and self.review is not None:
            self.review.reject(suggestion)
            self._go_past(suggestion)
        return suggestion

    def _go_past(self, decided: Suggestion) -> None:
        """The cursor to the cue of the first pending suggestion after `decided` (wrapping
        round); it stays when none is left."""
        found = self.review.next(decided.cue.start) if self.review else None
        if found is not None:
            self.cursor.clear_selection()
            self.cursor.go(self.cursor.word_from(self._cue_start(found)))

    def _cue_start(self, suggestion: Suggestion) -> int:
        assert self.review is not None
        return next(p.start for p in self.review.parts_of(suggestion) if p.label == "CUE")

    def suggestion_status(self) -> str | None:
        """The suggestion under the cursor, said: `suggestion 3/15 · official role · 0.85`,
        then the part being resized, and a CONTENT that overlaps its own CUE or SOURCE."""
        suggestion = self.suggestion_at_cursor()
        if suggestion is None or self.review is None:
            return None
        pending = self.review.pending()
        kind = suggestion.source.type.replace("_", " ") if suggestion.source else "no source"
        said = [
            f"suggestion {pending.index(suggestion) + 1}/{len(pending)}",
            kind,
            f"{suggestion.confidence:.2f}",
        ]
        parts = self.review.parts_of(suggestion)
        if (chosen := self._chosen_part(suggestion)) is not None:
            said.append(f"resizing {parts[chosen].label}")
        if flagged := overlaps([p.place for p in parts]):
            said.append(f"CONTENT overlaps its {' and '.join(flagged)}")
        return " · ".join(said)

    # -- resizing a suggestion's parts -------------------------------------------------------

    def next_part(self) -> Part | None:
        """`o`: the next part (SOURCE, CUE, CONTENT) of the suggestion under the cursor becomes
        the one the resize keys change; None when no suggestion is there."""
        suggestion = self.suggestion_at_cursor()
        if suggestion is None or self.review is None:
            return None
        parts = self.review.parts_of(suggestion)
        chosen = self._chosen_part(suggestion)
        index = 0 if chosen is None else (chosen + 1) % len(parts)
        self._part = (suggestion.key, index)
        return parts[index]

    def resize_part(self, side: Side, delta: int) -> Part | None:
        """`>` `<` (end) and `+` `-` (start): the chosen part of the suggestion under the cursor
        (else its first) one word wider (`delta` 1) or narrower (-1); nothing is stored until it
        is accepted. None when there is no suggestion or the part cannot change so."""
        suggestion = self.suggestion_at_cursor()
        if suggestion is None or self.review is None:
            return None
        index = self._chosen_part(suggestion) or 0
        part = self.review.parts_of(suggestion)[index]
        span = resized(self.cursor.words, (part.start, part.end), side, delta)
        if span is None:
            return None
        self._part = (suggestion.key, index)
        changed = self.review.resize(suggestion, index, span)
        if self.suggestion_at_cursor() != suggestion:  # the cue moved from under the cursor
            self.cursor.go(self.cursor.word_from(self._cue_start(suggestion)))
        return changed

    def _chosen_part(self, suggestion: Suggestion) -> int | None:
        if self._part is not None and self._part[0] == suggestion.key:
            return self._part[1]
        return None

    # -- history ---------------------------------------------------------------------------

    def undo(self) -> Action | None:
        """`u`: undo the annotator's last action in this article (anywhere when
        `undo_everywhere`), also one made before a restart."""
        action = self.store.undo(self.annotator, article_id=self._history_scope())
        self.reload()
        return action

    def redo(self) -> Action | None:
        action = self.store.redo(self.annotator, article_id=self._history_scope())
        self.reload()
        return action

    def _history_scope(self) -> str | None:
        return None if self.undo_everywhere else self.article.id

    def history_message(self, verb: str, action: Action | None) -> str:
        """What `undo` / `redo` did, in words: `undid tag SOURCE «السيسي» in this article`."""
        if action is None:
            scope = "" if self.undo_everywhere else " in this article"
            return f"nothing to {verb}{scope}"
        about = f" «{action.about}»" if action.about else ""
        past = {"undo": "undid", "redo": "redid"}[verb]
        return f"{past} {action.label}{about} in {where(action, self.article.id)}"

    def history(self) -> list[HistoryLine]:
        """The history view: the annotator's latest actions, newest first, with where."""
        return history_lines(self.store, self.annotator, self.article.id)

    # -- find ------------------------------------------------------------------------------

    def find(self, query: str, start: int) -> Range | None:
        """Find `query` (`ArticleFind`); the cursor goes to the first hit at or after logical
        `start`. None, the cursor left alone, when nothing matches."""
        return self._go_to_hit(self.finder.search(query, start))

    def find_step(self, delta: int) -> Range | None:
        """The cursor to the next (1) or previous (-1) hit, wrapping round."""
        return self._go_to_hit(self.finder.step(delta))

    def end_find(self) -> None:
        """No more hits (the cursor stays where the last one put it)."""
        self.finder.clear()

    def _go_to_hit(self, hit: Range | None) -> Range | None:
        if hit is not None:
            self.cursor.clear_selection()
            self.cursor.go_to_index(hit[0])
        return hit

    # -- what the display shows ------------------------------------------------------------

    def marks(self, focused: bool = True) -> list[Mark]:
        """Entities, annotations, pending suggestions (the one under the cursor focused), then
        proposal, the other ends of the links of the annotation under the cursor, link head and
        find hits (later ones on top). With `focused` False, what depends on the cursor is left
        out: `focus_marks` gives it."""
        marks = list(self._marks_of_entities())
        marks += [Mark(s.start, s.end, s.label) for s in self.spans if s.layer != "entity"]
        if review := self._shown_review():
            marks += review.spans_for_display(self.suggestion_at_cursor() if focused else None)
        if proposal := self.proposal:
            parts = (proposal.source, proposal.cue, proposal.content)
            marks += [Mark(s.start, s.end, s.label, "proposed") for s in parts]
        if focused:
            marks += self._linked_marks()
        if head := self.link_head:
            marks.append(Mark(head.start, head.end, head.label, "linking"))
        marks += [Mark(start, end, "FIND", "hit") for start, end in self.finder.hits]
        return marks

    def _marks_of_entities(self) -> list[Mark]:
        """The entities as marks (thousands in a long article), made once per entity list."""
        made_from, marks = self._entity_marks
        if made_from is not self.entities:
            marks = [Mark(e.start, e.end, e.label) for e in self.entities]
            self._entity_marks = (self.entities, marks)
        return marks

    def focus_marks(self) -> list[Mark]:
        """The marks of the suggestion under the cursor, drawn focused, and of the other ends of
        the links of the annotation under it: the only marks a move of the cursor changes."""
        focused = self.suggestion_at_cursor()
        parts = self.review.parts_of(focused) if focused and self.review else None
        return (focused_marks(parts) if parts else []) + self._linked_marks()

    def _linked_marks(self) -> list[Mark]:
        return [Mark(s.start, s.end, s.label, "linked") for s in self.linked_to_cursor()]

    def counts(self) -> dict[str, int]:
        """Annotations per label, attributions and entities of this article."""
        counts = dict.fromkeys(("SOURCE", "CUE", "CONTENT", "CLAIM"), 0)
        for span in self.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
        counts["attributions"] = len(self.attributions)
        counts["entities"] = len(self.entities)
        return counts

    def linked_to_cursor(self) -> list[Span]:
        """The other ends of the links of the annotation under the cursor (relations, and
        between a CLAIM and the parts of its attribution)."""
        span = self.annotation_at_cursor()
        if span is None:
            return []
        by_id = {s.id: s for s in self.spans}
        ids = linked_ids(span.id, self.relations, self.attributions, self.claims)
        return [by_id[i] for i in ids if i in by_id]

    def panel_items(self) -> list[PanelItem]:
        """Claims (with their attribution's source), sources, attributions and relations, each
        where the cursor should jump."""
        return panel_items(self.spans, self.attributions, self.relations, self.claims)
