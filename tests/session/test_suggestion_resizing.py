"""Reviewing suggestions one after another: after `y` or `Backspace` the cursor is on the next
pending one; the status says which of how many, its source type and confidence; a part is
resized by whole words before it is accepted (and stays accepted after a restart); a CONTENT
over its own CUE or SOURCE is flagged."""

from __future__ import annotations

from pathlib import Path

from annotations.arabic import tokenize
from annotations.session import ReadingSession
from annotations.session.suggestion_parts import overlaps, resized
from annotations.store import Store


def word(session: ReadingSession) -> str:
    return session.text[slice(*session.cursor.word_range())]


def test_accept_and_reject_move_to_the_next_pending(session: ReadingSession, store: Store) -> None:
    session.set_suggestions(session.suggest())
    assert word(session) == "وقال"
    session.accept_suggestion()
    assert word(session) == "وأكد"  # the next one
    session.undo()  # both pending again, the cursor on the second
    session.reject_suggestion()
    assert word(session) == "وقال"  # wraps round to the first still pending
    session.reject_suggestion()
    assert word(session) == "وقال" and session.pending_suggestions() == []  # none left: stays
    assert len(store.rejected_suggestions("a1", "ana")) == 2


def test_the_status_says_which_of_how_many_type_and_confidence(session: ReadingSession) -> None:
    assert session.suggestion_status() is None  # not computed yet
    session.set_suggestions(session.suggest())
    said, _ = session.pending_suggestions()
    assert session.suggestion_status() == f"suggestion 1/2 · named person · {said.confidence:.2f}"
    session.go_to_suggestion(1)
    assert session.suggestion_status().startswith("suggestion 2/2 · named person · ")


def test_a_part_resized_then_accepted(tmp_path: Path, reading, text: str) -> None:
    path = tmp_path / "db.json"
    with Store.open(path) as store:
        session = reading(store, "a1")
        session.set_suggestions(session.suggest())
        source = session.next_part()  # the first part: the SOURCE
        assert source.label == "SOURCE" and "resizing SOURCE" in session.suggestion_status()
        for _ in range(3):  # المتحدث باسم الرئاسة بسام راضي -> بسام راضي
            session.resize_part("start", -1)
        narrowed = session.resize_part("start", -1)
        assert text[narrowed.start : narrowed.end] == "راضي"
        assert session.resize_part("start", -1) is None  # one word left
        session.resize_part("start", 1)
        assert session.next_part().label == "CUE" and session.next_part().label == "CONTENT"
        session.resize_part("end", 1)  # one more word: اليوم
        session.accept_suggestion()
        saved = {(s.label, s.text) for s in store.spans("a1", "ana")}
        assert saved == {
            ("SOURCE", "بسام راضي"),
            ("CUE", "قال"),
            ("CONTENT", "مصر تساند الجيش الليبي” اليوم"),
        }
        (attribution,) = store.attributions("a1", "ana")
        assert attribution.source and attribution.content
    with Store.open(path) as store:  # a restart: the resized suggestion is still accepted
        session = reading(store, "a1")
        session.set_suggestions(session.suggest())
        assert [s.cue.text for s in session.pending_suggestions()] == ["أكد"]


def test_a_content_over_its_own_cue_or_source_is_flagged(session: ReadingSession, go_to) -> None:
    session.set_suggestions(session.suggest())
    session.next_part()
    session.next_part()
    session.next_part()  # the CONTENT
    session.resize_part("start", 1)  # إن: still clear of its source
    assert "overlaps" not in session.suggestion_status()
    session.resize_part("start", 1)  # راضي, the end of its source
    assert session.suggestion_status().endswith("CONTENT overlaps its SOURCE")
    for _ in range(5):  # back to وقال, its cue
        session.resize_part("start", 1)
    assert session.suggestion_status().endswith("CONTENT overlaps its CUE and SOURCE")
    assert overlaps([("SOURCE", 0, 5), ("CUE", 6, 9), ("CONTENT", 3, 20)]) == ["CUE", "SOURCE"]
    assert overlaps([("SOURCE", 0, 5), ("CUE", 6, 9), ("CONTENT", 10, 20)]) == []
    go_to(session, "المتحدث")
    session.tag("SOURCE")
    go_to(session, "وقال")
    session.tag("CUE")
    session.cursor.select((0, len(session.text)))  # a whole sentence: its cue and source too
    session.tag("CONTENT")
    assert session.proposal_overlaps() == ["CUE", "SOURCE"]


def test_resized_snaps_to_whole_words() -> None:
    words = tokenize("قال بسام راضي إن مصر")
    assert resized(words, (4, 13), "end", 1) == (4, 16)
    assert resized(words, (4, 13), "start", 1) == (0, 13)
    assert resized(words, (4, 8), "end", -1) is None
    assert resized(words, (0, 3), "start", 1) is None  # the text's edge
