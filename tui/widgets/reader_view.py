"""`ReaderView`: the layout worker's `ArticleView` with the reader's own marks and no scroll keys.

The reader screen owns every key (word cursor, tags), so the view inherits no bindings. Each mark
kind of `annotations.session.Mark` has a component class `reader-view--KIND` styled in rawi.tcss,
which the view applies through ArticleView's `span_style` hook.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style

from annotations.session import Mark
from annotations.session.suggestions import FOCUS_STYLE, STYLE_KEYS
from tui.layout.paragraph import is_rtl_paragraph
from tui.layout.word_geometry import WordBox
from tui.widgets.article_view import ArticleView

#: Mark kinds drawn, in the order of the legend; later styles are drawn over earlier ones.
ENTITY_KINDS = ("PER", "ORG", "LOC", "MISC")
ANNOTATION_KINDS = ("SOURCE", "CUE", "CONTENT", "CLAIM")
#: Pending suggestions, by label ("suggested-source" ...), then the one under the cursor.
SUGGESTION_KINDS = (*STYLE_KEYS.values(), FOCUS_STYLE)
STATE_KINDS = ("proposal", "link", "selection", "cursor")
KINDS = (*ENTITY_KINDS, *ANNOTATION_KINDS, *SUGGESTION_KINDS, *STATE_KINDS)


class ReaderView(ArticleView, inherit_bindings=False):
    """An article with entity, annotation, suggestion, selection and cursor styles from CSS."""

    COMPONENT_CLASSES = {f"reader-view--{kind.lower()}" for kind in KINDS}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._styles: dict[tuple[str, ...], Style] = {}

    def show_marks(self, marks: Sequence[Mark]) -> None:
        """Draw these marks (logical offsets) under the cursor and selection."""
        self.set_spans([(start, end, kind) for start, end, kind in marks])

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

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def span_style(self, keys: tuple[str, ...]) -> Style:
        """The combined `reader-view--KEY` styles of a run covered by marks `keys` (cached)."""
        style = self._styles.get(keys)
        if style is None:
            styles = [
                self.get_component_rich_style(f"reader-view--{key.lower()}", partial=True)
                for key in keys
            ]
            style = self._styles[keys] = Style.combine([Style(), *styles])
        return style
