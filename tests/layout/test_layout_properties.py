"""Property tests: the maps are exact inverse bijections and spans land on exactly their cells."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.arabic import tokenize
from tui.layout import ArticleLayout, SpanIndex, styled_runs

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئ"
ALPHABET = (
    ARABIC * 3
    + "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # harakat
    + "\u0640"  # tatweel
    + "abcXYZ"
    + "0123456789٠١٢٣"
    + ".,:؛،!?-/%"
    + "()[]{}«»"
    + "    \u00a0\n"
    + "\u200d\u200c\u200f\u2067\u2069\ufe70"  # ZWJ, ZWNJ, RLM, RLI, PDI, spacing fathatan
)
texts = st.text(alphabet=ALPHABET, max_size=120)
widths = st.integers(min_value=1, max_value=30)
modes = st.sampled_from(["visual", "terminal"])


def _laid_out(text: str, width: int, mode: str) -> ArticleLayout:
    layout = ArticleLayout(text, mode)
    layout.wrap(width)
    return layout


@settings(max_examples=400, deadline=None)
@given(texts, widths, modes)
def test_every_character_is_placed_exactly_once(text: str, width: int, mode: str) -> None:
    layout = _laid_out(text, width, mode)
    placed: list[int] = []
    for y in range(layout.line_count):
        line = layout.line(y)
        assert sum(g.width for g in line.glyphs) <= width
        assert all(g.x >= 0 and g.x + g.width <= width for g in line.glyphs)
        for glyph in line.glyphs:
            placed.extend(range(glyph.start, glyph.end))
    assert sorted(placed) == [i for i, char in enumerate(text) if char != "\n"]
    assert len(placed) == len(set(placed))


@settings(max_examples=400, deadline=None)
@given(texts, widths, modes)
def test_maps_are_inverse_bijections_on_visible_characters(
    text: str, width: int, mode: str
) -> None:
    layout = _laid_out(text, width, mode)
    seen_cells = set()
    for y in range(layout.line_count):
        for glyph in layout.line(y).glyphs:
            for index in range(glyph.start, glyph.end):
                assert layout.locate(index) == (y, glyph.x, glyph.width)
            for x in range(glyph.x, glyph.x + glyph.width):
                assert layout.index_at(y, x) == glyph.start
                assert (y, x) not in seen_cells
                seen_cells.add((y, x))
    for y in range(layout.line_count):
        for x in range(width):
            index = layout.index_at(y, x)
            if index is not None:
                line, x0, cells = layout.locate(index)
                assert line == y and x0 <= x < x0 + cells


@settings(max_examples=400, deadline=None)
@given(texts, widths)
def test_arabic_word_spans_read_back_right_to_left(text: str, width: int) -> None:
    layout = _laid_out(text, width, "visual")
    words = [
        t
        for t in tokenize(text)
        if all(c in ARABIC or unicodedata.combining(c) or c == "\u0640" for c in t.text)
    ]
    spans = [(t.start, t.end, "entity") for t in words]
    for y in range(layout.line_count):
        runs = styled_runs(layout.line(y), spans)
        assert "".join(run for run, _ in runs).rstrip() == layout.line(y).plain.rstrip()
    for word in words:
        shown = []
        for y in range(layout.line_of(word.start), layout.line_of(word.end - 1) + 1):
            covered = [
                g.text for g in layout.line(y).glyphs if g.start < word.end and word.start < g.end
            ]
            shown.extend(reversed(covered))
        assert _nfkc("".join(shown)) == _nfkc(_lam_alef_marks_last(word.text))
        covered_cells = {
            (y, x) for y, x0, x1 in layout.span_cells(word.start, word.end) for x in range(x0, x1)
        }
        styled = set()
        for y in {y for y, _, _ in layout.span_cells(word.start, word.end)}:
            x = 0
            for run, keys in styled_runs(layout.line(y), [(word.start, word.end, "entity")]):
                if keys:
                    styled.update((y, x + k) for k in range(_cells(run)))
                x += _cells(run)
        assert styled == covered_cells


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _lam_alef_marks_last(text: str) -> str:
    """The order a lam-alef ligature shows its letters in: one glyph, the lam's harakat after it
    (لَا is drawn ﻻ + fatha), so they read back after the alef."""
    return _LAM_MARKS_ALEF.sub(r"\1\3\2", text)


_LAM_MARKS_ALEF = re.compile("(\u0644)([\u064b-\u0652]+)([\u0622\u0623\u0625\u0627])")


def _cells(run: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in run)


spans_lists = st.lists(
    st.tuples(st.integers(0, 2000), st.integers(0, 700), st.sampled_from("abc")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(spans_lists, st.integers(0, 2100), st.integers(0, 300))
def test_span_index_finds_exactly_the_overlapping_spans_in_order(spans, start, length) -> None:
    end = start + length
    expected = [span for span in spans if span[0] < end and start < span[1]]
    assert SpanIndex(spans).overlapping(start, end) == expected
