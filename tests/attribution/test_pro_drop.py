"""Subjects not written at their verb (pro-drop), on sentences of ANT v2.1 news: a verb joined by
و/ف or followed by فيه/فيها shares the subject of the verb opening its clause."""

from __future__ import annotations

import pytest

from annotations.attribution import Suggestion, suggest_attributions


def at_cue(text: str, cue: str) -> Suggestion:
    """The last suggestion whose cue is `cue`."""
    found = [s for s in suggest_attributions(text) if s.cue.text == cue]
    assert found, [s.cue.text for s in suggest_attributions(text)]
    return found[-1]


def source_of(text: str, cue: str) -> str | None:
    source = at_cue(text, cue).source
    return None if source is None else source.text


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (  # the subject of the verb opening the clause, not the last speaker
            "وقال ماتيس إن الهجوم وشيك. بيد أن الكرملين رفض التحذير. وسارع رئيس الوزراء شينزو آبي"
            " إلى التشديد على أن الحكومة في حالة تعبئة، وقال إن \"الأولوية هي لإنقاذ حياة الناس\".",
            "قال",
            "رئيس الوزراء شينزو آبي",
        ),
        (
            "وشكك مورو في صلاحيات قاضي محكمة الاستئناف وقال إنه يفتقر إلى السلطة التي تخوله إصدار"
            " أمر بالإفراج عن الرئيس السابق.",
            "قال",
            "مورو",
        ),
        (  # ب + a possessed noun is the object, not the subject
            "واعتقل بابادوبولوس قبل أكثر من عام واعترف بكذبه على المحققين بشأن اتصالاته بالعديد"
            " من الأشخاص.",
            "اعترف",
            "بابادوبولوس",
        ),
        (  # a weak perfect before أن takes the shared subject too
            "وينتقد معارضو القانون الضريبي الجديد هذه الخطوة، وتوقعوا أن الكثير من أموال الشركات"
            " ستذهب إلى إعادة شراء الأسهم.",
            "توقعوا",
            "معارضو",
        ),
    ],
    ids=["not-the-last-speaker", "joined-verb", "possessed-object", "weak-perfect"],
)
def test_a_verb_joined_by_wa_shares_the_subject_of_its_clause(
    text: str, cue: str, source: str
) -> None:
    found = at_cue(text, cue)
    assert found.source is not None
    assert (found.source.text, found.source.inherited) == (source, True)


def test_matching_is_done_per_sentence_not_with_the_last_speaker() -> None:
    text = "وقال ماتيس إن الهجوم وشيك. وشكك مورو في صلاحيات القاضي وقال إنه يفتقر إلى السلطة."
    assert [s.source.text for s in suggest_attributions(text) if s.source] == ["ماتيس", "مورو"]


def test_after_fihi_the_noun_before_is_not_the_subject() -> None:
    text = (
        "أصدر ماكيب بيانا مطولا نفى فيه الاتهامات الموجهة له، ومنددا بما وصفها بأنها حملة للنيل"
        " من مصداقيته."
    )
    found = at_cue(text, "نفى")
    assert source_of(text, "نفى") == "ماكيب"
    assert found.content[0].text.startswith("الاتهامات")


def test_after_fihi_a_subject_written_before_an_complementiser_is_kept() -> None:
    text = (
        "إلا إذا كان مهنة الشخص هي الصيد أو أي عمل آخر ترى فيه الحكومة أنه يتطلب حيازة السلاح."
    )
    assert source_of(text, "ترى") == "الحكومة"


@pytest.mark.parametrize(
    "text",
    [
        "وكان حداد وزيرا للتعليم خلال رئاسة دا سيلفا، ويُعتقد أنه يتمتع بثقته.",
        "وقال ترامب: \"ستحصل على طاقتها من روسيا، وأعتقد أن هذا ليس مناسبا\".",
    ],
    ids=["weak-imperfect", "quoted-first-person"],
)
def test_weak_imperfects_and_quoted_first_persons_share_no_subject(text: str) -> None:
    assert [s.cue.text for s in suggest_attributions(text) if "عتقد" in s.cue.text] == []


