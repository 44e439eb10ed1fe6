"""Clitics: names never cut when whole, clitic forms found with the name start after the clitic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.arabic import surface_offset
from annotations.entities import Entity, recognise
from annotations.entities.clitics import PROCLITICS, cliticised, splits


def entity_at(text: str, word: str) -> Entity:
    """The entity whose first token is `word` (which must occur once in `text`)."""
    start = text.index(word)
    matches = [e for e in recognise(text) if e.start == start]
    assert matches, f"{word} not found in {recognise(text)}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("أجرى الرئيس الروسي بوتين اتصالا هاتفيا مع نظيره المصري.", "بوتين", "PER"),
        ("تطورات الأوضاع في ليبيا تثير القلق.", "ليبيا", "LOC"),
        ("وصل الوزير إلى فرنسا أمس.", "فرنسا", "LOC"),
    ],
)
def test_whole_names_are_never_cut(text: str, word: str, label: str) -> None:
    entity = entity_at(text, word)
    assert (entity.text, entity.label, entity.name_start) == (word, label, entity.start)


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("السيسي لماكرون: مصر تساند الجيش الوطني الليبي", "لماكرون", "PER"),
        ("وجه الوزير رسالة لحفتر بشأن الهدنة.", "لحفتر", "PER"),
        ("زار الوفد ألمانيا وفرنسا الأسبوع الماضي.", "وفرنسا", "LOC"),
        ("أعلن عن إرسال قوات مصرية لليبيا قريبا.", "لليبيا", "LOC"),
    ],
)
def test_clitic_forms_are_found_with_their_name_start(text: str, word: str, label: str) -> None:
    entity = entity_at(text, word)
    assert (entity.text, entity.label) == (word, label)
    assert entity.name_start == entity.start + 1
    assert entity.name == word[1:]


def test_title_with_clitic_leads_to_the_name() -> None:
    text = "اتصل السيسي بالرئيس ماكرون لبحث الأزمة."
    entities = recognise(text)
    assert [e.text for e in entities if e.label == "PER"] == ["السيسي", "ماكرون"]
    assert all("بالرئيس" not in e.text for e in entities)


def test_only_the_first_word_of_a_name_carries_the_clitic() -> None:
    text = "القوات المرتزقة التابعة لخليفة حفتر تتقدم."
    entity = entity_at(text, "لخليفة")
    assert (entity.text, entity.label) == ("لخليفة حفتر", "PER")
    assert entity.name == "خليفة حفتر"


def test_splits_give_every_proclitic_reading_longest_remainder_first() -> None:
    assert splits("لليبيا") == ((1, "اليبيا"), (1, "ليبيا"), (2, "يبيا"))
    assert splits("والجزائر")[0] == (1, "الجزائر")
    assert splits("بوتين") == ((1, "وتين"),)


def test_surface_offset_skips_marks() -> None:
    assert surface_offset("لِماكرون", 1) == 2
    assert surface_offset("لماكرون", 0) == 0


@given(
    st.lists(st.sampled_from([*PROCLITICS, "ا", "ل", "ر", "ئ", "س", "ه"]), min_size=1, max_size=6)
)
def test_every_reading_of_a_key_leads_back_to_it(parts: list[str]) -> None:
    key = "".join(parts)
    for _, reading in ((0, key), *splits(key), *splits(key, 3)):
        assert key in cliticised(reading)
    assert "للرئاسة" in cliticised("الرئاسة")
