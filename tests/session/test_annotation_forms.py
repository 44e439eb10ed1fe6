"""The attributes form of each label: its fields, and where each value is saved."""

from __future__ import annotations

from annotations.model import STANCES
from annotations.session import ReadingSession
from annotations.session.annotation_attributes import form_fields
from annotations.store import Store


def names(label: str) -> list[str]:
    return [field.name for field in form_fields(label)]


def test_each_label_has_its_own_fields() -> None:
    assert names("CLAIM") == [
        "verifiable",
        "check_worthy",
        "harmful",
        "topic",
        "verdict",
        "stance",
        "note",
    ]
    assert names("SOURCE") == ["source_type", "note"]
    assert names("CUE") == ["cue_class", "note"]
    assert names("CONTENT") == ["note"]
    (source_type, _) = form_fields("SOURCE")
    assert source_type.choices[-1] == "other" and "official_role" in source_type.choices
    (*_, stance, _) = form_fields("CLAIM")
    assert stance.choices == STANCES == ("endorses", "neutral", "distances")
    verdict = form_fields("CLAIM", ["صحيح", "خطأ"])[4]
    assert verdict.choices == ("صحيح", "خطأ")


def test_claim_fields_go_to_the_claim_and_stance_to_the_span(
    session: ReadingSession, store: Store
) -> None:
    span = session.tag("CLAIM")
    form = session.attributes_form(span)
    assert form.values["verifiable"] is False and form.values["verdict"] == ""
    session.set_attributes(
        span,
        {
            "verifiable": True,
            "check_worthy": False,
            "harmful": True,
            "topic": " سياسة ",
            "verdict": "misleading",
            "stance": "distances",
            "note": "راجع",
        },
    )
    (claim,) = store.claims("a1", "ana")
    assert (claim.verifiable, claim.check_worthy, claim.harmful) == (True, None, True)
    assert (claim.topic, claim.verdict, claim.note) == ("سياسة", "misleading", "راجع")
    assert store.span(span.id).attrs == {"stance": "distances"}
    again = session.attributes_form(store.span(span.id)).values
    assert again["verifiable"] is True and again["topic"] == "سياسة"
    assert again["stance"] == "distances"


def test_an_unticked_flag_stays_unsaid_unless_it_was_said(
    session: ReadingSession, store: Store
) -> None:
    span = session.tag("CLAIM")
    session.set_attributes(span, {"note": "only a note"})
    (claim,) = store.claims("a1", "ana")
    assert (claim.verifiable, claim.check_worthy, claim.harmful) == (None, None, None)
    session.set_attributes(span, {"verifiable": True})
    session.set_attributes(span, {"verifiable": False})
    assert store.claims("a1", "ana")[0].verifiable is False
    assert store.claims("a1", "ana")[0].note is None


def test_source_and_cue_fields_go_to_the_span_and_a_form_is_one_undo_step(
    session: ReadingSession, store: Store, go_to
) -> None:
    go_to(session, "راضي")
    source = session.tag("SOURCE")
    session.set_attributes(
        source, {"source_type": "official_role", "note": "الناطق", "verifiable": True}
    )
    assert store.span(source.id).attrs == {"source_type": "official_role", "note": "الناطق"}
    assert store.claims("a1", "ana") == []  # a SOURCE has no claim flags to save
    session.cursor.go(0)
    cue = session.tag("CUE")
    session.set_attributes(cue, {"cue_class": "statement"})
    assert store.span(cue.id).attrs == {"cue_class": "statement"}
    session.undo()
    assert store.span(cue.id).attrs == {}
    session.set_attributes(store.span(source.id), {"source_type": ""})
    assert store.span(source.id).attrs == {}


def test_a_saved_choice_the_config_no_longer_offers_is_kept(
    session: ReadingSession, store: Store
) -> None:
    span = session.tag("CLAIM")
    session.set_attributes(span, {"verdict": "satire", "stance": "for"})
    session.verdicts = ("true", "false")
    form = session.attributes_form(store.span(span.id))
    verdict, stance = (f for f in form.fields if f.name in ("verdict", "stance"))
    assert verdict.choices == ("true", "false", "satire")
    assert stance.choices[-1] == "for"
    session.set_attributes(store.span(span.id), form.values)
    assert store.claims("a1", "ana")[0].verdict == "satire"
    assert store.span(span.id).attrs["stance"] == "for"
