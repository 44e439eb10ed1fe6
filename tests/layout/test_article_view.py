"""ArticleView: right-aligned lines from the layout, spans on their cells, re-wrap on resize."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from tui.widgets.article_view import ArticleView

TEXT = (
    "تلقى الرئيس المصري عبد الفتاح السيسي اتصالاً من الرئيس الفرنسي إيمانويل ماكرون"
    " في قمة G7 عام 2019."
)
SISI = TEXT.index("السيسي")


class _ViewApp(App):
    def compose(self) -> ComposeResult:
        yield ArticleView(TEXT, [(SISI, SISI + 6, "per")])


def test_lines_spans_cursor_and_resize() -> None:
    asyncio.run(_drive())


async def _drive() -> None:
    app = _ViewApp()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(ArticleView)
        layout = view.layout_engine
        assert view.line_count == layout.line_count > 1
        first = view.render_line(0)
        assert first.cell_length == 40
        assert first.text.rstrip() == layout.line(0).plain.rstrip()
        person = view.span_style(("per",))
        line, x0, x1 = layout.span_cells(SISI, SISI + 6)[0]
        cells = _styled_cells(view.render_line(line), person)
        assert cells == set(range(x0, x1))

        view.set_cursor(0, 4)
        await pilot.pause()
        cursor = view.span_style(("cursor",))
        y, x, _ = view.locate(0)
        assert x in _styled_cells(view.render_line(y), cursor)

        before = view.line_count
        await pilot.resize_terminal(80, 10)
        await pilot.pause()
        assert view.line_count < before
        assert view.render_line(0).cell_length == 80
        box = view.nearest_word(1, 40)
        assert box is not None and TEXT[box.start : box.end].strip()


def _styled_cells(strip, style) -> set[int]:
    cells, x = set(), 0
    for segment in strip:
        width = segment.cell_length
        if (style.color and segment.style and segment.style.color == style.color) or (
            style.reverse and segment.style and segment.style.reverse
        ):
            cells.update(range(x, x + width))
        x += width
    return cells


class _LongApp(App):
    def compose(self) -> ComposeResult:
        yield ArticleView("\n".join([TEXT] * 20))


def test_wraps_to_the_width_left_by_the_scrollbar() -> None:
    asyncio.run(_drive_long())


async def _drive_long() -> None:
    app = _LongApp()
    async with app.run_test(size=(50, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        content = view.scrollable_content_region.width
        assert view.show_vertical_scrollbar and content < 50
        assert view.layout_engine.width == content
        assert view.virtual_size.height == view.line_count
        view.scroll_to_index(len(view.layout_engine.text) - 1)
        await pilot.pause()
        assert view.scroll_offset.y == view.line_count - view.scrollable_content_region.height
