"""Where a name ends, foreign names that no list or training sentence holds, listed phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.entities import recognise
from annotations.entities.candidates import Candidate, listed_words
from annotations.entities.descriptors import descriptor_candidates
from annotations.entities.recogniser import (
    LISTED_PHRASE_CONFIDENCE,
    name_end,
    outside_descriptors,
    trusted_lists,
)
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
def test_two_unseen_words_opened_by_a_known_foreign_name_are_a_person(text: str, name: str) -> None:
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


def test_a_listed_phrase_is_trusted_unless_a_model_span_runs_past_it() -> None:
    listed = [
        Candidate(0, 2, "LOC", "gazetteer", 0.9),  # الولايات المتحدة | الأمريكية
        Candidate(5, 7, "ORG", "gazetteer", 0.9),  # قوات | الاتحاد الأفريقي
        Candidate(9, 10, "LOC", "gazetteer", 0.7),  # one word: left as it is
    ]
    model = [Candidate(0, 3, "LOC", "model", 0.8), Candidate(4, 7, "ORG", "model", 0.95)]
    confidences = [c.confidence for c in trusted_lists(listed, model)]
    assert confidences == [0.9, LISTED_PHRASE_CONFIDENCE, 0.7]


def test_a_model_span_over_a_descriptor_gives_way_to_the_descriptor_rule() -> None:
    text = "وتؤكد منظمة فورو بينال غير الحكومية أن"
    words = split_text(text).words
    model = load_model()
    described = descriptor_candidates(text, words, listed_words(words, model), model)
    assert [(c.first, c.last) for c in described] == [(2, 4)]
    spans = [Candidate(1, 3, "ORG", "model", 0.9), Candidate(2, 4, "ORG", "model", 0.9)]
    assert outside_descriptors(words, spans, described, model) == spans[1:]


@given(st.lists(st.sampled_from(["مون", "للصحافيين", "بنفيكا", "البرتغالي", "قال"]), max_size=6))
def test_a_name_ends_inside_its_span(keys: list[str]) -> None:
    words = split_text(" ".join(keys)).words
    model = load_model()
    for first in range(len(words)):
        for last in range(first + 1, len(words) + 1):
            for label in ("PER", "ORG", "LOC"):
                assert first < name_end(words, first, last, label, model) <= last
