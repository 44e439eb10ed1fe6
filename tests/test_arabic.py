"""The shared Arabic helpers: word tokens, matching keys, where a word starts after a clitic."""

from __future__ import annotations

from annotations.arabic import HARAKAT, match_key, strip_marks, surface_offset, tokenize


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


def test_tokens_keep_a_decomposed_madda_joiners_and_quranic_signs() -> None:
    """Where pyarabic's `tokenize_with_location` would split a word or glue quotes to it."""
    text = "الا\u0653ن مي\u200cخواهم بِسْمِ\u0615 'قال'"
    assert [t.text for t in tokenize(text)] == ["الا\u0653ن", "مي\u200cخواهم", "بِسْمِ\u0615", "قال"]


def test_harakat_are_every_combining_arabic_mark() -> None:
    """pyarabic's diacritics and small letters plus three Quranic signs, point by point."""
    marks = {*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)}
    assert set(map(ord, HARAKAT)) == marks
    assert strip_marks("".join(map(chr, sorted(marks))) + "بـ") == "ب"


def test_match_key_folds_marks_tatweel_and_letter_variants() -> None:
    assert match_key("إيمانويل") == "ايمانويل"
    assert match_key("مُصْطَفى") == match_key("مصطفـــى") == "مصطفي"
    assert match_key("الجمهورية") == "الجمهوريه"
    # not pyarabic's normalisers: the hamza on و and ي stays, and ى is not an alef
    assert match_key("سؤال الأئمة على") == "سؤال الائمه علي"


def test_match_key_drops_presentation_form_harakat() -> None:
    """NFKC would turn U+FE70-FE7F into a space and a mark, splitting the key."""
    assert match_key("محمدﹰ") == match_key("ﻣﹸﺤﻤﺪ") == "محمد"


def test_surface_offset_skips_marks_and_tatweel() -> None:
    assert surface_offset("لِماكرون", 1) == 2
    assert surface_offset("وـقال", 1) == 2
    assert surface_offset("لماكرون", 0) == 0