@pytest.mark.parametrize(
    ("text", "cue", "not_source"),
    [
        (  # a time phrase opens the clause, not a verb
            "ومنذ أشهر تشن طائرات تركية غارات على مواقع الأكراد في العراق وسوريا، وتقول إن لديهم"
            " علاقات بحزب العمال الكردستاني.",
            "تقول",
            "أشهر",
        ),
        (  # a noun of the shape فعال before a verb: not the clause's verb
            "وأظهر شريط فيديو على فيس بوك، مسلم يلقي خطابا في التظاهرة، وقال \"نؤمن بالقضاة في"
            " أوروبا\".",
            "قال",
            "يلقي",
        ),
    ],
    ids=["time-phrase", "noun-before-verb"],
)
def test_what_does_not_open_a_clause_gives_no_subject(text: str, cue: str, not_source: str) -> None:
    assert source_of(text, cue) != not_source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "ونعت وكالة سبأ التي يسيطر عليها الحوثيون في بيان \"استشهاد\" الصماد، مشيرة إلى مقتله"
            " ظهر الخميس في غارة جوية للتحالف على محافظة الحديدة.",
            "مشيرة",
            "وكالة سبأ",
        ),
        (  # the sentence opens after its dateline
            "دبي، الإمارات العربية المتحدة (CNN)— ربطت لولوة راشد الخاطر، المتحدثة باسم وزارة"
            " الخارجية القطرية، تاريخ \"نكسة\" الخامس من يونيو مع \"نصر\" العاشر من رمضان، لافتة"
            " إلى أمنيات لو أن العرب غلّبوا انتصاراتهم على نكستهم.",
            "لافتة",
            "لولوة راشد",
        ),
        (  # a passive's subject (اتُهمت روسيا) is no speaker
            "أصدر قادة الولايات المتحدة وبريطانيا وألمانيا وفرنسا وكندا بيانا مشتركا بشأن اعتداء"
            " سالزبري، الذي اتُهمت روسيا بتدبيره في مارس، مطالبة موسكو بأن تكشف عن برنامجها.",
            "مطالبة",
            "قادة الولايات المتحدة",
        ),
    ],
    ids=["opening-verb", "after-dateline", "not-the-passive"],
)
def test_a_participle_takes_the_sentence_opening_subject(text: str, cue: str, source: str) -> None:
    assert source_of(text, cue) == source


def test_after_a_closing_quotation_mark_a_participle_goes_on_with_the_speaker() -> None:
    text = (
        "وأضاف البيان \"قام العدو باستهداف برج الإنزال بقذيفة مدفعية\" مضيفا أن القسام تنظر"
        " للحدث بخطورة بالغة."
    )
    assert source_of(text, "مضيفا") == "البيان"


def test_a_joined_verb_shares_the_subject_standing_before_the_verb_of_its_clause() -> None:
    text = (
        "لكن الصحيفة المعارضة بشدة للرئيس رجب طيب أردوغان ترفض هذه الاتهامات وتندد بما تعتبره"
        " محاكمة سياسية تهدف إلى إسكات الصحافة المستقلة في تركيا."
    )
    assert source_of(text, "تندد") == "الصحيفة المعارضة بشدة للرئيس رجب طيب أردوغان"


def test_a_weak_imperfect_with_fiha_shares_the_sentence_subject() -> None:
    text = (
        "وقد بدأ الفلسطينيون منذ نحو سبعة أسابيع بالمشاركة أسبوعيا كل جمعة فيما بات يعرف بمسيرة"
        " حق العودة، والتي يطالبون فيها بفك الحصار عن قطاع غزة."
    )
    assert source_of(text, "يطالبون") == "الفلسطينيون"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "وتقوم القوات بعملية أمنية في شمال سيناء، للقضاء على مسلحين أعلنوا الولاء لتنظيم الدولة"
            " الإسلامية.",
            "أعلنوا",
            "مسلحين",
        ),
        (
            "ويعود أحد الأسباب ،التي تجعل الباحثين يشيرون إلى أن كبار السن هم الأكثر عرضة.",
            "يشيرون",
            "الباحثين",
        ),
    ],
    ids=["indefinite", "after-a-verb"],
)
def test_a_plural_verb_after_a_plural_noun_has_it_as_subject(
    text: str, cue: str, source: str
) -> None:
    assert source_of(text, cue) == source
