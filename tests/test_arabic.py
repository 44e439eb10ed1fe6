"""The shared Arabic helpers: word tokens, matching keys, where a word starts after a clitic."""

from __future__ import annotations

from annotations.arabic import match_key, surface_offset, tokenize


def test_tokens_point_into_the_text() -> None:
    text = 'وقال المتحدث، بسام راضي: إن "الاتصال" G7 2441 خاصةً'
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "وقال",
        "المتحدث",
        "بسام",
        "راضي",
        "إن",
        "الاتصال",
        "G7",
        "2441",
        "خاصةً",
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_match_key_folds_marks_tatweel_and_letter_variants() -> None:
    assert match_key("إيمانويل") == "ايمانويل"
    assert match_key("مُصْطَفى") == match_key("مصطفـــى") == "مصطفي"
    assert match_key("الجمهورية") == "الجمهوريه"


def test_match_key_drops_presentation_form_harakat() -> None:
    """NFKC would turn U+FE70-FE7F into a space and a mark, splitting the key."""
    assert match_key("محمدﹰ") == match_key("ﻣﹸﺤﻤﺪ") == "محمد"


def test_surface_offset_skips_marks_and_tatweel() -> None:
    assert surface_offset("لِماكرون", 1) == 2
    assert surface_offset("وـقال", 1) == 2
    assert surface_offset("لماكرون", 0) == 0
