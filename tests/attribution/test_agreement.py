"""Round-2 attribution rules on sentences written for the purpose: speech acts with their own
preposition, gender and number agreement, addressees, clause-opening و, subject words."""

from __future__ import annotations

import pytest

from annotations.arabic import match_key
from annotations.attribution import Suggestion, suggest_attributions
from annotations.attribution.agreement import agrees, source_features


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [s.cue.text for s in found]
    return found[0]


def source_text(suggestion: Suggestion) -> str | None:
    return None if suggestion.source is None else suggestion.source.text


def keys(phrase: str) -> list[str]:
    return [match_key(word) for word in phrase.split()]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("وتعهد مرشحو المعارضة بإنهاء حالة الطوارئ.", "مرشحو المعارضة", "بإنهاء حالة الطوارئ"),
        ("وطالب الفلسطينيون بفك الحصار عن القطاع.", "الفلسطينيون", "بفك الحصار عن القطاع"),
        ("ودعا الوزير إلى الحوار بين الأطراف.", "الوزير", "الحوار بين الأطراف"),
        ("وندد الحزب بالهجوم على المتظاهرين.", "الحزب", "بالهجوم على المتظاهرين"),
    ],
)
def test_speech_acts_open_on_their_preposition(text: str, source: str, content: str) -> None:
    found = only(text)
    assert source_text(found) == source
    assert found.content[0].text == content


def test_a_weak_cue_without_its_preposition_is_not_suggested() -> None:
    assert suggest_attributions("وطالب الجامعة حضر المحاضرة صباحا.") == []


@pytest.mark.parametrize(
    ("phrase", "features"),
    [
        ("الرئيس ماكرون", ("m", "sg")),
        ("الوزارة", ("f", "sg")),
        ("بوتين والسيسي", (None, "co")),
        ("المسؤولون", (None, "pl")),
        ("البروفيسور بكلية لندن للاقتصاد والعلوم", ("m", "sg")),
        ("كيم", (None, None)),
    ],
)
def test_source_features(phrase: str, features: tuple[str | None, str | None]) -> None:
    assert source_features(keys(phrase)) == features


def test_agreement_rules() -> None:
    assert not agrees("f", keys("الرئيس ماكرون"), before=False)
    assert not agrees("m", keys("الوزارة"), before=False)
    assert not agrees("p", keys("الولاء"), before=False)  # a plural verb has its subject before
    assert agrees("p", keys("الروس"), before=True)
    assert not agrees("m", keys("بوتين والسيسي"), before=True)
    assert agrees(None, keys("الرئيس"), before=False)


def test_a_feminine_participle_inherits_the_feminine_source() -> None:
    text = (
        "وأعلنت الوزارة أن المفاوضات انتهت. وقال الرئيس إن الاتفاق قريب، "
        "ثم أضاف المتحدث أن الوفد غادر. وذكرت الوزارة أن الوفد سيعود، "
        "مشيرةً إلى أن الموعد لم يحدد."
    )
    participle = next(s for s in suggest_attributions(text) if s.cue.text.startswith("مشيرة"))
    assert source_text(participle) == "الوزارة"


def test_a_plural_verb_takes_the_subject_before_it() -> None:
    found = only("إلا أن الروس أوضحوا وبصورة جلية أن أي هجوم سيكون له تداعيات.")
    assert source_text(found) == "الروس"


def test_the_addressee_is_not_the_source() -> None:
    found = only("وقال مون للصحافيين إن القمة ستعقد.")
    assert source_text(found) == "مون"
    found = only("قال فواز جرجس لـCNN إن الضربة لن تكفي.")
    assert source_text(found) == "فواز جرجس"


def test_a_verb_joined_by_wa_has_no_subject_before_it() -> None:
    found = only("هجوم دام على رتل للشرطة وقال أيضا إن المنفذ كان متخفيا.")
    assert found.source is None


def test_a_time_phrase_is_not_a_subject() -> None:
    found = suggest_attributions("وفي وقت لاحق، أعلن الإفراج عن الجنرال.")
    assert all(s.source is None or "وقت" not in s.source.text for s in found)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وأعلن الجيش الإسرائيلي تدمير نفق شمال القطاع.", "الجيش الإسرائيلي"),
        ("وأعلن رئيس مجلس الوزراء العراقي إطلاق عملية جديدة.", "رئيس مجلس الوزراء العراقي"),
        ("وذكرت منظمة غير حكومية إطلاق سراح المعتقلين.", "منظمة غير حكومية"),
    ],
)
def test_a_subject_after_its_verb_runs_to_the_end_of_its_construct_chain(
    text: str, source: str
) -> None:
    assert source_text(only(text)) == source


def test_a_verbal_noun_after_the_verb_is_its_object() -> None:
    assert suggest_attributions("حيث أكد التزام الاتحاد بالحل السياسي.") == []


def test_a_clause_before_comma_and_verb_is_the_content() -> None:
    found = only("يتعين على العمدة المثول شهريا أمام السلطات، كما قال رئيس المحكمة العليا.")
    assert source_text(found) == "رئيس المحكمة العليا"
    assert found.content[0].text == "يتعين على العمدة المثول شهريا أمام السلطات"


