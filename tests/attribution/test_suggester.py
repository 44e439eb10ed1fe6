"""The attribution suggester on short sentences written for the purpose (not from the seeds)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.attribution import Suggestion, suggest_attributions


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [s.cue.text for s in found]
    return found[0]


def content_text(suggestion: Suggestion) -> str:
    return " ".join(span.text for span in suggestion.content)


def test_verb_source_and_indirect_content() -> None:
    found = only("وقال وزير الخارجية المغربي، ناصر بوريطة، إن المفاوضات ستستأنف الأسبوع المقبل.")
    assert (found.cue.text, found.cue.cls) == ("قال", "statement")
    assert found.source is not None
    assert found.source.text == "وزير الخارجية المغربي، ناصر بوريطة"
    assert found.source.type == "named_person"
    assert content_text(found) == "المفاوضات ستستأنف الأسبوع المقبل"


@pytest.mark.parametrize(
    ("opening", "closing"), [("“", "”"), ("«", "»"), ('"', '"'), ("“", "“"), ("”", "”")]
)
def test_direct_quotation_with_any_pair_of_marks(opening: str, closing: str) -> None:
    text = f"وأكدت الوزيرة أن {opening}الحكومة لن تتراجع عن الإصلاحات المعلنة{closing}."
    found = only(text)
    assert content_text(found) == "الحكومة لن تتراجع عن الإصلاحات المعلنة"
    assert found.cue.cls == "emphasis"


def test_quotation_never_closed_runs_to_the_paragraph_end() -> None:
    text = "وأضاف المحلل: “الوضع صعب جدا والمفاوضات متعثرة منذ أشهر.\n\nفقرة أخرى لا علاقة لها."
    assert content_text(only(text)) == "الوضع صعب جدا والمفاوضات متعثرة منذ أشهر"


def test_content_before_a_prepositional_cue() -> None:
    text = "وافق البرلمان على الموازنة الجديدة بالأغلبية، حسبما أعلنت وكالة الأنباء الرسمية."
    found = only(text)
    assert (found.cue.text, found.cue.cls) == ("حسبما أعلنت", "prepositional")
    assert found.source is not None
    assert (found.source.text, found.source.type) == ("وكالة الأنباء الرسمية", "media")
    assert content_text(found) == "وافق البرلمان على الموازنة الجديدة بالأغلبية"


def test_leading_prepositional_cue_takes_the_rest_of_the_sentence() -> None:
    found = only("ووفقاً لتقرير الأمم المتحدة، ارتفع عدد النازحين إلى مليون شخص.")
    assert found.cue.cls == "prepositional"
    assert found.source is not None and found.source.type == "document"
    assert content_text(found) == "ارتفع عدد النازحين إلى مليون شخص"


def test_nested_attribution_points_at_the_outer_one() -> None:
    outer, inner = suggest_attributions(
        "وأكد المتحدث أن الرئيس شدد على “ضرورة احترام وقف إطلاق النار”."
    )
    assert (outer.cue.text, inner.cue.text) == ("أكد", "شدد")
    assert outer.nested_in is None and inner.nested_in == 0
    assert inner.source is not None and inner.source.text == "الرئيس"


def test_participle_inherits_the_previous_source() -> None:
    first, second = suggest_attributions(
        "ونفى الوزير أن تكون الحكومة قد تلقت أي تحذير، مشيراً إلى أن التحقيق مستمر."
    )
    assert first.cue.cls == "denial"
    assert second.cue.text == "مشيراً"
    assert second.source is not None and second.source.inherited
    assert second.source.text == first.source.text == "الوزير"  # type: ignore[union-attr]
    assert content_text(first) == "تكون الحكومة قد تلقت أي تحذير"
    assert content_text(second) == "التحقيق مستمر"


def test_source_before_its_verb_and_anonymous_sources() -> None:
    found = only("وكانت مصادر دبلوماسية قد حذرت من أن الأزمة ستتفاقم.")
    assert found.cue.cls == "warning"
    assert found.source is not None
    assert (found.source.text, found.source.type) == ("مصادر دبلوماسية", "anonymous")


@pytest.mark.parametrize("verb", ["قالت", "فقال", "قالا", "قالوا", "تقول", "يقولون", "وتؤكد"])
def test_clitic_gender_and_number_forms(verb: str) -> None:
    found = only(f"{verb} اللجنة إن النتائج نهائية.")
    assert found.cue.text.endswith(verb[-2:])
    assert content_text(found) == "النتائج نهائية"


def test_cue_span_leaves_out_the_conjunction() -> None:
    assert only("وزعم المتحدث أن الصور مفبركة.").cue.text == "زعم"


def test_weak_cues_need_a_complementiser() -> None:
    assert suggest_attributions("يعتبر هذا اللقاء الثاني من نوعه منذ بداية العام.") == []
    found = only("واعتبر المحلل أن القرار جاء متأخرا.")
    assert found.source is not None and found.source.text == "المحلل"


def test_narrator_formula_is_not_an_attribution() -> None:
    found = only("يذكر أن مسؤولا في الوزارة قد صرح أمس إن الخطة جاهزة.")
    assert found.cue.text == "صرح"
    assert found.source is not None and found.source.text == "مسؤولا في الوزارة"


def test_reporting_noun_before_a_complementiser() -> None:
    found = only("جاء ذلك بعد إعلان وزير الداخلية أن الانتخابات ستجري في موعدها.")
    assert found.cue.text == "إعلان"
    assert found.source is not None and found.source.text == "وزير الداخلية"


@dataclass
class FakeEntity:
    start: int
    end: int
    label: str


def test_sources_link_to_entities_and_grow_to_cover_them() -> None:
    text = "وقال الرئيس إيمانويل ماكرون إن فرنسا مستعدة للحوار."
    name = text.index("إيمانويل ماكرون")
    entities = [FakeEntity(name, name + len("إيمانويل ماكرون"), "PER")]
    found = only_with(text, entities)
    assert found.source is not None
    assert found.source.type == "named_person"
    assert [(e.start, e.end, e.label) for e in found.source.entities] == [
        (name, name + len("إيمانويل ماكرون"), "PER")
    ]


def only_with(text: str, entities: list[FakeEntity]) -> Suggestion:
    found = suggest_attributions(text, entities)
    assert len(found) == 1
    return found[0]


def test_keys_are_stable_and_distinct() -> None:
    text = "وقال الوزير إن الاتفاق وقع. وأكد السفير أن العلاقات ممتازة."
    first, second = suggest_attributions(text)
    again = suggest_attributions(text)
    assert [s.key for s in again] == [first.key, second.key]
    assert first.key != second.key


ARABIC_PIECES = st.sampled_from(
    ["قال", "وأكد", "الوزير", "أن", "إن", "“", "”", "«", "»", '"', "،", ".", "\n", "مشيراً",
     "بحسب", "حسبما أعلن", "على حد قوله", "في بيان", "السيسي", "مصادر", ":", "إلى", "على"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ARABIC_PIECES, max_size=40).map(" ".join))
def test_any_text_gives_well_formed_suggestions(text: str) -> None:
    found = suggest_attributions(text)
    for suggestion in found:
        spans = [suggestion.cue, *suggestion.content]
        if suggestion.source is not None:
            spans.append(suggestion.source)
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert suggestion.nested_in is None or 0 <= suggestion.nested_in < len(found)


def test_the_name_ali_is_a_source_not_the_preposition_ala() -> None:
    """على and علي share a match key; function words are compared on the surface."""
    (suggestion,) = suggest_attributions("قال علي إن الوضع خطير.")
    assert suggestion.source is not None and suggestion.source.text == "علي"


@pytest.mark.parametrize("text", ["وَقَالَ الوزير إن الوضع خطير.", "وـقال الوزير إن الوضع خطير."])
def test_cue_after_a_conjunction_starts_on_its_letter(text: str) -> None:
    (suggestion,) = suggest_attributions(text)
    assert suggestion.cue.text.startswith("ق")


def test_a_title_and_a_name_with_link_words_make_the_whole_source() -> None:
    (suggestion,) = suggest_attributions("أكد الرئيس خالد عبد الله صالح أن الوضع خطير.")
    assert suggestion.source is not None
    assert suggestion.source.text == "الرئيس خالد عبد الله صالح"
