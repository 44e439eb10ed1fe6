"""The list says how far the analyst is, comes back on the article last read, keeps its sort
order in the config and shows ids on demand; `d` in the reader says "marked done"."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from annotations.session import progress_summary
from annotations.store import Store
from tui.app import RawiApp
from tui.config import load_config
from tui.screens.article_list import ArticleListScreen, TableHeader
from tui.screens.reader import ReaderScreen


def test_progress_summary_counts_by_status() -> None:
    assert progress_summary(["done", "todo", "in progress", "todo"]) == (
        "1 of 4 done · 1 in progress · 2 todo"
    )
    assert progress_summary(["done"]) == "1 of 1 done"
    assert progress_summary([]) == "0 of 0 done"


def test_d_confirms_and_the_list_comes_back_on_the_article_last_read(
    build, drive, seeds, db_path: Path
) -> None:
    first, second, third = seeds.ids()[:3]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        said: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: said.append(message) or notify(message, **kw)  # type: ignore[method-assign]
        await app.workers.wait_for_complete()  # the entities counted (the header says so meanwhile)
        assert app.screen.sub_title == "0 of 5 done · 5 todo"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")  # done, and the next article opens
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.session.article.id == second
        assert f"marked done: {first}" in said  # (the toast may be gone under load)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert screen.table.highlighted == third  # not the one opened from the list
        assert screen.sub_title == "1 of 5 done · 4 todo"

    drive(build(), scenario)
    with Store.open(db_path, read_only=True) as store:
        assert store.statuses("ana") == {first: "done"}


def test_the_sort_order_is_kept_in_the_config(build, drive, config_path: Path) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("o", "o", "O")  # outlet, reversed
        await pilot.pause()

    drive(build(), scenario)
    config = load_config(config_path)
    assert (config.list_sort, config.list_sort_reverse) == ("outlet", True)

    async def reopened(pilot: Pilot, app: RawiApp) -> None:
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert (screen.sort_column, screen.reverse) == ("outlet", True)
        outlets = [screen.rows[i].article.outlet or "" for i in screen.order]
        assert outlets == sorted(outlets, reverse=True)
        assert screen.query_one(TableHeader).sort_key == "outlet"

    drive(build(), reopened)


def test_i_shows_and_hides_the_id_column(build, drive, seeds) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        row = screen.rows[seeds.ids()[0]]
        assert seeds.ids()[0] not in screen.cells(row, 0)
        await pilot.press("i")
        await pilot.pause()
        assert screen.cells(row, 0)[-1].strip() == seeds.ids()[0]
        assert [c.key for c in screen.table.columns][-1] == "id"
        assert "Id" in str(screen.query_one(TableHeader).render())
        await pilot.press("i")
        await pilot.pause()
        assert "id" not in [c.key for c in screen.table.columns]

    drive(build(), scenario)
