"""One vocabulary of mark styles: every label has one, and the reader and the legend agree."""

from __future__ import annotations

import asyncio
import re

from textual.app import App, ComposeResult
from textual.widgets import Label

from annotations.model import LABELS
from annotations.session import Mark
from tui.layout.terminal_output import render_article
from tui.marks import ENTITIES, LEGEND, MARK_STYLES, mark_key
from tui.widgets.article_view import ArticleView
from tui.widgets.legend import Legend


def test_every_label_and_state_has_a_style() -> None:
    assert {mark_key(Mark(0, 1, label)) for label in LABELS} <= MARK_STYLES.keys()
    for state in ("suggested", "focused", "proposed", "linking"):
        assert mark_key(Mark(0, 1, "SOURCE", state)) in MARK_STYLES
    assert mark_key(Mark(0, 1, "CUE", "focused")) == mark_key(Mark(0, 1, "SOURCE", "focused"))


def test_rawi_show_colours_every_entity_label_its_own_way() -> None:
    codes = set()
    for label in ENTITIES:
        line = render_article("مصر", [(0, 3, mark_key(Mark(0, 3, label)))], color=True)[0]
        codes.add(re.search(r"\x1b\[([0-9;]+)m", line)[1])
    assert len(codes) == len(ENTITIES) and all(code.startswith("1;3") for code in codes)


class _Both(App):
    def compose(self) -> ComposeResult:
        yield Legend()
        yield ArticleView("مصر")


def test_the_legend_shows_each_label_as_the_reader_draws_it() -> None:
    asyncio.run(_compare())


async def _compare() -> None:
    app = _Both()
    async with app.run_test(size=(120, 10)):
        view, legend = app.query_one(ArticleView), app.query_one(Legend)
        keys = [mark_key(Mark(0, 1, name, state)) for _, names, state in LEGEND for name in names]
        assert len(legend.query(Label)) == len(keys) + len(LEGEND)  # and a heading per group
        for key in keys:
            [label] = legend.query(f".legend--{key}")
            shown = label.rich_style
            drawn = view.get_component_rich_style(f"article-view--{key}", partial=True)
            assert drawn.color or drawn.bgcolor, key
            assert shown.color == drawn.color if drawn.color else True, key
            assert shown.bgcolor == drawn.bgcolor if drawn.bgcolor else True, key
            for attribute in ("bold", "italic", "underline"):
                assert bool(getattr(shown, attribute)) == bool(getattr(drawn, attribute)), key
