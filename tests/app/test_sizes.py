"""The list and the reader at any terminal size: the list's columns share the width beyond
their own (the title grows) and its header scrolls sideways with the rows; the reader's
annotations panel leaves the article most of a small screen."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from tui.app import RawiApp
from tui.widgets.article_table import Column, fit_columns


def screen_lines(app: RawiApp) -> list[str]:
    """The terminal's lines as drawn."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def play(app: RawiApp, size: tuple[int, int], scenario) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(run())


def test_fit_columns_shares_the_extra_width_by_weight() -> None:
    columns = (Column("a", "A", 10, grow=3), Column("b", "B", 5, grow=1), Column("c", "C", 4))
    assert [c.width for c in fit_columns(columns, 21)] == [10, 5, 4]  # 10+5+4 and 2 gaps
    assert [c.width for c in fit_columns(columns, 15)] == [10, 5, 4]  # never narrower
    assert [c.width for c in fit_columns(columns, 30)] == [17, 7, 4]  # 9 more: 6 (+1) and 2


def test_at_200_columns_the_title_grows_and_the_row_fills_the_width(build) -> None:
    async def scenario(pilot: Pilot) -> None:
        table = pilot.app.screen.table
        title, outlet, *counts = table.columns
        assert title.width > 100 and outlet.width > 18
        assert [c.width for c in counts] == [10, 7, 8, 6, 7, 11]  # date, words... status
        width = table.scrollable_content_region.width
        assert sum(c.width + 1 for c in table.columns) - 1 == width
        assert table.max_scroll_x == 0
        header, first = screen_lines(pilot.app)[1:3]
        assert header.index("Status") == first.index("todo")
        # the longest seed title is drawn whole, not cut with an ellipsis as at 120 columns
        assert "…" not in screen_lines(pilot.app)[2]

    play(build(), (200, 50), scenario)


def test_at_80_columns_the_header_scrolls_with_the_rows(build) -> None:
    async def scenario(pilot: Pilot) -> None:
        lines = screen_lines(pilot.app)
        assert "Status" not in lines[1] and "todo" not in lines[2]
        table = pilot.app.screen.table
        assert table.max_scroll_x > 30
        await pilot.press(*["right"] * 40)
        await pilot.pause()
        assert table.scroll_x == table.max_scroll_x  # the rows' right end in sight
        header, first = screen_lines(pilot.app)[1:3]
        assert header.index("Status") == first.index("todo")
        assert header.index("Words") + len("Words") == first.index(" 422") + len(" 422")
        await pilot.press(*["left"] * 40)
        await pilot.pause()
        assert screen_lines(pilot.app)[1] == lines[1]

    play(build(), (80, 24), scenario)


def test_at_80_columns_the_panel_leaves_the_article_most_of_the_width(build) -> None:
    async def scenario(pilot: Pilot) -> None:
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("t")
        await pilot.pause()
        panel, article = pilot.app.screen.query_one("#panel"), pilot.app.screen.view
        assert panel.display and panel.size.width > 20
        assert article.size.width >= 80 // 2

    play(build(), (80, 24), scenario)
