"""`StatisticsScreen`: the figures of the corpus and everyone's work as terminal bar charts
(the charts of `rawi report`), narrowed to an outlet and to publication days (the list's
`ListScope` bar).

The figures are counted in a thread worker (reading every stored record takes about 15 µs
each: a second for 100,000 annotations), the screen saying so meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static

from annotations.corpus import ArticleFilter
from annotations.figures import Figures
from tui.figure_charts import figure_charts, shown
from tui.layout import Mode
from tui.widgets.chart_view import ChartView
from tui.widgets.list_scope import ListScope
from tui.widgets.shaped import shaped_line


class StatisticsScreen(Screen[None]):
    """Charts over the articles of the outlet and days chosen (every article at first)."""

    AUTO_FOCUS = "#statistics"
    BINDINGS = [
        Binding("f", "scope", "Outlet and dates", id="statistics.scope"),
        Binding("o", "next_outlet", "Next outlet", id="statistics.outlet"),
        Binding("r", "recount", "Count again", id="statistics.recount"),
        Binding("escape,q", "close", "Back", id="statistics.close"),
    ]

    def __init__(
        self,
        figures_of: Callable[[ArticleFilter | None], Figures],
        outlets: Sequence[tuple[str, int]],
        mode: Mode,
        hide_harakat: bool,
    ) -> None:
        """`figures_of(where)`: the figures of the articles passing `where` (None: of all);
        `outlets`: each outlet with its number of articles."""
        super().__init__()
        self.figures_of = figures_of
        self.outlets = outlets
        self.where: ArticleFilter | None = None
        self.mode = mode
        self.hide_harakat = hide_harakat

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListScope(self._shape, id="statistics-filter")
        with VerticalScroll(id="statistics"):
            yield Static("Counting…", id="statistics-scope")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.query_one(ListScope).set_outlets(self.outlets)
        self.count(self.where)

    def _shape(self, text: str, width: int) -> str:
        return shaped_line(text, width, self.mode, self.hide_harakat)

    @work(thread=True, exclusive=True, group="statistics")
    def count(self, where: ArticleFilter | None) -> None:
        """Count the figures of the articles passing `where` away from the screen."""
        figures = self.figures_of(where)
        self.app.call_from_thread(self.draw, where, figures)

    async def draw(self, where: ArticleFilter | None, figures: Figures) -> None:
        """Every chart of `figures`, under a line saying what they count."""
        if where != self.where or not self.is_attached:  # changed since
            return
        scope = f"{figures.articles} article(s) of {_scope_name(where, self._shape)}"
        charts = self.query_one("#statistics", VerticalScroll)
        await charts.remove_children()
        await charts.mount(
            Static(scope + "  (f: outlet and dates, o: next outlet, r: count again)",
                   id="statistics-scope", markup=False),
            *(ChartView(chart, self.mode, self.hide_harakat) for chart in figure_charts(figures)),
        )

    def set_display(self, mode: Mode, hide_harakat: bool) -> None:
        """The render mode or the harakat setting changed: everything drawn again."""
        self.mode, self.hide_harakat = mode, hide_harakat
        self.query_one(ListScope).redraw()
        self.count(self.where)

    @on(ListScope.Changed)
    def scope_changed(self, event: ListScope.Changed) -> None:
        self.where = event.where
        self.count(self.where)

    def action_recount(self) -> None:
        """Count again: work saved since (another terminal, a browser session) shows."""
        self.count(self.where)

    def action_scope(self) -> None:
        self.query_one(ListScope).focus_outlet()

    def action_next_outlet(self) -> None:
        """Every outlet, then each in turn (the days chosen stay)."""
        select = self.query_one("#outlet", Select)
        names = [None, *(name for name, _count in self.outlets)]
        chosen = select.value if isinstance(select.value, str) else None
        following = names[(names.index(chosen) + 1) % len(names)]
        if following is None:
            select.clear()
        else:
            select.value = following

    def action_close(self) -> None:
        """Escape in the outlet and date fields goes back to the charts; else the screen closes."""
        if self.focused is not None and self.focused.parent is self.query_one(ListScope):
            self.query_one("#statistics", VerticalScroll).focus()
            return
        self.dismiss(None)


def _scope_name(where: ArticleFilter | None, shape: Callable[[str, int], str]) -> str:
    """'every outlet' or the outlet (shaped alone: the days stay left to right), and the days:
    'الجزيرة, 2019-01-01 to 2019-03-31'."""
    where = where or ArticleFilter()
    name = "every outlet" if where.outlet is None else shape(shown(where.outlet, "outlet"), 40)
    days = " to ".join(day.isoformat() if day else "…" for day in (where.since, where.until))
    return name if days == "… to …" else f"{name}, {days}"