def test_a_cue_after_a_relative_pronoun_has_the_noun_before_as_source() -> None:
    found = suggest_attributions("وقال مبابي الذي أكد أنه سليم: نحن جاهزون.")
    inner = next(s for s in found if s.cue.text == "أكد")
    assert source_text(inner) == "مبابي"


def test_qailan_after_a_verb_is_part_of_its_cue() -> None:
    found = only('وأضاف المصدر الأمني قائلا: "إن عنصرا حاول تفجير نفسه".')
    assert (found.cue.text, source_text(found)) == ("أضاف", "المصدر الأمني")


def test_a_weak_cue_before_colon_and_quotation_inherits_its_source() -> None:
    text = 'وأوضح جرجس: "الوضع تفاقم كثيرا".\n\nوتابع قائلا: "الصراع الآن بين قوى إقليمية".'
    found = suggest_attributions(text)
    assert [(s.cue.text, source_text(s)) for s in found] == [("أوضح", "جرجس"), ("تابع", "جرجس")]


def test_a_verb_with_an_object_pronoun_is_a_cue_before_its_preposition() -> None:
    found = only('ووصفتها وزيرة الدفاع بأنها "عملية تجسس".')
    assert found.cue.text == "وصفتها"
    assert source_text(found) == "وزيرة الدفاع"
    assert suggest_attributions("مشيدا بما وصفته بالمشروعات الهامة.") == []


def test_a_subject_right_before_its_verb_wins_over_the_object_after_it() -> None:
    found = only("واشنطن تحذر تركيا من فرض مزيد من العقوبات.")
    assert source_text(found) == "واشنطن"


def test_a_dateline_is_not_a_subject() -> None:
    found = only("دبي، الإمارات العربية المتحدة (CNN)— أعلن الجيش الإسرائيلي تدمير نفق.")
    assert source_text(found) == "الجيش الإسرائيلي"


def test_a_participle_after_a_closed_quotation_continues_the_outer_speaker() -> None:
    text = 'وقال مون للصحافيين إن كيم "أعرب عن أمله في السلام"، مشيراً إلى أنه اتفق معه.'
    participle = next(s for s in suggest_attributions(text) if s.cue.text == "مشيراً")
    assert source_text(participle) == "مون"


def test_a_report_of_a_saying_is_two_nested_attributions() -> None:
    text = "ونقلت الوكالة عن مصدر عسكري قوله إن الإنذار كان خاطئا."
    outer, inner = suggest_attributions(text)
    assert (outer.cue.text, source_text(outer)) == ("نقلت", "الوكالة")
    assert outer.content[0].text == "مصدر عسكري قوله إن الإنذار كان خاطئا"
    assert (inner.cue.text, source_text(inner), inner.nested_in) == ("قوله", "مصدر عسكري", 0)
    assert inner.content[0].text == "الإنذار كان خاطئا"


def test_a_cue_preposition_may_stand_after_an_inserted_phrase() -> None:
    found = only("ودعت رودريغيز، أمام هؤلاء المعارضين، إلى حل الأزمة داخليا.")
    assert found.content[0].text == "حل الأزمة داخليا"


def test_a_passive_verb_reports_no_attribution() -> None:
    assert suggest_attributions("وأُعلن أن الانتخابات ستجري في موعدها.") == []
    assert suggest_attributions("قبل ستة أسابيع فقط حُذّر مكتب التحقيقات من التهديدات.") == []


def test_a_quoted_name_after_the_verb_is_not_its_content() -> None:
    found = suggest_attributions('وأعلنت "فودافون"، حسب الوكالة، أنها ستبيع حصتها.')[0]
    assert (found.cue.text, source_text(found)) == ("أعلنت", "فودافون")
    assert found.content[0].text == "أنها ستبيع حصتها"


def test_after_a_preposition_a_cue_form_is_a_verbal_noun() -> None:
    found = only("يأتي ذلك بعد أيام من تعهد زعيم كوريا الشمالية بالتخلص من أسلحته.")
    assert source_text(found) == "زعيم كوريا الشمالية"
    assert suggest_attributions("يأتي ذلك بعد أيام من تعهد زعيم كوريا الشمالية.") == []


def test_a_cue_after_a_colon_and_a_quoted_cue_are_both_attributions() -> None:
    found = suggest_attributions('وتابع مون: "أكد كيم مجدداً أن لديه تصميماً حازماً".')
    assert [(s.cue.text, source_text(s), s.nested_in) for s in found] == [
        ("تابع", "مون", None),
        ("أكد", "كيم مجدداً", 0),
    ]


def test_a_verb_after_inna_with_a_pronoun_inherits_its_subject() -> None:
    text = "وقال الرئيس الكوري الجنوبي إنه حض الطرفين على إزالة سوء التفاهم."
    inner = next(s for s in suggest_attributions(text) if s.cue.text == "حض")
    assert source_text(inner) == "الرئيس الكوري الجنوبي"


def test_confidence_is_the_calibrated_share_of_its_evidence() -> None:
    from annotations.attribution.confidence import confidence

    found = only("وقال المتحدث إن الوفد غادر.")
    assert found.evidence == "complementiser/written/strong"
    assert found.confidence == confidence(found.evidence)
    assert confidence("complementiser/unknown/strong") == confidence("complementiser")
    assert confidence("no-such-basis") == confidence("")
