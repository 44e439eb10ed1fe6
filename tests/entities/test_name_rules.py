"""Where a name ends, foreign names that no list or training sentence holds, listed phrases."""

from __future__ import annotations

import pytest

from annotations.entities import recognise
from annotations.entities.recogniser import name_end
from annotations.entities.rules import foreign_name_candidates
from annotations.entities.trained_model import load_model
from annotations.entities.words import split_text


def persons(text: str) -> list[str]:
    return [e.text for e in recognise(text) if e.label == "PER"]


def test_a_person_ends_before_a_word_with_lam_and_the_article() -> None:
    words = split_text("وقال مون للصحافيين إن").words
    assert name_end(words, 1, 3, "PER", load_model()) == 2
    assert name_end(words, 0, 2, "PER", load_model()) == 2
    assert persons("وقال مون للصحافيين إن كيم أعرب عن أمله") == ["مون", "كيم"]


def test_after_a_title_a_listed_surname_ends_the_name() -> None:
    assert persons("قد صرحت أن الرئيس ترامب مستاء جداً من عدم إطلاق سراحه") == ["ترامب"]
    assert "عبد الفتاح السيسي" in persons("وقال الرئيس عبد الفتاح السيسي إن")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وحكم على مدير الصحيفة أكين أتالاي الذي كان لا يزال موقوفا", "أكين أتالاي"),
        ("وأكد أحد محامي الدفاع فكرت إيلكيز في مرافعته الأخيرة", "فكرت إيلكيز"),
    ],
)
def test_two_unseen_words_opened_by_a_known_foreign_name_are_a_person(
    text: str, name: str
) -> None:
    assert name in persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "لا يوجد بيننا أي ضغائن ونتحد من أجل الفريق",  # أي is a name word, but a common one
        "استهدف موقع تدريب تابع لها في بيت لاهيا شمال قطاع غزة",
        "قال مصدر أمني إن المهاجمين استخدموا أسلحة ثقيلة",
    ],
)
def test_common_words_open_no_foreign_name(text: str) -> None:
    assert not foreign_name_candidates(split_text(text).words, load_model())


def test_a_listed_name_of_several_words_keeps_its_list_type() -> None:
    text = "ونقلت الوكالة عن الوزير قوله، إن بيونغ يانغ تخفي نواياها عن العالم"
    assert ("بيونغ يانغ", "LOC") in [(e.text, e.label) for e in recognise(text)]


def test_a_club_leaves_its_nationality_outside() -> None:
    words = split_text("تغلب على مضيفه بنفيكا البرتغالي 1 - صفر").words
    model = load_model()
    assert name_end(words, 3, 5, "ORG", model) == 4
    assert name_end(words, 3, 5, "LOC", model) == 5
    words = split_text("وقالت الحكومة التركية").words  # the head's institution: inside
    assert name_end(words, 1, 3, "ORG", model) == 3
