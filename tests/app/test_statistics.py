"""The statistics screen: F5 and the palette open it, `o` narrows it to one outlet, `q` closes."""

from __future__ import annotations

from textual.widgets import Static

from tui.screens.statistics import StatisticsScreen
from tui.widgets.chart_view import ChartView


def test_f5_shows_the_work_and_o_cycles_the_outlets(build, drive) -> None:
    async def scenario(pilot, app) -> None:
        await pilot.press("s", "q", "f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        charts = {view.chart.key: view.chart for view in screen.query(ChartView)}
        assert {"articles", "progress", "labels"} <= set(charts)
        labels = {row.label: row.values for row in charts["labels"].rows}
        assert labels["SOURCE"] == (1,) and labels["CLAIM"] == (0,)
        assert [(r.label, r.values) for r in charts["progress"].rows] == [("ana", (0, 1, 4))]
        scope = screen.query_one("#statistics-scope", Static)
        assert str(scope.render()).startswith("5 article(s)")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(screen.query_one("#statistics-scope", Static).render()).startswith(
            "1 article(s)"
        )
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, StatisticsScreen)

    drive(build(), scenario, open_reader=True)


def test_the_palette_offers_the_statistics(build, drive) -> None:
    async def scenario(pilot, app) -> None:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Statistics" in titles

    drive(build(), scenario)
