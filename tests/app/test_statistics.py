"""The statistics screen: F5 and the palette open it, `o` narrows it to one outlet, `r` counts
again, f2 / f3 draw it again, `q` closes."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from annotations.corpus import Article, Corpus
from annotations.store import Store
from tui.app import RawiApp
from tui.screens.statistics import StatisticsScreen
from tui.widgets.chart_view import ChartView

DATED = Corpus(
    [
        Article("jaz-1", "قال الوزير إن الحوار مستمر.", outlet="الجزيرة", published="2019-01-05"),
        Article("jaz-2", "أكد المتحدث أن الاتفاق وقع.", outlet="الجزيرة", published="2019-03-10"),
        Article("bbc-1", "قال المتحدث إن الوفد وصل.", outlet="بي بي سي", published="2019-02-01"),
        Article("old-1", "قال الشاهد إن الطريق أغلق.", outlet="بي بي سي"),
    ]
)


def dated_app(tmp_path: Path, recogniser) -> RawiApp:
    """The app on `DATED`, its database in tmp_path/db.json."""
    return RawiApp(
        DATED, tmp_path / "db.json", "ana", config_path=tmp_path / "c.toml", recogniser=recogniser
    )


async def settled(pilot: Pilot, app: RawiApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def charts(screen: StatisticsScreen) -> dict[str, dict[str, tuple[int, ...]]]:
    """Each chart's rows: label -> values."""
    return {
        view.chart.key: {row.label: row.values for row in view.chart.rows}
        for view in screen.query(ChartView)
    }


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


def test_r_counts_again_what_was_saved_since(tmp_path: Path, recogniser, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f5")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        assert charts(screen)["labels"]["CLAIM"] == (0,)
        with Store.open(tmp_path / "db.json") as elsewhere:  # another session saves a claim
            elsewhere.add_span(DATED["bbc-1"], "claim", "CLAIM", 0, 3, annotator="zaid")
        await pilot.press("r")
        await settled(pilot, app)
        assert charts(screen)["labels"]["CLAIM"] == (1,)
        assert "zaid" in charts(screen)["progress"]

    drive(dated_app(tmp_path, recogniser), scenario)


def test_f2_and_f3_draw_the_charts_again(tmp_path: Path, recogniser, drive) -> None:
    def drawn(screen: StatisticsScreen) -> str:
        return "\n".join(str(view.render()) for view in screen.query(ChartView))

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f5")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        assert "الجزيرة" not in drawn(screen)  # shaped and in display order
        await pilot.press("f2")
        await settled(pilot, app)
        assert "الجزيرة" in drawn(screen)  # logical: the terminal orders it

    drive(dated_app(tmp_path, recogniser), scenario)


def test_the_palette_offers_the_statistics(build, drive) -> None:
    async def scenario(pilot, app) -> None:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Statistics" in titles

    drive(build(), scenario)
