"""`ArticleView`: an article drawn line by line from the layout layer (Textual Line API).

The widget only draws: it holds the text, the styled spans, a cursor span and a selection span, and
answers geometry questions (where is this offset, which word is nearest on the next line) from the
layout. What the spans mean and how the cursor moves belong to the app.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.layout import (
    ArticleLayout,
    Mode,
    SpanIndex,
    StyledSpan,
    WordBox,
    nearest_word,
    styled_runs,
    words_on_line,
)
from tui.marks import Depth, depth_of, mark_style


class ArticleView(ScrollView, can_focus=True):
    """A scrollable, right-aligned article that re-wraps on resize."""

    DEFAULT_CSS = "ArticleView { background: $surface; color: $foreground; }"

    def __init__(
        self,
        text: str = "",
        spans: Sequence[StyledSpan] = (),
        *,
        mode: Mode = "visual",
        hide_harakat: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._mode: Mode = mode
        self._hide_harakat = hide_harakat
        self._spans = SpanIndex(spans)
        self._overlay: tuple[StyledSpan, ...] = ()
        self._cursor: tuple[int, int] | None = None
        self._selection: tuple[int, int] | None = None
        self._layout = ArticleLayout(text, mode, hide_harakat)

    # What the app sets.

    def set_text(self, text: str, spans: Sequence[StyledSpan] = ()) -> None:
        """Show another text (its layout is prepared once, whatever the width)."""
        self._layout = ArticleLayout(text, self._mode, self._hide_harakat)
        self._spans = SpanIndex(spans)
        self._cursor = self._selection = None
        self._rewrap()

    def set_display(self, mode: Mode, hide_harakat: bool) -> None:
        """Lay the same text out again in another render mode, or with harakat hidden or shown
        (the caller sets cursor and selection again)."""
        self._mode, self._hide_harakat = mode, hide_harakat
        self.set_text(self._layout.text, self._spans.spans)

    def set_spans(self, spans: Sequence[StyledSpan]) -> None:
        """Replace the styled spans (logical offsets, keys of `tui.marks.MARK_KEYS`)."""
        self._spans = SpanIndex(spans)
        self.refresh()

    def set_overlay(self, spans: Sequence[StyledSpan]) -> None:
        """A few spans that change often, drawn over the others (under selection and cursor):
        only their lines are repainted."""
        for start, end, _key in set(self._overlay) ^ set(spans):
            self._refresh_range((start, end))
        self._overlay = tuple(spans)

    def set_cursor(self, start: int | None, end: int | None = None) -> None:
        """Draw the cursor on logical [start, end) (a single character when `end` is None)."""
        cursor = None if start is None else (start, start + 1 if end is None else end)
        if cursor != self._cursor:
            self._refresh_range(self._cursor)
            self._refresh_range(cursor)
        self._cursor = cursor

    def set_selection(self, start: int | None, end: int | None = None) -> None:
        """Draw the selection on logical [start, end), or clear it with None."""
        selection = None if start is None or end is None else (min(start, end), max(start, end))
        if selection != self._selection:
            self._refresh_range(self._selection)
            self._refresh_range(selection)
        self._selection = selection

    def _refresh_range(self, span: tuple[int, int] | None) -> None:
        """Repaint only the screen lines showing logical `span`: a keystroke in a long article
        redraws a line or two, not the screen."""
        if span is None:
            return
        if not self._layout.width:
            self.refresh()
            return
        first = self._layout.locate(span[0])[0]
        last = self._layout.locate(max(span[1] - 1, span[0]))[0]
        self.refresh_lines(first, last - first + 1)

    # What the app asks.

    @property
    def layout_engine(self) -> ArticleLayout:
        return self._layout

    @property
    def line_count(self) -> int:
        return self._layout.line_count

    def locate(self, index: int) -> tuple[int, int, int]:
        """Logical `index` -> (line, x, width) in the current wrapping."""
        return self._layout.locate(index)

    def index_at(self, line: int, x: int) -> int | None:
        """(line, x) -> the logical index shown there, or None."""
        return self._layout.index_at(line, x)

    def words_on_line(self, line: int) -> list[WordBox]:
        return words_on_line(self._layout, line)

    def nearest_word(self, line: int, x: int) -> WordBox | None:
        """The word on `line` nearest cell `x`: where up/down movement lands."""
        if not 0 <= line < self._layout.line_count:
            return None
        return nearest_word(self._layout, line, x)

    def scroll_to_index(self, index: int, animate: bool = False) -> None:
        """Scroll so that the line showing logical `index` is visible."""
        line, _x, _width = self._layout.locate(index)
        if line < self.scroll_offset.y:
            self.scroll_to(y=line, animate=animate)
        elif line >= self.scroll_offset.y + self.scrollable_content_region.height:
            self.scroll_to(y=line - self.scrollable_content_region.height + 1, animate=animate)

    # Drawing.

    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        """Wrap to the content width (a no-op while the widget has no size yet)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._layout.wrap(width)
        self.virtual_size = Size(width, self._layout.line_count)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._layout.width:  # a scrollbar came or went: wrap again after this frame
            self.call_later(self._rewrap)
        scroll_x, scroll_y = self.scroll_offset
        number = y + scroll_y
        base = self.visual_style.rich_style  # cached, unlike `rich_style`
        if number >= self._layout.line_count or not self._layout.width:
            return Strip.blank(width, base)
        line = self._layout.line(number)
        spans = self._spans.overlapping(line.start, line.end) + list(self._overlay)
        if self._selection:
            spans.append((*self._selection, "selection"))
        if self._cursor:
            spans.append((*self._cursor, "cursor"))
        segments = [
            Segment(run, base + self.span_style(keys)) for run, keys in styled_runs(line, spans)
        ]
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, base)

    @property
    def depth(self) -> Depth:
        """The palette this view draws with (`app_depth`)."""
        return app_depth(self.app)

    def span_style(self, keys: tuple[str, ...]) -> Style:
        """The style of a run covered by spans with these keys ("selection" and "cursor"
        last), layered by `tui.marks.mark_style` in this terminal's palette."""
        return mark_style(keys, self.depth)


def app_depth(app: App) -> Depth:
    """The palette of marks: the app's `colour_depth` when it has one (rawi's `colors`
    setting), else the terminal's colour depth."""
    return getattr(app, "colour_depth", None) or depth_of(app.console.color_system)
