"""Channels (على تويتر، على موقعها، عبر حسابه) and what else stands between a speaker and the
words: never part of the source, and a weak cue may reach its quotation across them. Sentences
of ANT v2.1 news."""

from __future__ import annotations

import pytest

from annotations.attribution import suggest_attributions


def cues_and_sources(text: str) -> list[tuple[str, str | None]]:
    """(cue, source) of every suggestion in `text`."""
    return [(s.cue.text, s.source and s.source.text) for s in suggest_attributions(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "من جهته، قال حاكم ولاية دورانغو خوسيه ايسبورو على تويتر إنه \"ليس هناك قتلى في حادث"
            " الطائرة\".",
            "حاكم ولاية دورانغو خوسيه ايسبورو",
        ),
        (
            "وقالت الشركة الأميركية، على موقعها الرسمي، إن عيوبا تشوب اللوحات الرئيسية في بعض"
            " النماذج.",
            "الشركة الأميركية",
        ),
        (  # عنه after the verb, like فيه, belongs to neither
            "ضد مشروع قانون معدل للضريبة الذي يقول عنه خبراء إنه يرفع معدل ضريبة الدخل.",
            "خبراء",
        ),
        (  # ل + a media name is whom the words were said to, after a title too
            "وقال مدير المرصد رامي عبد الرحمن لوكالة الأنباء الفرنسية إن الحصيلة ارتفعت.",
            "مدير المرصد رامي عبد الرحمن",
        ),
        ("وقال المالكي لتلفزيون العربية إن التحالف يتبع نهجا صارما.", "المالكي"),
        ("وقال المتحدث الرسمي لرويترز إن الهجوم وقع فجرا.", "المتحدث الرسمي"),
        (  # a relative clause after the speaker stays out
            "وقال الرئيس الكوبي، ميغيل دياز كانيل، الذي وصل إلى مكان الحادث، إن عدد الضحايا كبير.",
            "الرئيس الكوبي، ميغيل دياز كانيل",
        ),
    ],
    ids=[
        "on-twitter", "on-its-site", "about-it", "to-an-agency", "to-a-channel", "to-reuters",
        "relative-clause",
    ],
)
def test_a_channel_is_not_part_of_the_source(text: str, source: str) -> None:
    found = suggest_attributions(text)
    assert [s.source.text for s in found if s.source] == [source]


def test_a_weak_cue_reaches_its_quotation_across_a_channel() -> None:
    text = "وبعد إعلان الأحكام مساء عنونت جمهورييت على موقعها \"ستشعرون بالعار أمام التاريخ\"."
    assert cues_and_sources(text) == [("عنونت", "جمهورييت")]
    assert suggest_attributions(text)[0].content[0].text == "ستشعرون بالعار أمام التاريخ"


def test_what_a_verb_before_nqlan_an_reports_follows_its_source() -> None:
    found = suggest_attributions(
        "قالت وسائل إعلام سورية نقلا عن مصدر عسكري، إن طائرات تابعة للتحالف قصفت موقعا للجيش."
    )
    by_cue = {s.cue.text: s for s in found}
    assert by_cue["نقلا عن"].source is not None
    assert by_cue["نقلا عن"].source.text == "مصدر عسكري"
    assert by_cue["نقلا عن"].content[-1].text == "طائرات تابعة للتحالف قصفت موقعا للجيش"


@pytest.mark.parametrize(
    "text",
    [
        "وتندد بما تعتبره محاكمة سياسية تهدف إلى إسكات الصحافة.",
        "تدعم فيه اسرائيل ضد حركة حماس التي وصفتها بـ \" الإرهابية\".",
    ],
    ids=["after-ma", "no-speaker-after-the-verb"],
)
def test_a_relative_clause_verb_without_its_own_speaker_reports_nothing(text: str) -> None:
    cues = {s.cue.text for s in suggest_attributions(text)}
    assert not cues & {"تعتبره", "وصفتها"}


def test_a_call_names_its_speaker_after_it() -> None:
    text = (
        "وتأتي الخطوة بعد مبادرة روسية بهذا الصدد ودعوة الرئيس بشار الأسد السوريين في الخارج إلى"
        " العودة."
    )
    assert cues_and_sources(text) == [("دعوة", "الرئيس بشار الأسد السوريين")]
    assert suggest_attributions(text)[0].content[0].text == "العودة"


def test_a_reporting_noun_without_its_speaker_reports_nothing() -> None:
    assert suggest_attributions("من الدمى الجنسية دعوة لحظر استيراد دمى \"جنسية للأطفال\".") == []


def test_a_call_after_a_verb_is_its_object() -> None:
    assert suggest_attributions(
        "وقال غريفيث إن الأمم المتحدة تعتزم دعوة الأطراف المتحاربين إلى جنيف في 6 سبتمبر."
    )[-1].cue.text == "قال"


def test_a_report_to_whom_is_a_verb_with_its_preposition() -> None:
    found = suggest_attributions(
        "من أصل 86 طالباً كان \"المركز التدريبي لكنيسة جونوغ\" في مقاطعة سيغي أبلغ عن فقدانهم"
        " إثر الزلزال."
    )
    assert [(s.cue.text, s.content[0].text) for s in found] == [("أبلغ", "فقدانهم إثر الزلزال")]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "في عملية استهدفت أنصار الداعية فتح الله غولن، الذي تتهمه أنقرة بتدبير محاولة انقلاب"
            " قبل عامين.",
            "تتهمه",
            "أنقرة",
        ),
        ("بحجة مكافحة الجماعات الكردية، التي تصفها أنقرة بالإرهابية.", "تصفها", "أنقرة"),
        (
            "وكتبت إذاعة \"هابانا\" على حسابها بموقع تويتر أن الطائرة سقطت على الطريق السريع.",
            "كتبت",
            "إذاعة \"هابانا\"",
        ),
        (
            "من جهته رأى أحمد عادل محلل قطاع الاتصالات بشركة بلتون فاينانشال، أنه سيكون هناك"
            " تأثير على معدلات الاستهلاك.",
            "رأى",
            "أحمد عادل محلل قطاع الاتصالات بشركة بلتون فاينانشال",
        ),
        (
            "واعتبر عمر ماهر، محلل قطاع الاتصالات بالمجموعة المالية هيرمس، في مقابلة مع"
            " \"العربية\" أن تطبيق الرسوم سيولد بعض الخسائر.",
            "اعتبر",
            "عمر ماهر، محلل قطاع الاتصالات بالمجموعة المالية هيرمس",
        ),
    ],
    ids=[
        "relative-accuses-him", "relative-describes-them", "weak-past-a-channel",
        "weak-after-the-subject", "weak-after-an-apposition-and-a-channel",
    ],
)
def test_a_weak_cue_with_its_speaker_written_reports(text: str, cue: str, source: str) -> None:
    assert cues_and_sources(text) == [(cue, source)]


def test_a_weak_final_verb_written_with_ya_is_a_noun_or_a_name() -> None:
    found = suggest_attributions(
        "وقال حاكم منطقة تشيانغ راي، التي يقع فيها الكهف، نارونغاسك أوسوتانكورن، إن الأطفال"
        " مستعدون للخروج من الكهف."
    )
    assert [s.cue.text for s in found] == ["قال"]
    assert suggest_attributions("وكان له رأي آخر في أن الفريق حصل على هدية.") == []
