"""Sentences, quotations and clauses picked by one reader key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.session import clause_around, quotation_around, sentence_ranges

TEXT = "قال راضي إن “الوضع مستقر” اليوم. وأضاف: «لن نتراجع»، حسبما أعلن.\nفقرة ثانية بلا نقطة"


def test_sentences_end_at_stops_and_line_ends() -> None:
    texts = [TEXT[s:e] for s, e in sentence_ranges(TEXT)]
    assert texts == [
        "قال راضي إن “الوضع مستقر” اليوم.",
        "وأضاف: «لن نتراجع»، حسبما أعلن.",
        "فقرة ثانية بلا نقطة",
    ]


def test_a_sentence_never_ends_inside_a_quotation_and_an_open_quote_runs_on() -> None:
    text = "قال: «الوضع صعب. لكننا سنعمل» اليوم. وأضاف “لن نتراجع"
    assert [text[s:e] for s, e in sentence_ranges(text)] == [
        "قال: «الوضع صعب. لكننا سنعمل» اليوم.",
        "وأضاف “لن نتراجع",
    ]
    start, end = quotation_around(text, text.index("نتراجع"))
    assert text[start:end] == "لن نتراجع"


def test_quotation_inside_curly_quotes_and_guillemets() -> None:
    start, end = quotation_around(TEXT, TEXT.index("مستقر"))
    assert TEXT[start:end] == "الوضع مستقر"
    start, end = quotation_around(TEXT, TEXT.index("نتراجع"))
    assert TEXT[start:end] == "لن نتراجع"
    assert quotation_around(TEXT, TEXT.index("حسبما")) is None


def test_straight_and_reversed_curly_quotes_pair_in_order() -> None:
    text = 'قال "أولا" ثم ”ثانيا“ ثم "ثالثا"'
    for word in ("أولا", "ثانيا", "ثالثا"):
        start, end = quotation_around(text, text.index(word))
        assert text[start:end] == word


def test_clause_between_commas() -> None:
    start, end = clause_around(TEXT, TEXT.index("حسبما"))
    assert TEXT[start:end] == "حسبما أعلن"


@given(st.text(alphabet='اب جد،.؟“”«»"\n', max_size=40), st.integers(0, 39))
def test_ranges_are_inside_the_text_and_trimmed(text: str, index: int) -> None:
    index = min(index, max(len(text) - 1, 0))
    found = [*sentence_ranges(text), quotation_around(text, index), clause_around(text, index)]
    for stretch in filter(None, found):
        start, end = stretch
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
