"""`ArticleTable`: a virtual table (Line API) that draws only the rows on screen.

Textual's DataTable measures every cell of every row, seconds for 10,000 articles; this table
costs the same for 5 rows or 10,000. The screen gives it a sequence of rows (it reads only the
rows on screen and their number), a function that turns a row into cell texts (Arabic cells
come already shaped, in display order) and one that names a row's article. New rows repaint
the table without laying out the screen, unless the scroll bar comes or goes (`SteadySize`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.steady_size import SteadySize


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key, header label, (least) width in cells, alignment ("left" or "right")
    and its share of the width left over (0: none)."""

    key: str
    label: str
    width: int
    align: str = "left"
    grow: int = 0


def fit_columns(columns: Sequence[Column], width: int) -> tuple[Column, ...]:
    """`columns` with the cells of `width` beyond their own shared among those that grow, in
    proportion to their `grow` (the first of them takes the remainder)."""
    extra = width - (sum(column.width + 1 for column in columns) - 1)
    weights = sum(column.grow for column in columns)
    if extra <= 0 or not weights:
        return tuple(columns)
    shares = [extra * column.grow // weights for column in columns]
    first = next(n for n, column in enumerate(columns) if column.grow)
    shares[first] += extra - sum(shares)
    return tuple(
        replace(column, width=column.width + share)
        for column, share in zip(columns, shares, strict=True)
    )


CellsOf = Callable[[Any, int], Sequence[str]]
IdOf = Callable[[Any], str]


def _cell(text: str, column: Column) -> str:
    """`text` padded to the column's width in cells (callers fit it: Arabic comes shaped, in
    display order, so cutting characters here would drop the start of a title or its harakat)."""
    padding = " " * max(column.width - cell_len(text), 0)
    return padding + text if column.align == "right" else text + padding


class TableHeader(Widget):
    """The column labels, scrolled sideways with the table's rows (`follow`); clicking one asks
    the table to sort by it."""

    class Sort(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, columns: Sequence[Column], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.columns = tuple(columns)
        self.sort_key: str | None = None
        self.reverse = False
        #: How far the rows are scrolled sideways, in cells.
        self.shift = 0

    def render(self) -> Content:
        arrow = " ▼" if self.reverse else " ▲"
        labels = " ".join(
            _cell(c.label + (arrow if c.key == self.sort_key else ""), c) for c in self.columns
        )
        return Content(labels[self.shift :])  # labels are ASCII: one cell per character

    def follow(self, columns: Sequence[Column], shift: int) -> None:
        """Draw `columns` (their widths as the rows have them), scrolled by `shift` cells."""
        self.columns, self.shift = tuple(columns), shift
        self.refresh()

    def show_sort(self, key: str | None, reverse: bool) -> None:
        self.sort_key, self.reverse = key, reverse
        self.refresh()

    def on_click(self, event: Click) -> None:
        x = -self.shift
        for column in self.columns:
            if x <= event.x < x + column.width + 1:
                self.post_message(self.Sort(column.key))
                return
            x += column.width + 1


class ArticleTable(SteadySize, ScrollView, can_focus=True):
    """Rows of articles with a row cursor; a double click posts `Selected` (the screen binds
    Enter, so that the keymap can remap it). The columns share the width beyond their own
    (`fit_columns`); a `header` is kept over them."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
    ]
    COMPONENT_CLASSES = {"article-table--cursor"}

    cursor_row: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(
        self,
        columns: Sequence[Column],
        cells_of: CellsOf,
        id_of: IdOf,
        header: TableHeader | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        #: The columns at their least widths, and as drawn (fitted to the width).
        self.least_columns = self.columns = tuple(columns)
        self.cells_of, self.id_of = cells_of, id_of
        self.header = header
        self.rows: Sequence[Any] = ()

    def set_rows(self, rows: Sequence[Any], cursor: int = 0) -> None:
        """Show `rows` (read as they come on screen), the cursor on row `cursor`."""
        self.rows = rows
        self._fit()
        self.cursor_row = cursor
        self.refresh()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The columns fitted to the width the rows have, the header following them."""
        height = len(self.rows)
        self.virtual_size = Size(self.virtual_size.width, height)  # the scroll bar comes or goes
        self.columns = fit_columns(self.least_columns, self.scrollable_content_region.width)
        self.virtual_size = Size(sum(c.width + 1 for c in self.columns) - 1, height)
        self._follow()

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self._follow()

    def _follow(self) -> None:
        if self.header is not None:
            self.header.follow(self.columns, round(self.scroll_x))

    @property
    def highlighted(self) -> str | None:
        if 0 <= self.cursor_row < len(self.rows):
            return self.id_of(self.rows[self.cursor_row])
        return None

    def watch_cursor_row(self, row: int) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif height and row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        self.cursor_row = max(0, min(self.cursor_row + step, len(self.rows) - 1))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(self.scrollable_content_region.height - 1, 1))

    def action_jump(self, row: int) -> None:
        self.cursor_row = max(len(self.rows) - 1, 0) if row < 0 else row

    def on_click(self, event: Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            if row == self.cursor_row and event.chain > 1:
                self.post_message(self.Selected(self.id_of(self.rows[row])))
            self.cursor_row = row

    def render_line(self, y: int) -> Strip:
        number = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if number >= len(self.rows):
            return Strip.blank(width, base)
        cells = self.cells_of(self.rows[number], number)
        text = " ".join(
            _cell(cell, column) for cell, column in zip(cells, self.columns, strict=True)
        )
        style = base
        if number == self.cursor_row:
            style = base + self.get_component_rich_style("article-table--cursor")
        return Strip([Segment(text, style)]).crop_extend(
            self.scroll_offset.x, self.scroll_offset.x + width, style
        )
