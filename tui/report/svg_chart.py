"""A `Chart` as an inline SVG of horizontal bars, right to left: labels on the right, bars
growing leftwards, stacked when the chart has several series, each total after its bar."""

from __future__ import annotations

from tui.figure_charts import COUNT, SERIES_COLOURS, Chart
from tui.report.escaping import short_text, text

WIDTH = 720
LABEL_WIDTH = 230
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LEGEND_HEIGHT = 26
#: Room left of the longest bar for its total.
VALUE_WIDTH = 56


def svg_chart(chart: Chart) -> str:
    """The SVG element of `chart` (zero bars drawn as their total "0")."""
    legend = LEGEND_HEIGHT if chart.series != (COUNT,) else 0
    height = legend + len(chart.rows) * ROW_HEIGHT + 6
    title_id = f"chart-{chart.key}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{text(chart.title)}</title>',
    ]
    if legend:
        parts += _legend(chart.series)
    largest = max(row.total for row in chart.rows) or 1
    bar_right = WIDTH - LABEL_WIDTH - 8
    scale = (bar_right - VALUE_WIDTH) / largest
    for index, row in enumerate(chart.rows):
        top = legend + index * ROW_HEIGHT
        baseline = top + BAR_HEIGHT - 4
        parts.append(
            f'<text class="label" x="{WIDTH - 4}" y="{baseline}" direction="rtl" '
            f'text-anchor="start">{short_text(row.label)}</text>'
        )
        left = float(bar_right)
        for series, (name, value) in enumerate(zip(chart.series, row.values, strict=True)):
            width = value * scale
            left -= width
            parts.append(
                f'<rect class="bar" x="{left:.1f}" y="{top}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{SERIES_COLOURS[series % len(SERIES_COLOURS)]}" '
                f'data-series="{text(name)}" data-value="{value}"/>'
            )
        parts.append(
            f'<text class="value" x="{left - 4:.1f}" y="{baseline}" direction="ltr" '
            f'text-anchor="end">{row.total}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(series: tuple[str, ...]) -> list[str]:
    """One coloured square and name per series, from the right."""
    parts = []
    right = WIDTH - 4
    for index, name in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(f'<rect x="{right - 12}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text class="legend" x="{right - 18}" y="16" direction="rtl" '
            f'text-anchor="start">{short_text(name)}</text>'
        )
        right -= 18 + 8 * min(len(name), 20) + 24
    return parts
