"""`ListScope`: the outlet and the days the article list is narrowed to (a bar above it).

It only says what is wanted (an `ArticleFilter`, or None for the whole corpus); the list finds
the articles. A date that does not read is marked invalid and ignored until it does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.validation import Function
from textual.widgets import Input, Select

from annotations.corpus import ArticleFilter
from annotations.corpus.search_keys import ASCII_DIGITS
from tui.widgets.arabic_input import ArabicInput

#: Shapes an outlet name for display in a given width (the list's `shaped_line` bound to the
#: app's render mode).
Shape = Callable[[str, int], str]
OUTLET_WIDTH = 24


def parse_day(text: str) -> date | None:
    """A day written YYYY-MM-DD (Arabic-Indic digits too); None when empty or not a date."""
    try:
        return date.fromisoformat(text.strip().translate(ASCII_DIGITS))
    except ValueError:
        return None


class ListScope(Horizontal):
    """An outlet menu (with each outlet's number of articles) and since/until days."""

    class Changed(Message):
        """The scope changed: `where` is what to show (None: every article)."""

        def __init__(self, where: ArticleFilter | None) -> None:
            super().__init__()
            self.where = where

    def __init__(self, shape: Shape, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shape = shape
        #: (outlet, number of articles), most articles first; read when first shown.
        self.outlets: list[tuple[str, int]] = []
        self.where: ArticleFilter | None = None

    def compose(self) -> ComposeResult:
        yield Select(self._options(), prompt="All outlets", id="outlet")
        for name in ("since", "until"):
            yield ArabicInput(
                placeholder=f"{name} YYYY-MM-DD",
                id=name,
                validators=[Function(lambda text: not text.strip() or parse_day(text) is not None)],
            )

    def _options(self) -> list[tuple[str, str]]:
        return [
            (f"{self.shape(name, OUTLET_WIDTH - 8)} {count:>6}", name)
            for name, count in self.outlets
        ]

    def set_outlets(self, outlets: Sequence[tuple[str, int]]) -> None:
        self.outlets = list(outlets)
        self.redraw()

    def redraw(self) -> None:
        """Shape the outlet names again (the render mode changed), keeping the choice."""
        select = self.query_one("#outlet", Select)
        chosen = select.value
        with self.prevent(Select.Changed):
            select.set_options(self._options())
            select.value = chosen

    def focus_outlet(self) -> None:
        self.query_one("#outlet", Select).focus()

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        outlet = self.query_one("#outlet", Select).value
        since, until = (
            parse_day(self.query_one(f"#{name}", Input).value) for name in ("since", "until")
        )
        where = ArticleFilter(
            outlet=outlet if isinstance(outlet, str) else None, since=since, until=until
        )
        where = None if where == ArticleFilter() else where
        if where != self.where:
            self.where = where
            self.post_message(self.Changed(where))
