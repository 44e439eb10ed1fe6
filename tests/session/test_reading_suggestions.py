"""What the reader's review keys do in `ReadingSession`: Tab, accept, reject, marks, hiding."""

from __future__ import annotations

from annotations.session import ReadingSession
from annotations.store import Store

SUGGESTED = {"suggested", "focused"}


def cursor_word(session: ReadingSession) -> str:
    return session.text[slice(*session.cursor.word_range())]


def suggested_marks(session: ReadingSession) -> set[tuple[int, int, str, str]]:
    return {tuple(m) for m in session.marks() if m.state in SUGGESTED}


def test_nothing_is_suggested_until_the_suggestions_arrive(session: ReadingSession) -> None:
    assert session.review is None
    assert session.go_to_suggestion(1) is None and session.accept_suggestion() is None
    assert session.pending_suggestions() == [] and not suggested_marks(session)
    session.set_suggestions(session.suggest())
    assert [s.cue.text for s in session.pending_suggestions()] == ["قال", "أكد"]


def test_tab_goes_from_cue_to_cue_and_wraps(session: ReadingSession) -> None:
    session.set_suggestions(session.suggest())
    assert cursor_word(session) == "وقال" and session.suggestion_at_cursor().cue.text == "قال"
    said, stressed = session.pending_suggestions()
    assert session.go_to_suggestion(1) == stressed and cursor_word(session) == "وأكد"
    assert session.go_to_suggestion(1) == said and cursor_word(session) == "وقال"
    assert session.go_to_suggestion(-1) == stressed and cursor_word(session) == "وأكد"


def test_the_focused_suggestion_is_drawn_over_the_pending_ones(
    session: ReadingSession, go_to
) -> None:
    session.set_suggestions(session.suggest())
    go_to(session, "اليوم")  # in no suggestion: nothing focused
    pending = suggested_marks(session)
    assert {(label, state) for *_, label, state in pending} == {
        ("SOURCE", "suggested"),
        ("CUE", "suggested"),
        ("CONTENT", "suggested"),
    }
    go_to(session, "لماكرون")  # inside the second one's CONTENT
    focused = suggested_marks(session) - pending
    stressed = session.pending_suggestions()[1]
    assert focused == {
        (stressed.source.start, stressed.source.end, "SOURCE", "focused"),
        (stressed.cue.start, stressed.cue.end, "CUE", "focused"),
        (stressed.content[0].start, stressed.content[0].end, "CONTENT", "focused"),
    }


def test_accept_is_one_undo_step_and_starts_the_article(
    session: ReadingSession, store: Store
) -> None:
    session.set_suggestions(session.suggest())
    said = session.suggestion_at_cursor()
    attribution = session.accept_suggestion()
    assert attribution is not None and attribution.cue in {s.id for s in session.spans}
    assert {(s.label, s.origin) for s in session.spans} == {
        ("SOURCE", "suggested"),
        ("CUE", "suggested"),
        ("CONTENT", "suggested"),
    }
    assert session.counts()["attributions"] == 1 and session.status() == "in progress"
    assert said not in session.pending_suggestions()
    assert not {m for m in suggested_marks(session) if m[0] == said.cue.start}
    assert session.undo().label == "accept suggestion"
    assert session.spans == [] and session.attributions == [] and session.status() == "todo"
    assert said in session.pending_suggestions()


def test_reject_hides_the_suggestion_and_undo_brings_it_back(
    session: ReadingSession, store: Store
) -> None:
    session.set_suggestions(session.suggest())
    said = session.reject_suggestion()
    assert said is not None and store.rejected_suggestions("a1", "ana") == {said.key}
    (stressed,) = session.pending_suggestions()
    assert said != stressed and session.suggestion_at_cursor() == stressed  # the next one
    session.cursor.go(0)
    assert session.reject_suggestion() is None and session.accept_suggestion() is None
    session.undo()
    assert said in session.pending_suggestions()


def test_hidden_suggestions_are_neither_drawn_nor_reviewed(
    session: ReadingSession, store: Store
) -> None:
    session.set_suggestions(session.suggest())
    session.show_suggestions = False
    assert not suggested_marks(session) and session.pending_suggestions() == []
    assert session.suggestion_at_cursor() is None
    assert session.go_to_suggestion(1) is None and session.cursor.position == 0
    assert session.accept_suggestion() is None and session.reject_suggestion() is None
    assert store.spans("a1") == [] and store.rejected_suggestions("a1", "ana") == frozenset()


def test_suggestions_below_the_threshold_are_not_offered(session: ReadingSession) -> None:
    everything = session.suggest()
    session.suggestion_threshold = 1.01
    assert everything and session.suggest() == []
