"""`StatisticsScreen`: the figures of the corpus and everyone's work as terminal bar charts
(the charts of `rawi report`), for every article or one outlet at a time.

The figures are counted in a thread worker (reading every stored record takes about 15 µs
each: a second for 100,000 annotations), the screen saying so meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotations.figures import Figures
from tui.figure_charts import figure_charts, shown
from tui.layout import Mode
from tui.widgets.chart_view import ChartView
from tui.widgets.shaped import shaped_line


class StatisticsScreen(Screen[None]):
    """Charts over the articles of every outlet, or of the outlet `o` chose."""

    BINDINGS = [
        Binding("o", "next_outlet", "Next outlet", id="statistics.outlet"),
        Binding("r", "recount", "Count again", id="statistics.recount"),
        Binding("escape,q", "close", "Back", id="statistics.close"),
    ]

    def __init__(
        self,
        figures_of: Callable[[str | None], Figures],
        outlets: Sequence[str],
        mode: Mode,
        hide_harakat: bool,
    ) -> None:
        """`figures_of(outlet)`: the figures of one outlet's articles (None: of all)."""
        super().__init__()
        self.figures_of = figures_of
        self.outlets: list[str | None] = [None, *outlets]
        self.outlet: str | None = None
        self.mode = mode
        self.hide_harakat = hide_harakat

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="statistics"):
            yield Static("Counting…", id="statistics-scope")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.count(self.outlet)

    @work(thread=True, exclusive=True, group="statistics")
    def count(self, outlet: str | None) -> None:
        """Count the figures of `outlet` (None: every outlet) away from the screen."""
        figures = self.figures_of(outlet)
        self.app.call_from_thread(self.draw, outlet, figures)

    async def draw(self, outlet: str | None, figures: Figures) -> None:
        """Every chart of `figures`, under a line saying what they count."""
        if outlet != self.outlet or not self.is_attached:  # left since
            return
        name = "every outlet" if outlet is None else shown(outlet, "outlet")
        scope = f"{figures.articles} article(s) of {shaped_line(name, 60, self.mode)}"
        charts = self.query_one("#statistics", VerticalScroll)
        await charts.remove_children()
        await charts.mount(
            Static(scope + "  (o: next outlet, r: count again)", id="statistics-scope",
                   markup=False),
            *(ChartView(chart, self.mode, self.hide_harakat) for chart in figure_charts(figures)),
        )

    def set_display(self, mode: Mode, hide_harakat: bool) -> None:
        """The render mode or the harakat setting changed: everything drawn again."""
        self.mode, self.hide_harakat = mode, hide_harakat
        self.count(self.outlet)

    def action_recount(self) -> None:
        """Count again: work saved since (another terminal, a browser session) shows."""
        self.count(self.outlet)

    def action_next_outlet(self) -> None:
        self.outlet = self.outlets[(self.outlets.index(self.outlet) + 1) % len(self.outlets)]
        self.count(self.outlet)

    def action_close(self) -> None:
        self.dismiss(None)
