"""The statistics screen: F5 and the palette open it; `f` narrows it to an outlet and days
(the list's fields), `o` steps through the outlets; Escape leaves the fields, then the screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

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


def scope_line(screen: StatisticsScreen) -> str:
    return str(screen.query_one("#statistics-scope", Static).render())


def test_f5_shows_the_work_and_o_cycles_the_outlets(build, drive) -> None:
    async def scenario(pilot, app) -> None:
        await pilot.press("s", "q", "f5")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        shown = charts(screen)
        assert {"articles", "progress", "labels", "attributions", "source-types", "sources",
                "cues", "verdicts"} <= set(shown)
        assert shown["labels"]["SOURCE"] == (1,) and shown["labels"]["CLAIM"] == (0,)
        assert shown["progress"] == {"ana": (0, 1, 4)}
        assert scope_line(screen).startswith("5 article(s) of every outlet")
        await pilot.press("o")
        await settled(pilot, app)
        assert scope_line(screen).startswith("1 article(s)")
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, StatisticsScreen)

    drive(build(), scenario, open_reader=True)


def test_the_outlet_and_the_days_narrow_every_chart(tmp_path: Path, recogniser, drive) -> None:
    with Store.open(tmp_path / "db.json") as store:
        store.add_span(DATED["jaz-2"], "claim", "CLAIM", 0, 3, annotator="mona")
        store.set_status("jaz-1", "mona", "done")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f5")
        await settled(pilot, app)
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        assert charts(screen)["labels"]["CLAIM"] == (1,)
        await pilot.press("f")
        screen.query_one("#since", Input).value = "٢٠١٩-٠٢-٠١"  # Arabic-Indic digits read too
        await settled(pilot, app)
        assert scope_line(screen).startswith("2 article(s) of every outlet, 2019-02-01 to …")
        shown = charts(screen)
        assert shown["articles"] == {"الجزيرة": (1,), "بي بي سي": (1,)}
        assert shown["progress"] == {"ana": (0, 0, 2), "mona": (0, 0, 2)}
        assert shown["labels"]["CLAIM"] == (1,)
        screen.query_one("#until", Input).value = "2019-02-28"
        await settled(pilot, app)
        assert charts(screen)["labels"]["CLAIM"] == (0,)
        await pilot.press("escape", "o")  # out of the fields; the first outlet, days kept
        await settled(pilot, app)
        assert scope_line(screen).startswith("0 article(s) of")
        assert "2019-02-01 to 2019-02-28" in scope_line(screen)
        await pilot.press("o")
        await settled(pilot, app)
        assert charts(screen)["articles"] == {"بي بي سي": (1,)}
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatisticsScreen)

    drive(dated_app(tmp_path, recogniser), scenario)


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
