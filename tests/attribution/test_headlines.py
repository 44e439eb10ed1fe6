"""Headline colon attributions: «X: ...» on a line of its own."""

from __future__ import annotations

import pytest

from annotations.attribution import suggest_attributions

BODY = "\n\nوجاء ذلك في مؤتمر عقد أمس في العاصمة."


@pytest.mark.parametrize(
    ("title", "source", "content"),
    [
        ("البرهان: هدفنا انتخابات حرة", "البرهان", "هدفنا انتخابات حرة"),
        ("فواز جرجس لـCNN: الأسد ينتصر عسكريا", "فواز جرجس", "الأسد ينتصر عسكريا"),
        ("السيسي لماكرون: مصر تساند الجيش", "السيسي", "مصر تساند الجيش"),
        ("منظمة حظر الكيماوي: محققونا في طريقهم", "منظمة حظر الكيماوي", "محققونا في طريقهم"),
        ("سوريا: إنذار خاطئ فعّل دفاعاتنا الجوية", "سوريا", "إنذار خاطئ فعّل دفاعاتنا الجوية"),
    ],
)
def test_a_speaker_before_a_headline_colon(title: str, source: str, content: str) -> None:
    found = suggest_attributions(title + BODY)
    assert len(found) == 1
    headline = found[0]
    assert (headline.cue.text, headline.cue.cls) == (":", "statement")
    assert headline.source is not None and headline.source.text == source
    assert [span.text for span in headline.content] == [content]


@pytest.mark.parametrize(
    "title",
    [
        "مصر: مقتل 4 من رجال الشرطة في هجوم",  # a place as a topic label
        "فنزويلا: السلطات تفرج عن عشرات المعتقلين",
        "السيسي يستنجد: ثلاث اتصالات دولية خلال 24 ساعة",  # a verb that reports nothing
        "إصابة محمد صلاح: غياب ثلاثة أسابيع عن الملاعب",  # a verbal noun heads a topic
    ],
)
def test_topic_labels_are_not_attributions(title: str) -> None:
    assert suggest_attributions(title + BODY) == []


def test_a_colon_inside_a_body_sentence_is_not_a_headline() -> None:
    text = "وفي المؤتمر الذي عقد أمس في العاصمة عرض الوزير أرقاما كثيرة منها: النمو والتضخم."
    assert suggest_attributions(text) == []
