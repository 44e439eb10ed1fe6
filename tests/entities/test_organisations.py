"""Organisation phrases by construct-state chains, and demonyms that are no names."""

from __future__ import annotations

import pytest

from annotations.entities import recognise
from annotations.entities.candidates import listed_words
from annotations.entities.descriptors import descriptor_candidates
from annotations.entities.organisations import organisation_candidates
from annotations.entities.trained_model import load_model
from annotations.entities.words import split_text


def rule_spans(text: str) -> list[str]:
    """The texts of the organisation rule's candidates."""
    words = split_text(text).words
    model = load_model()
    return [
        " ".join(w.token.text for w in words[c.first : c.last])
        for c in organisation_candidates(words, listed_words(words, model), model)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت وزارة الخارجية الروسية في بيان", "وزارة الخارجية الروسية"),
        ("أكدت منظمة حظر الأسلحة الكيماوية أن", "منظمة حظر الأسلحة الكيماوية"),
        ("حسب هيئة المسح الجيولوجي الأميركية اليوم", "هيئة المسح الجيولوجي الأميركية"),
        ("أعلنت الحكومة التركية انهاء", "الحكومة التركية"),
        ("هجوم على رتل للشرطة المصرية شمال سيناء", "للشرطة المصرية"),
        ("وقالت وكالة الأنباء السورية الرسمية إن", "وكالة الأنباء السورية"),
        ("باعت حصتها إلى المؤسسة الوطنية للنفط في ليبيا", "المؤسسة الوطنية للنفط"),
        ("وقال مجلس الأمن الدولي", "مجلس الأمن الدولي"),
    ],
)
def test_the_chain_runs_to_the_end_of_the_name(text: str, expected: str) -> None:
    assert expected in rule_spans(text)
    assert not [span for span in rule_spans(text) if expected in span and span != expected]


@pytest.mark.parametrize(
    "text",
    [
        "قال وزير الخارجية الياباني",  # a portfolio after an office noun
        "وافق على إحداث هيئة تنسيق لعودة المهجرين",  # a preposition ends the construct chain
        "وقالت الحكومة إن",  # a definite head needs an adjective
        "قالت المتحدثة باسم الحكومة، الرسمية",  # punctuation breaks the chain
    ],
)
def test_no_organisation_without_a_name(text: str) -> None:
    assert not [span for span in rule_spans(text) if " " in span]


def test_descriptive_adjectives_stay_outside() -> None:
    assert rule_spans("وقالت الحكومة السورية الحالية") == ["الحكومة السورية"]


@pytest.mark.parametrize("word", ["السوريين", "للسوريين", "الليبيون", "فلسطينيين"])
def test_plural_nationality_nouns_are_not_names(word: str) -> None:
    text = f"عودة اللاجئين {word} إلى بلادهم بعد أن قال عبد الفتاح السيسي"
    found = recognise(text)
    assert not [e for e in found if e.text == word]
    assert [e.text for e in found if e.label == "PER"] == ["عبد الفتاح السيسي"]


@pytest.mark.parametrize(
    ("text", "expected", "label"),
    [
        ('على 14 صحافيا في جريدة "جمهورييت" المعارضة', "جمهورييت", "ORG"),
        ("وتؤكد منظمة فورو بينال غير الحكومية أن", "فورو بينال", "ORG"),
        ("وفق ما كشفت وكالة بلومبرغ اليوم", "وكالة بلومبرغ", "ORG"),
        ("حسبما ذكرت وكالة آكي الايطالية.", "وكالة آكي", "ORG"),
        ("استهداف كنيسة بمنطقة مسطرد شمالي العاصمة", "مسطرد", "LOC"),
        ('لكنيسة جونوغ" في مقاطعة سيغي بيرومارو أبلغ عن', "سيغي بيرومارو", "LOC"),
    ],
)
def test_the_name_after_a_descriptor_takes_its_type(text: str, expected: str, label: str) -> None:
    assert (expected, label) in [(e.text, e.label) for e in recognise(text)]


@pytest.mark.parametrize(
    "text", ["أعلنت شركة النفط الوطنية", "قرب موقع عسكري في الجنوب", "ليبيا والمنطقة بأسرها"]
)
def test_a_common_word_after_a_descriptor_is_no_name(text: str) -> None:
    words = split_text(text).words
    model = load_model()
    assert not descriptor_candidates(text, words, listed_words(words, model), model)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الزعيم الكوري الشمالي، كيم جونغ-أون، إن", "كيم جونغ-أون"),
        ("أعلن الرئيس الأميركي دونالد #ترمب أمس", "دونالد #ترمب"),
    ],
)
def test_a_name_runs_across_a_hyphen_or_a_hashtag(text: str, expected: str) -> None:
    assert (expected, "PER") in [(e.text, e.label) for e in recognise(text)]

