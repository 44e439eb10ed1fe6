"""The charts made of `annotations.figures.Figures`: titles, rows and series, shared by
`rawi report` (SVG) and the statistics screen (terminal bars). No Textual here.

A chart with nothing to count still has a row ("(none)", 0): a chart shows zeros rather than
being left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotations.figures import NO_OUTLET, NO_SOURCE_TYPE, NO_VERDICT, Figures, Tally

#: The core's empty names, and what they are shown as.
EMPTY = {"outlet": NO_OUTLET, "source type": NO_SOURCE_TYPE, "verdict": NO_VERDICT}
SHOWN_EMPTY = {"outlet": "(no outlet)", "source type": "(not set)", "verdict": "(no verdict)"}
#: The row of a chart with nothing to count.
NONE_ROW = "(none)"
#: The one series of a plain chart.
COUNT = "count"
#: The series of the progress chart, in drawing order.
PROGRESS_SERIES = ("done", "in progress", "todo")
#: Series colours, in order (the progress chart: done, in progress, todo), for the report and
#: the statistics screen.
SERIES_COLOURS = (
    "#2e7d5b", "#d99a1e", "#9aa5b1", "#1f6fb2", "#b2432f", "#7a4fb2", "#3f9fa8", "#8a6d3b"
)


@dataclass(frozen=True)
class Row:
    """One bar: its label and one value per series of its chart."""

    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Chart:
    """A bar chart: rows of stacked values, one colour per series."""

    key: str
    title: str
    title_ar: str
    series: tuple[str, ...]
    rows: tuple[Row, ...]


def figure_charts(figures: Figures) -> list[Chart]:
    """Every chart of `figures`, in the order the report and the screen show them."""
    progress = tuple(
        Row(p.annotator, (p.done, p.in_progress, p.todo)) for p in figures.progress
    )
    charts = [
        _single("articles", "Articles per outlet", "المقالات حسب الوسيلة الإعلامية",
                figures.articles_per_outlet, "outlet"),
        Chart("progress", "Progress per annotator", "تقدّم العمل حسب المحلّل",
              PROGRESS_SERIES, progress or (Row(NONE_ROW, (0, 0, 0)),)),
        _single("labels", "Tags per label", "الوسوم حسب التصنيف", figures.tags_per_label),
        _single("attributions", "Attributions per outlet", "الإسنادات حسب الوسيلة الإعلامية",
                figures.attributions_per_outlet, "outlet"),
        _stacked("source-types", "Source types per outlet", "أنواع المصادر حسب الوسيلة الإعلامية",
                 figures.source_types_per_outlet),
        _single("sources", "Most quoted sources", "المصادر الأكثر اقتباساً",
                figures.most_quoted_sources),
    ]
    charts += [
        _single(f"cues-{index}", f"Cue verbs: {shown(outlet, 'outlet')}",
                f"أفعال الإسناد: {shown(outlet, 'outlet')}", tally)
        for index, (outlet, tally) in enumerate(figures.cue_verbs_per_outlet.items(), 1)
    ] or [_single("cues", "Cue verbs per outlet", "أفعال الإسناد حسب الوسيلة الإعلامية", ())]
    charts.append(_single("verdicts", "Claims by verdict", "الادعاءات حسب الحكم",
                          figures.claims_by_verdict, "verdict"))
    return charts


def shown(name: str, kind: str) -> str:
    """`name` as displayed: the core's empty outlet, source type or verdict gets a name."""
    if name == EMPTY[kind]:
        return SHOWN_EMPTY[kind]
    return name.replace("_", " ") if kind == "source type" else name


def _single(key: str, title: str, title_ar: str, tally: Tally, kind: str | None = None) -> Chart:
    rows = tuple(Row(shown(name, kind) if kind else name, (count,)) for name, count in tally)
    return Chart(key, title, title_ar, (COUNT,), rows or (Row(NONE_ROW, (0,)),))


def _stacked(key: str, title: str, title_ar: str, tallies: dict[str, Tally]) -> Chart:
    """Rows per outlet, one series per name counted in any of them."""
    series = sorted({name for tally in tallies.values() for name, _ in tally})
    rows = tuple(
        Row(shown(outlet, "outlet"), tuple(dict(tally).get(name, 0) for name in series))
        for outlet, tally in tallies.items()
    )
    names = tuple(shown(name, "source type") for name in series)
    return Chart(key, title, title_ar, names or (COUNT,), rows or (Row(NONE_ROW, (0,)),))
