"""`StatisticsScreen`: the figures of the corpus and everyone's work as terminal bar charts
(the charts of `rawi report`), for every article or one outlet at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
        yield VerticalScroll(id="statistics")
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = "Statistics"
        await self.show()

    async def show(self) -> None:
        """Count again for the chosen outlet and redraw every chart."""
        figures = self.figures_of(self.outlet)
        outlet = "every outlet" if self.outlet is None else shown(self.outlet, "outlet")
        scope = f"{figures.articles} article(s) of {shaped_line(outlet, 60, self.mode)}"
        charts = self.query_one("#statistics", VerticalScroll)
        await charts.remove_children()
        await charts.mount(
            Static(scope + "  (o: next outlet)", id="statistics-scope", markup=False),
            *(ChartView(chart, self.mode, self.hide_harakat) for chart in figure_charts(figures)),
        )

    async def action_next_outlet(self) -> None:
        self.outlet = self.outlets[(self.outlets.index(self.outlet) + 1) % len(self.outlets)]
        await self.show()

    def action_close(self) -> None:
        self.dismiss(None)
