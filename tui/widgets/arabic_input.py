"""`ArabicInput`: Textual's `Input` drawn through the layout engine.

The value stays logical text: the cursor, Backspace, Delete and the selection act on logical
characters as in `Input`. Only the drawing and the cell <-> index maps change: the value is
shaped and put in display order (Arabic right to left, Latin and digits left to right inside
it), a right-to-left value stands at the right edge of the field, and the cursor, the selection
and mouse clicks land on the cells that show their characters. In terminal render mode the
logical text is drawn (the terminal orders it).
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import Input

from tui.layout import ArticleLayout, Mode, ScreenLine, styled_runs
from tui.layout.paragraph import is_rtl_paragraph
from tui.widgets.steady_size import SteadySize


@lru_cache(maxsize=256)
def _field_line(value: str, mode: Mode, hide_harakat: bool) -> tuple[ScreenLine, bool]:
    """The value as one screen line, glyphs from cell 0, and whether it reads right to left."""
    layout = ArticleLayout(value, mode, hide_harakat)
    width = sum(p.prefix[-1] for p in layout.paragraphs) + 1
    layout.wrap(width)
    line = layout.line(0)
    shift = line.xs[0] if line.xs else 0
    placed = ScreenLine(
        line.width - shift,
        line.start,
        line.end,
        [x - shift for x in line.xs],
        line.widths,
        line.texts,
        line.starts,
        line.ends,
        line.positions,
    )
    return placed, mode == "visual" and is_rtl_paragraph(value)


class ArabicInput(SteadySize, Input):
    """A one-line text field that shows Arabic joined and right to left as it is typed (a key
    repaints it without laying out the screen: `SteadySize`).

    The display mode follows the app's (`render_mode`, `config.hide_harakat`) when it has them.
    """

    @property
    def _display(self) -> tuple[Mode, bool]:
        app = self.app
        config = getattr(app, "config", None)
        return getattr(app, "render_mode", "visual"), bool(getattr(config, "hide_harakat", False))

    @property
    def _line(self) -> tuple[ScreenLine, bool]:
        return _field_line(self.value.replace("\n", " "), *self._display)

    @property
    def _text_cells(self) -> int:
        line, _rtl = self._line
        return sum(line.widths)

    @property
    def content_width(self) -> int:
        if self.placeholder and not self.value:
            return super().content_width
        return self._text_cells + 1

    @property
    def _pad(self) -> int:
        """Blank cells left of a right-to-left value that fits, so it stands at the right edge."""
        _line, rtl = self._line
        if not rtl or not self.value:
            return 0
        return max(self.scrollable_content_region.width - self.content_width, 0)

    def _position_to_cell(self, position: int) -> int:
        """The cell (from the text's left edge, the caret cell of an RTL value included) where
        the caret before logical `position` is drawn."""
        line, rtl = self._line
        caret = 1 if rtl else 0
        if position >= len(self.value):
            return 0 if rtl else self._text_cells
        k = line.positions[position - line.start]
        return line.xs[k] + caret

    @property
    def _cursor_offset(self) -> int:
        return self._position_to_cell(self.cursor_position)

    @property
    def cursor_screen_offset(self) -> Offset:
        x, y, _width, _height = self.content_region
        scroll_x, _ = self.scroll_offset
        return Offset(x + self._pad + self._cursor_offset - scroll_x, y)

    def _cell_offset_to_index(self, offset: int) -> int:
        """A clicked cell -> the logical index shown there (the end past the text)."""
        line, rtl = self._line
        scroll_x, _ = self.scroll_offset
        x = offset + scroll_x - self._pad - (1 if rtl else 0)
        k = line.glyph_at(x) if x >= 0 else None
        return len(self.value) if k is None else line.starts[k]

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.value:
            return super().render_line(y)
        line, rtl = self._line
        spans = []
        if self.has_focus:
            start, end = sorted(self.selection)
            if start != end:
                spans.append((start, end, "selection"))
            if self._cursor_visible and not self.cursor_at_end:
                spans.append((self.cursor_position, self.cursor_position + 1, "cursor"))
        styles = {
            keys: self.get_component_rich_style(f"input--{keys[-1]}") if keys else None
            for keys in {(), ("selection",), ("cursor",), ("selection", "cursor")}
        }
        segments = [Segment(run, styles[keys]) for run, keys in styled_runs(line, spans)]
        caret = Segment(" ", styles[("cursor",)] if self._caret_at_end_shown else None)
        segments = [caret, *segments] if rtl else [*segments, caret]
        width = self.scrollable_content_region.width
        scroll_x, _ = self.scroll_offset
        strip = Strip([Segment(" " * self._pad), *segments])
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

    @property
    def _caret_at_end_shown(self) -> bool:
        return self.has_focus and self._cursor_visible and self.cursor_at_end
