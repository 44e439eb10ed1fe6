"""The report page: a header saying what was counted, then each chart as an inline SVG beside
a table of its numbers. Right to left, Arabic first; one file that needs no network."""

from __future__ import annotations

from collections.abc import Sequence

from annotations.figures import Figures
from tui.figure_charts import Chart, figure_charts
from tui.report.escaping import text
from tui.report.svg_chart import svg_chart

#: Fonts that shape Arabic on common systems, best first.
FONTS = (
    '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", '
    '"Segoe UI", Tahoma, Arial, "DejaVu Sans", sans-serif'
)
#: Nothing may be fetched or run: styles inline, no script, no outside resource.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = f"""
body {{ font-family: {FONTS}; margin: 2em auto; max-width: 60em; padding: 0 1em;
       color: #1d2329; background: #fff; line-height: 1.5; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.2em; margin-top: 2em; }}
.en {{ color: #5a6570; font-size: 0.85em; margin: 0 0.6em; display: inline-block; }}
svg.chart {{ display: block; max-width: 100%; height: auto; font-family: inherit; }}
svg .label, svg .legend {{ font-size: 13px; fill: #1d2329; }}
svg .value {{ font-size: 12px; fill: #3c4650; }}
table {{ border-collapse: collapse; margin-top: 0.5em; font-size: 0.9em; }}
th, td {{ border-bottom: 1px solid #dde2e6; padding: 0.15em 0.8em; text-align: start; }}
td.n {{ text-align: end; font-variant-numeric: tabular-nums; }}
.scope dt {{ font-weight: bold; float: inline-start; margin-inline-end: 0.5em; }}
"""


def report_html(figures: Figures, scope: Sequence[tuple[str, str]]) -> str:
    """The whole page. `scope`: (what, value) lines for the header (filters, date made)."""
    header = "".join(
        f"<dt>{text(what)}</dt><dd><bdi>{text(value)}</bdi></dd>" for what, value in scope
    )
    note = (
        f'<p class="left-out">{figures.left_out} record(s) of articles outside this scope '
        "were not counted.</p>"
        if figures.left_out
        else ""
    )
    sections = "\n".join(_section(chart) for chart in figure_charts(figures))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تقرير راوي · rawi report</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>تقرير راوي<span class="en" lang="en" dir="ltr">rawi report</span></h1>
<dl class="scope">
<dt>المقالات · articles</dt><dd class="articles">{figures.articles}</dd>{header}
</dl>
{note}
</header>
<main>
{sections}
</main>
</body>
</html>
"""


def _section(chart: Chart) -> str:
    return (
        f'<section class="figure" id="{text(chart.key)}">\n'
        f'<h2>{text(chart.title_ar)}<span class="en" lang="en" dir="ltr">{text(chart.title)}'
        f"</span></h2>\n{svg_chart(chart)}\n{_table(chart)}\n</section>"
    )


def _table(chart: Chart) -> str:
    """The chart's numbers (whole labels, a total column when stacked)."""
    stacked = len(chart.series) > 1
    heads = [*chart.series, "total"] if stacked else list(chart.series)
    head = "".join(f"<th>{text(name)}</th>" for name in heads)
    rows = []
    for row in chart.rows:
        values = [*row.values, row.total] if stacked else list(row.values)
        cells = "".join(f'<td class="n">{value}</td>' for value in values)
        rows.append(f"<tr><th><bdi>{text(row.label)}</bdi></th>{cells}</tr>")
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
