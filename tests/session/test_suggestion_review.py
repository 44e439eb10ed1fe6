"""Reviewing suggested attributions on the seeds: accept, reject, undo, Tab order, nesting."""

from __future__ import annotations

import random

import pytest

from annotations.attribution import Suggestion
from annotations.corpus import Article, load_corpus
from annotations.session.reading import Mark
from annotations.session.suggestion_review import SuggestionReview, parts
from annotations.store import Store

ANNOTATOR = "ana"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return list(load_corpus())


@pytest.fixture
def seed(seeds: list[Article]) -> Article:
    """Seed 004: «قال المتحدث ...»; «وبحسب الوكالة، أكد راضي أن السيسي شدد على ...، مشيدا ...»."""
    return next(a for a in seeds if a.id.startswith("004_"))


@pytest.fixture
def review(store: Store, seed: Article) -> SuggestionReview:
    return SuggestionReview(store, seed, ANNOTATOR)


def find(review: SuggestionReview, cue: str, occurrence: int = 0) -> Suggestion:
    return [s for s in review.suggestions if s.cue.text == cue][occurrence]


def places(spans) -> set[tuple[str, int, int]]:
    return {(s.label, s.start, s.end) for s in spans}


def test_accept_saves_the_three_spans_and_their_attribution(
    review: SuggestionReview, store: Store, seed: Article
) -> None:
    said = find(review, "قال")
    assert said.source is not None and said.source.text.startswith("المتحدث الرسمي")
    attribution = review.accept(said)
    spans = store.spans(seed.id, ANNOTATOR)
    assert places(spans) == {
        ("SOURCE", said.source.start, said.source.end),
        ("CUE", said.cue.start, said.cue.end),
        ("CONTENT", said.content[0].start, said.content[0].end),
    }
    assert {(s.layer, s.origin, s.annotator) for s in spans} == {
        ("attribution", "suggested", ANNOTATOR)
    }
    by_label = {s.label: s for s in spans}
    assert by_label["SOURCE"].attrs == {"source_type": "named_person"}
    assert by_label["CUE"].attrs == {"cue_class": "statement"} and by_label["CUE"].text == "قال"
    assert store.attributions(seed.id, ANNOTATOR) == [attribution]
    assert (attribution.source, attribution.cue, attribution.content) == (
        by_label["SOURCE"].id,
        by_label["CUE"].id,
        (by_label["CONTENT"].id,),
    )
    assert attribution.nested_in is None
    assert said not in review.pending()
    assert review.accept(said) == attribution  # accepting again changes nothing
    assert len(store.spans(seed.id)) == 3


def test_undo_takes_an_acceptance_back_in_one_step(
    review: SuggestionReview, store: Store, seed: Article
) -> None:
    said = find(review, "قال")
    review.accept(said)
    action = store.undo(ANNOTATOR)
    assert action is not None and action.label == "accept suggestion"
    assert store.spans(seed.id) == [] and store.attributions(seed.id) == []
    assert said in review.pending()
    store.redo(ANNOTATOR)
    assert len(store.spans(seed.id)) == 3 and said not in review.pending()


def test_a_rejection_is_remembered_after_reopening_and_can_be_undone(
    review: SuggestionReview, store: Store, seed: Article
) -> None:
    said = find(review, "قال")
    rejection = review.reject(said)
    assert said not in review.pending() and rejection.key == said.key
    store.close()
    with Store.open(store.path) as reopened:
        again = SuggestionReview(reopened, seed, ANNOTATOR)
        assert said.key in {s.key for s in again.suggestions}
        assert said.key not in {s.key for s in again.pending()}
        assert said.key in {s.key for s in SuggestionReview(reopened, seed, "other").pending()}
        assert reopened.undo(ANNOTATOR).label == "reject suggestion"
        assert said.key in {s.key for s in again.pending()}


def test_pending_leaves_out_accepted_and_rejected_ones(review: SuggestionReview) -> None:
    everything = review.pending()
    assert [s.cue.start for s in everything] == sorted(s.cue.start for s in review.suggestions)
    accepted, rejected = everything[0], everything[5]
    review.accept(accepted)
    review.reject(rejected)
    assert review.pending() == [s for s in everything if s not in (accepted, rejected)]


def test_decided_lists_accepted_and_rejected_ones_in_order(review: SuggestionReview) -> None:
    everything = review.pending()
    assert review.decided() == []
    review.accept(everything[3])
    review.reject(everything[1])
    decided = review.decided()
    assert sorted(decided, key=lambda pair: pair[0].cue.start) == [
        (everything[1], False),
        (everything[3], True),
    ]


def test_an_attribution_tagged_by_hand_counts_as_accepted(
    review: SuggestionReview, store: Store, seed: Article
) -> None:
    said = find(review, "قال")
    ids = [
        store.add_span(seed, "attribution", p.label, p.start, p.end, annotator=ANNOTATOR).id
        for p in parts(said)
    ]
    assert said in review.pending()
    store.add_attribution(source=ids[0], cue=ids[1], content=ids[2:], annotator=ANNOTATOR)
    assert said not in review.pending()


