"""Quotations and sentences: mixed and unbalanced marks, and no sentence split inside a quote."""

from __future__ import annotations

from annotations.attribution import suggest_attributions
from annotations.attribution.segments import MAX_SENTENCE, paragraphs, quotations, sentences


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


def test_a_sentence_without_stops_is_cut_into_bounded_pieces() -> None:
    text = " ".join(["كلمة"] * 3000) + ' وقال "' + " ".join(["اقتباس"] * 2000)
    pieces = sentences(text)
    assert len(pieces) > 1 and all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    assert "".join(text[p.start : p.end] for p in pieces).replace(" ", "") == text.replace(" ", "")
    quoted = [(p, q) for p in pieces for q in p.quotations]
    assert quoted and all(p.start <= q.start and q.end <= p.end for p, q in quoted)


def test_a_long_paragraph_gives_each_sentence_its_suggestion() -> None:
    """One paragraph of 2,000 sentences reads as 40 copies of 50 (bench/bench_bounded.py times
    it)."""
    sentence = "وقال الوزير إن المفاوضات ستستأنف الأسبوع المقبل. "
    one = len(suggest_attributions(sentence * 50))
    assert len(suggest_attributions(sentence * 2000)) == one * 40
