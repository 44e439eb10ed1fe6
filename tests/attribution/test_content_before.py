"""Content written before its cue: «...، كما ذكرت X» and «... . كما أعلن X.», on sentences of ANT
v2.1 news."""

from __future__ import annotations

from annotations.attribution import Suggestion, suggest_attributions


def only(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert len(found) == 1, [s.cue.text for s in found]
    return found[0]


def test_kama_after_a_comma_takes_the_clause_before() -> None:
    found = only(
        "ولقي صالح الصماد حتفه في غارة جوية الأسبوع الماضي لقوات التحالف الذي تقوده السعودية،"
        " كما أعلن الحوثيون الاثنين."
    )
    assert found.cue.text == "كما أعلن"
    assert found.source is not None and found.source.text == "الحوثيون"
    assert [c.text for c in found.content] == [
        "ولقي صالح الصماد حتفه في غارة جوية الأسبوع الماضي لقوات التحالف الذي تقوده السعودية"
    ]


def test_a_comma_after_the_source_does_not_open_content() -> None:
    found = only(
        "وأخلي سبيل 14 متظاهرا مسجونا منذ نيسان/أبريل، كما ذكرت منظمة غير حكومية، غداة قسم"
        " نيكولاس مادورو اليمين لولاية ثانية."
    )
    assert (found.cue.text, found.source and found.source.text) == (
        "كما ذكرت", "منظمة غير حكومية"
    )
    assert [c.text for c in found.content] == ["وأخلي سبيل 14 متظاهرا مسجونا منذ نيسان/أبريل"]


def test_kama_opening_a_sentence_of_its_own_takes_the_sentence_before() -> None:
    found = only(
        "ضرب زلزال بقوة 6 درجات جزيرة سومبا. كما أعلن المعهد الجيولوجي الأميركي.\n\nفقرة أخرى."
    )
    assert found.cue.text == "كما أعلن"
    assert [c.text for c in found.content] == ["ضرب زلزال بقوة 6 درجات جزيرة سومبا"]


def test_kama_with_what_follows_the_source_reports_that() -> None:
    found = suggest_attributions(
        "وزار المفتشون دوما الثلاثاء. كما نفت موسكو، حليفتها، وقوع مثل هذا الهجوم."
    )[-1]
    assert found.cue.text == "نفت"
    assert [c.text.endswith("، وقوع مثل هذا الهجوم") for c in found.content] == [True]


def test_said_by_with_nothing_after_takes_the_sentence_subject() -> None:
    found = only(
        "وسخر ستفين ديول، أحد المعلقين على الاكتشاف، من عرض نفرتيتي ببشرة بيضاء بينما يعرف"
        " الجميع أنها ذات بشرة سمراء، حسبما يقول."
    )
    assert (found.cue.text, found.source and found.source.text) == ("حسبما يقول", "ستفين ديول")
    assert found.content[0].text.startswith("وسخر ستفين ديول")


def test_said_by_with_nothing_after_takes_the_last_speaker() -> None:
    found = suggest_attributions(
        "وقال المحلل جاك كينت إن الشركة تواجه ضغوطا. بيد أن الشركة تحتاج إلى تحقيق توازن بين"
        " الرأي الإيجابي والسلبي، حسبما أشار."
    )
    assert [(s.cue.text, s.source and s.source.text) for s in found] == [
        ("قال", "المحلل جاك كينت"), ("حسبما أشار", "المحلل جاك كينت")
    ]


def test_said_by_with_nothing_after_adds_nothing_to_a_sentence_already_reported() -> None:
    found = suggest_attributions(
        "وقال المحلل جاك كينت إن الشركة تواجه ضغوطا. وأكد الوزير أن الحكومة ستدعم الشركة، حسبما"
        " أشار."
    )
    assert [s.cue.text for s in found] == ["قال", "أكد"]
