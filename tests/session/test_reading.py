"""What each reader key does to the store, through `ReadingSession` alone (no display)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.corpus import Article
from annotations.session import ReadingSession
from annotations.store import Store


def labels(store: Store) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in store.spans("a1", "ana")]


def test_cursor_starts_on_the_first_word_and_moves_by_words(session: ReadingSession, text) -> None:
    assert session.cursor.word_range() == (0, len("وقال"))
    session.cursor.move(1)
    assert text[slice(*session.cursor.word_range())] == "المتحدث"
    session.cursor.move(-5)
    assert session.cursor.position == 0
    session.cursor.go(10_000)
    assert session.cursor.position == len(session.cursor.words) - 1


def test_sentence_keys_jump_to_sentence_starts(session: ReadingSession, text) -> None:
    session.cursor.sentence(1)
    assert text[slice(*session.cursor.word_range())] == "وأكد"
    session.cursor.move(2)
    session.cursor.sentence(-1)
    assert text[slice(*session.cursor.word_range())] == "وأكد"
    session.cursor.sentence(-1)
    assert session.cursor.position == 0


def test_tag_word_then_entity_then_selection(session: ReadingSession, store: Store, go_to) -> None:
    session.tag("CUE")
    go_to(session, "راضي")
    session.tag("SOURCE")
    go_to(session, "مصر")
    session.cursor.move(2, extend=True)
    session.tag("CONTENT")
    assert labels(store) == [
        ("CUE", "وقال"),
        ("SOURCE", "راضي"),
        ("CONTENT", "مصر تساند الجيش"),
    ]
    assert store.status("a1", "ana") == "in progress"
    assert session.cursor.selection() is None


def test_entity_under_cursor_is_the_target_with_its_clitic(
    session: ReadingSession, go_to, text
) -> None:
    go_to(session, "لماكرون")
    assert text[slice(*session.target())] == "لماكرون"
    assert session.select_entity()
    assert text[slice(*session.cursor.selection())] == "لماكرون"


def test_v_starts_and_ends_a_selection(session: ReadingSession, text) -> None:
    session.cursor.toggle_mark()
    session.cursor.move(2)
    session.cursor.toggle_mark()
    session.cursor.move(3)
    assert text[slice(*session.cursor.selection())] == "وقال المتحدث باسم"
    session.cursor.clear_selection()
    assert session.cursor.selection() is None


def test_quotation_key_selects_the_quote_or_the_clause(
    session: ReadingSession, go_to, text
) -> None:
    go_to(session, "تساند")
    assert session.cursor.select_quotation()
    assert text[slice(*session.cursor.selection())] == "مصر تساند الجيش الليبي"
    go_to(session, "حسبما")
    session.cursor.select_quotation()
    assert text[slice(*session.cursor.selection())] == "حسبما أعلن."[:-1]


def test_claim_key_saves_a_claim_record(session: ReadingSession, store: Store, go_to) -> None:
    go_to(session, "مصر")
    span = session.tag("CLAIM")
    assert [c.span for c in store.claims("a1", "ana")] == [span.id]


def test_source_cue_content_propose_an_attribution(
    session: ReadingSession, store: Store, go_to
) -> None:
    go_to(session, "راضي")
    source = session.tag("SOURCE")
    go_to(session, "وقال")
    cue = session.tag("CUE")
    assert session.proposal is None
    go_to(session, "مصر")
    content = session.tag("CONTENT")
    assert session.proposal is not None
    attribution = session.accept_proposal()
    assert attribution is not None
    saved = store.attributions("a1", "ana")
    assert [(a.source, a.cue, a.content) for a in saved] == [(source.id, cue.id, (content.id,))]
    assert session.proposal is None


def test_out_of_order_tags_propose_nothing(session: ReadingSession) -> None:
    session.tag("CUE")
    session.cursor.move(1)
    session.tag("CONTENT")
    assert session.proposal is None


def test_delete_undo_redo(session: ReadingSession, store: Store) -> None:
    span = session.tag("SOURCE")
    assert session.deletion_at_cursor().span == span
    session.delete(span)
    assert labels(store) == []
    assert session.deletion_at_cursor() is None
    session.undo()
    assert labels(store) == [("SOURCE", "وقال")]
    session.redo()
    assert labels(store) == []


def test_link_two_annotations(session: ReadingSession, store: Store, go_to) -> None:
    head = session.tag("SOURCE")
    go_to(session, "مصر")
    child = session.tag("CLAIM")
    go_to(session, "وقال")
    assert session.start_link() == head
    go_to(session, "مصر")
    assert session.link_choices() == session.relation_labels
    relation = session.finish_link("contradicts")
    assert relation is not None
    saved = [(r.head, r.child, r.label) for r in store.relations("a1", "ana")]
    assert saved == [(head.id, child.id, "contradicts")]


def test_entity_decision_relabels_every_mention(
    session: ReadingSession, store: Store, go_to
) -> None:
    go_to(session, "راضي", 1)
    correction = session.decide_entity("ORG")
    assert correction == ("راضي", "ORG", "corpus", 2)
    assert [e.label for e in session.entities if "راضي" in e.text] == ["ORG", "ORG"]
    assert [(d.key, d.label) for d in store.entity_decisions("ana")] == [("راضي", "ORG")]
    session.entities = session.recognise_entities()
    assert {e.label for e in session.entities if "راضي" in e.text} == {"ORG"}


def test_a_decision_marks_the_article_in_progress_in_the_same_undo_step(
    session: ReadingSession, store: Store, go_to
) -> None:
    """So the export carries the article (its entities as the analyst sees them)."""
    go_to(session, "راضي", 1)
    session.decide_entity("ORG")
    assert store.status("a1", "ana") == "in progress"
    assert [r.annotator for r in store.records()] == ["ana"]
    session.undo()
    assert store.status("a1", "ana") == "todo" and store.entity_decisions("ana") == []


def test_not_an_entity_removes_every_mention_keyed_without_clitic(
    session: ReadingSession, store: Store, go_to
) -> None:
    go_to(session, "لماكرون")
    assert session.decide_entity(None).key == "ماكرون"
    assert not [e for e in session.entities if "ماكرون" in e.text]
    session.entities = session.recognise_entities()
    assert not [e for e in session.entities if "ماكرون" in e.text]


def test_marks_put_annotations_over_entities(session: ReadingSession, go_to, text) -> None:
    go_to(session, "راضي")
    session.tag("SOURCE")
    kinds = [m.label for m in session.marks() if text[m.start : m.end] == "راضي"]
    assert kinds[-1] == "SOURCE" and "PER" in kinds
    assert session.counts()["SOURCE"] == 1
    assert [item.kind for item in session.panel_items()] == ["SOURCE"]


@given(
    st.text(alphabet="اب ت،.“”\n", min_size=1, max_size=30),
    st.lists(st.sampled_from(["w", "b", "W", "B", "v", "e", ")", "]", "[", "esc"]), max_size=12),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_key_sequence_keeps_cursor_and_target_inside_the_text(store, text, keys) -> None:
    """Whatever the keys, the cursor is a word, and a tag's target a non-empty range in the text."""
    session = ReadingSession(Article(id="h", text=text, title=""), store, "ana", lambda *_: [])
    actions = {
        "w": lambda: session.cursor.move(1),
        "b": lambda: session.cursor.move(-1),
        "W": lambda: session.cursor.move(1, extend=True),
        "B": lambda: session.cursor.move(-1, extend=True),
        "v": session.cursor.toggle_mark,
        "e": session.select_entity,
        ")": session.cursor.select_quotation,
        "]": lambda: session.cursor.sentence(1),
        "[": lambda: session.cursor.sentence(-1),
        "esc": session.cursor.clear_selection,
    }
    for key in keys:
        actions[key]()
        assert 0 <= session.cursor.position < len(session.cursor.words)
        start, end = session.target()
        assert 0 <= start <= end <= len(text)



def test_opening_an_edited_article_re_anchors_its_spans(store: Store) -> None:
    """Spans saved against an older text move to the new text; spans that are gone are not drawn."""
    from annotations.corpus import Article
    from annotations.session import ReadingSession

    old = Article(id="a1", text="قال راضي إن الوفد وصل. ثم غادر الوفد القاهرة.")
    source = store.add_span(old, "attribution", "SOURCE", 4, 8, annotator="ana")
    lost = store.add_span(old, "attribution", "CONTENT", 23, 44, annotator="ana")
    new = Article(id="a1", text="وقال المتحدث راضي إن الوفد وصل صباحا.")

    session = ReadingSession(new, store, "ana", recogniser=lambda text, decisions: [])

    moved = store.span(source.id)
    assert new.text[moved.start : moved.end] == "راضي" and moved.text_sha256 == new.sha256
    assert store.span(lost.id).orphan
    assert [span.id for span in session.spans] == [source.id]