def test_tab_and_shift_tab_follow_the_cues_and_wrap_around(review: SuggestionReview) -> None:
    cues = [s.cue.start for s in review.pending()]
    walked, offset = [], 0
    for _ in cues:
        found = review.next(offset)
        walked.append(found.cue.start)
        offset = found.cue.end
    assert walked == cues
    assert review.next(offset) == review.pending()[0]
    back = [review.previous(start).cue.start for start in reversed(cues)]
    assert back == [*reversed(cues[:-1]), cues[-1]]  # before the first: the last
    review.reject(review.pending()[1])
    assert review.next(cues[0] + 1).cue.start == cues[2]
    assert review.previous(cues[2]).cue.start == cues[0]


def test_navigation_finds_nothing_when_nothing_is_pending(review: SuggestionReview) -> None:
    for suggestion in review.pending():
        review.reject(suggestion)
    assert review.next(0) is None and review.previous(10**6) is None
    assert review.spans_for_display() == [] and review.at(0, 10**6) is None


def test_the_cursor_picks_the_cue_first_then_the_innermost_span(
    review: SuggestionReview,
) -> None:
    affirmed, stressed = find(review, "أكد"), find(review, "شدد")
    assert review.at(affirmed.cue.start, affirmed.cue.end) == affirmed
    inside = stressed.content[0].start
    assert review.at(inside, inside + 1) == stressed
    assert review.at(0, 1) is None


def test_nested_acceptance_links_to_the_outer_attribution(
    review: SuggestionReview, store: Store
) -> None:
    according, affirmed, stressed = find(review, "بحسب"), find(review, "أكد"), find(review, "شدد")
    assert review.suggestions[stressed.nested_in] == affirmed
    assert review.suggestions[affirmed.nested_in] == according
    outer = review.accept(affirmed)
    assert outer.nested_in is None  # بحسب is not accepted yet
    inner = review.accept(stressed)
    assert inner.nested_in == outer.id
    outermost = review.accept(according)  # accepted last: the one accepted before nests in it

    def nesting() -> dict[str, str | None]:
        return {a.id: a.nested_in for a in store.attributions(outer.article_id, ANNOTATOR)}

    assert nesting() == {outermost.id: None, outer.id: outermost.id, inner.id: outer.id}
    store.undo(ANNOTATOR)
    assert nesting() == {outer.id: None, inner.id: outer.id}


def test_an_inherited_source_reuses_the_accepted_source_span(
    review: SuggestionReview, store: Store, seed: Article
) -> None:
    stressed, praising = find(review, "شدد"), find(review, "مشيدا")
    assert praising.source.inherited and praising.source.start == stressed.source.start
    first, second = review.accept(stressed), review.accept(praising)
    assert first.source == second.source
    assert [s.label for s in store.spans(seed.id)].count("SOURCE") == 1


@pytest.mark.parametrize("order", ["text", "reversed", "shuffled"])
def test_accepting_every_seed_suggestion_in_any_order_rebuilds_the_nesting(
    store: Store, seeds: list[Article], order: str
) -> None:
    for article in seeds:
        review = SuggestionReview(store, article, ANNOTATOR)
        todo = list(review.suggestions)
        if order == "reversed":
            todo.reverse()
        elif order == "shuffled":
            random.Random(article.id).shuffle(todo)
        made = {s.key: review.accept(s) for s in todo}
        assert review.pending() == [] and review.spans_for_display() == []
        saved = {a.id: a for a in store.attributions(article.id, ANNOTATOR)}
        assert len(saved) == len(review.suggestions)
        for suggestion in review.suggestions:
            outer = suggestion.nested_in
            expected = None if outer is None else made[review.suggestions[outer].key].id
            assert saved[made[suggestion.key].id].nested_in == expected
        wanted = {p.place for s in review.suggestions for p in parts(s)}
        assert places(store.spans(article.id, ANNOTATOR)) == wanted


def test_display_marks_pending_spans_by_label_and_the_focused_suggestion(
    review: SuggestionReview,
) -> None:
    stressed, praising = find(review, "شدد"), find(review, "مشيدا")
    marks = review.spans_for_display(focused=praising)
    source = stressed.source
    assert Mark(source.start, source.end, "SOURCE", "suggested") in marks
    assert Mark(stressed.cue.start, stressed.cue.end, "CUE", "suggested") in marks
    content = stressed.content[0]
    assert Mark(content.start, content.end, "CONTENT", "suggested") in marks
    layers = ["CONTENT", "SOURCE", "CUE", "focused"]
    kinds = [m.label if m.state == "suggested" else m.state for m in marks]
    assert kinds == sorted(kinds, key=layers.index)  # drawn in this order, later on top
    assert [m for m in marks if m.state == "focused"] == [
        Mark(p.start, p.end, p.label, "focused") for p in parts(praising)
    ]
    review.accept(stressed)
    after = review.spans_for_display()
    assert Mark(source.start, source.end, "SOURCE", "suggested") not in after  # already saved
    praised = praising.cue
    assert Mark(praised.start, praised.end, "CUE", "suggested") in after
