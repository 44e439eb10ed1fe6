"""Where the words of an article stand on screen, for moving a word cursor up and down."""

from __future__ import annotations

from dataclasses import dataclass

from annotations.arabic import tokenize
from tui.layout.article_layout import ArticleLayout


@dataclass(frozen=True, slots=True)
class WordBox:
    """A word [start, end) (logical) and the cells [x0, x1) it covers on one screen line."""

    start: int
    end: int
    x0: int
    x1: int


def words_on_line(layout: ArticleLayout, y: int) -> list[WordBox]:
    """The words (or word pieces) shown on screen line `y`, left to right."""
    line = layout.line(y)
    segment = layout.text[line.start : line.end]
    boxes = []
    for token in tokenize(segment):
        start, end = line.start + token.start, line.start + token.end
        cells = [(x0, x1) for row, x0, x1 in layout.span_cells(start, end) if row == y]
        if cells:
            boxes.append(WordBox(start, end, min(c[0] for c in cells), max(c[1] for c in cells)))
    return sorted(boxes, key=lambda box: box.x0)


def nearest_word(layout: ArticleLayout, y: int, x: int) -> WordBox | None:
    """The word on line `y` closest to cell `x` (None when the line shows no word)."""
    boxes = words_on_line(layout, y)
    if not boxes:
        return None
    return min(
        boxes,
        key=lambda box: 0 if box.x0 <= x < box.x1 else min(abs(box.x0 - x), abs(box.x1 - 1 - x)),
    )
