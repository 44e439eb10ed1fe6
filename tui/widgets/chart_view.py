"""`ChartView`: a `tui.figure_charts.Chart` as bars in the terminal, beside their numbers.

Right to left like the report: each label (shaped and ordered by the layout engine) on the
right, its bar growing leftwards, its number before it; one colour per series, named on a
legend line when there are several, each series' number then given in its colour (the first
series on the right, as in the bar).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from tui.figure_charts import COUNT, SERIES_COLOURS, Chart
from tui.layout import Mode
from tui.widgets.shaped import shaped_line

#: Cells of the label column and (at least) of the numbers.
LABEL_CELLS = 26
NUMBER_CELLS = 6
BAR = "█"


class ChartView(Widget):
    """One chart, its title above; as wide as its container, one line per row."""

    def __init__(self, chart: Chart, mode: Mode, hide_harakat: bool) -> None:
        super().__init__()
        self.chart = chart
        self.mode = mode
        self.hide_harakat = hide_harakat

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The title, the legend of a stacked chart, one line per row."""
        return 1 + (self.chart.series != (COUNT,)) + len(self.chart.rows)

    def render(self) -> Text:
        numbers = [self._numbers(row.values) for row in self.chart.rows]
        number_cells = max(NUMBER_CELLS, *(number.cell_len for number in numbers))
        width = max(self.size.width, LABEL_CELLS + number_cells + 10)
        lines = [Text(self.chart.title, style="bold")]
        if self.chart.series != (COUNT,):
            lines.append(self._legend(width))
        bar_cells = width - LABEL_CELLS - number_cells - 2
        largest = max(row.total for row in self.chart.rows) or 1
        for row, number in zip(self.chart.rows, numbers, strict=True):
            line = Text(" " * (number_cells - number.cell_len)) + number + " "
            ends = _cumulative_cells(row.values, bar_cells / largest)
            line.append(" " * (bar_cells - ends[-1]))
            starts = [0, *ends[:-1]]
            for series in reversed(range(len(row.values))):  # the first series on the right
                line.append(BAR * (ends[series] - starts[series]), style=_colour(series))
            label = shaped_line(row.label, LABEL_CELLS, self.mode, self.hide_harakat)
            line.append(" " + label.rjust(LABEL_CELLS))
            lines.append(line)
        return Text("\n").join(lines)

    def _numbers(self, values: tuple[int, ...]) -> Text:
        """The number of one series; of several, each in its colour, the first on the right."""
        if len(values) == 1:
            return Text(str(values[0]))
        return Text(" ").join(
            Text(str(values[series]), style=_colour(series))
            for series in reversed(range(len(values)))
        )

    def _legend(self, width: int) -> Text:
        legend = Text(justify="right")
        for series, name in enumerate(self.chart.series):
            legend.append(f"  {shaped_line(name, 24, self.mode, self.hide_harakat)} ")
            legend.append(BAR, style=_colour(series))
        return Text(" " * max(width - legend.cell_len, 0)) + legend


def _colour(series: int) -> str:
    return SERIES_COLOURS[series % len(SERIES_COLOURS)]


def _cumulative_cells(values: tuple[int, ...], scale: float) -> list[int]:
    """Where each series' segment ends, in cells from the right, rounded so that the segments
    add up to the rounded total."""
    ends, running = [], 0
    for value in values:
        running += value
        ends.append(round(running * scale))
    return ends
