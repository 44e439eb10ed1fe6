"""Typed links, a claim's attribution, the other end of a link highlighted, and `x` saying
what else goes before it deletes an annotation others use."""

from __future__ import annotations

from annotations.model import CLAIM_ATTRIBUTION
from annotations.session import ReadingSession
from annotations.store import Store


def attributed_claim(session: ReadingSession, go_to):
    """SOURCE راضي, CUE وقال, CONTENT مصر as an attribution, and a CLAIM on تساند."""
    go_to(session, "راضي")
    source = session.tag("SOURCE")
    go_to(session, "وقال")
    cue = session.tag("CUE")
    go_to(session, "مصر")
    content = session.tag("CONTENT")
    attribution = session.accept_proposal()
    assert attribution is not None
    go_to(session, "تساند")
    claim = session.tag("CLAIM")
    return cue, source, content, attribution, claim


def test_linking_a_claim_to_an_attribution_fills_the_claims_attribution(
    session: ReadingSession, store: Store, go_to
) -> None:
    cue, source, content, attribution, claim = attributed_claim(session, go_to)
    session.start_link()
    go_to(session, "وقال")
    assert session.link_choices() == (CLAIM_ATTRIBUTION, *session.relation_labels)
    linked = session.finish_link(CLAIM_ATTRIBUTION)
    assert store.claims("a1", "ana")[0].attribution == attribution.id == linked.attribution
    assert store.relations("a1", "ana") == []  # the claim record holds the link
    assert {s.id for s in session.linked_to_cursor()} == {claim.id}  # cursor on the CUE
    go_to(session, "تساند")
    assert {s.id for s in session.linked_to_cursor()} == {cue.id, source.id, content.id}
    linked_marks = {(m.start, m.end) for m in session.marks() if m.state == "linked"}
    assert linked_marks == {(s.start, s.end) for s in (cue, source, content)}
    (claim_line,) = [item for item in session.panel_items() if item.kind == "CLAIM"]
    assert claim_line.text == "تساند ← راضي"


def test_a_relation_is_typed_shown_in_the_panel_and_its_other_end_highlighted(
    session: ReadingSession, store: Store, go_to
) -> None:
    child = session.tag("CUE")
    go_to(session, "راضي", 1)
    head = session.tag("SOURCE")
    assert session.link_choices() == ()  # no link is being made
    session.start_link()
    assert session.finish_link("supports") is None  # the cursor is on the head itself
    go_to(session, "وقال")
    assert session.finish_link("no such type") is None
    assert session.link_choices() == session.relation_labels  # no claim: only relations
    relation = session.finish_link("same_as")
    assert (relation.head, relation.child, relation.label) == (head.id, child.id, "same_as")
    assert [s.id for s in session.linked_to_cursor()] == [head.id]  # the cursor is on the child
    assert ("same_as", head.start, head.end, "راضي ← وقال") in session.panel_items()


def test_deleting_what_others_use_says_what_goes_then_does_it_in_one_step(
    session: ReadingSession, store: Store, go_to
) -> None:
    cue, source, content, attribution, claim = attributed_claim(session, go_to)
    deletion = session.deletion_at_cursor()
    assert deletion.span == claim and deletion.consequences == ()  # an empty claim record
    session.start_link()
    go_to(session, "وقال")
    session.finish_link(CLAIM_ATTRIBUTION)
    go_to(session, "راضي")
    (line,) = session.deletion_at_cursor().consequences
    assert (line.what, line.text) == ("its attribution loses its SOURCE and keeps:", "وقال | مصر")
    session.delete(source)
    go_to(session, "مصر")
    session.delete(content)
    go_to(session, "وقال")
    lines = [(c.what, c.text) for c in session.deletion_at_cursor().consequences]
    assert lines == [
        ("its attribution goes (nothing else is left in it):", "وقال"),
        ("this claim loses its attribution:", "تساند"),
    ]
    session.delete(cue)
    assert store.attributions("a1", "ana") == []
    assert store.claims("a1", "ana")[0].attribution is None
    session.undo()
    assert store.claims("a1", "ana")[0].attribution == attribution.id
    assert [a.id for a in store.attributions("a1", "ana")] == [attribution.id]
