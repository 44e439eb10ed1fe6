"""Quotations and sentences: mixed and unbalanced marks, and no sentence split inside a quote."""

from __future__ import annotations

from annotations.attribution.segments import paragraphs, quotations, sentences


def quoted(text: str) -> list[str]:
    (start, end), *_ = paragraphs(text)
    return [text[slice(*q.inner)] for q in quotations(text, start, end)]


def test_mixed_marks_pair_up() -> None:
    text = "قال “أولا“ ثم ”ثانيا” و«ثالثا» و\"رابعا\"."
    assert quoted(text) == ["أولا", "ثانيا", "ثالثا", "رابعا"]


def test_a_stray_closing_mark_opens_nothing() -> None:
    assert quoted('الأمن" يكشف ملابسات الحادث') == []


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "وأضاف: “الوضع صعب. والمفاوضات متعثرة\nفقرة ثانية."
    (start, end), _ = paragraphs(text)
    (quotation,) = quotations(text, start, end)
    assert not quotation.closed
    assert text[slice(*quotation.inner)] == "الوضع صعب. والمفاوضات متعثرة"


def test_sentences_do_not_split_inside_quotations() -> None:
    text = "قال الوزير: “انتهى الأمر. لن نعود.” ثم غادر. وصل الوفد."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "قال الوزير: “انتهى الأمر. لن نعود.” ثم غادر.",
        "وصل الوفد.",
    ]
