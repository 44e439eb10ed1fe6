"""`ReaderView`: an `ArticleView` that draws the session's marks and has no scroll keys.

The reader screen owns every key (word cursor, tags), so the view inherits no bindings. Each mark
is drawn with the style `tui.marks` gives its label and state.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotations.session import Mark
from tui.layout import StyledSpan
from tui.layout.paragraph import is_rtl_paragraph
from tui.layout.word_geometry import WordBox
from tui.marks import ENTITY_LABELS, mark_key, style_key
from tui.widgets.article_view import ArticleView


class ReaderView(ArticleView, inherit_bindings=False):
    """An article with its entities, annotations, suggestions, selection and cursor."""

    def show_marks(self, marks: Sequence[Mark]) -> None:
        """Draw these marks (logical offsets) under the cursor and selection."""
        self.set_spans(with_boundaries(self.layout_engine.text, marks))

    def show_focus(self, marks: Sequence[Mark]) -> None:
        """Draw these marks (the focused suggestion's) over the others: a move that changes
        only them repaints only their lines."""
        self.set_overlay([(mark.start, mark.end, mark_key(mark)) for mark in marks])

    def is_rtl_at(self, index: int) -> bool:
        """Whether the paragraph holding logical `index` reads right to left."""
        text = self.layout_engine.text
        start = text.rfind("\n", 0, index) + 1
        end = text.find("\n", index)
        return is_rtl_paragraph(text[start : end if end >= 0 else len(text)])

    def word_beside(self, index: int, lines: int) -> WordBox | None:
        """The word nearest the cell of `index`, `lines` screen lines down (up when negative),
        skipping lines that show no other word; None past the first or last line."""
        line, x, width = self.locate(index)
        step = 1 if lines > 0 else -1
        target = line + lines
        while 0 <= target < self.line_count:
            box = self.nearest_word(target, x + width // 2)
            if box is not None and not box.start <= index < box.end:
                return box
            target += step
        return None


def with_boundaries(text: str, marks: Sequence[Mark]) -> list[StyledSpan]:
    """The marks as styled spans; an entity that follows another of its label with at most one
    character between them (a space, a comma, the clitic و) alternates to the "-alt" look, so
    بنغازي ودرنة وأجدابيا shows three names, not one run."""
    keys = [mark_key(mark) for mark in marks]
    entities = sorted(
        (n for n, mark in enumerate(marks) if mark.state is None and mark.label in ENTITY_LABELS),
        key=lambda n: marks[n].start,
    )
    previous: tuple[int, str, bool] | None = None
    for n in entities:
        mark, alternate = marks[n], False
        if previous and previous[1] == mark.label and mark.start >= previous[0]:
            alternate = len(text[previous[0] : mark.start].strip()) <= 1 and not previous[2]
        if alternate:
            keys[n] = style_key(mark.label, "alternate")
        previous = (mark.end, mark.label, alternate)
    return [(mark.start, mark.end, key) for mark, key in zip(marks, keys, strict=True)]
