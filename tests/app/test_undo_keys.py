"""`u` in the reader undoes the last action of the article on screen only, after a restart too."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from annotations.store import Store
from tui.app import RawiApp
from tui.config import Config
from tui.screens.history import HistoryScreen
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def test_undo_in_one_article_keeps_a_tag_of_the_next(build, db_path: Path, drive) -> None:
    other: list[str] = []

    async def tag_the_next_article(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        other.append(reader(app).session.article.id)
        await pilot.press("s")

    drive(build(), tag_the_next_article, open_reader=True)
    (next_id,) = other
    assert next_id != SEED

    async def undo_here(pilot: Pilot, app: RawiApp) -> None:
        assert reader(app).session.article.id == SEED
        await pilot.press("u")
        assert reader(app).message == "nothing to undo in this article"
        await pilot.press("s", "u")
        assert reader(app).message == "undid tag SOURCE «السيسي» in this article"

    drive(build(), undo_here, open_reader=True)  # a restart
    with Store.open(db_path) as store:
        assert [s.label for s in store.spans(next_id, "ana")] == ["SOURCE"]
        assert store.spans(SEED, "ana") == []


def test_undo_scope_everywhere_in_the_config_reaches_the_other_article(
    build, db_path: Path, drive
) -> None:
    async def tag_then_undo_in_the_next(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("u")
        assert reader(app).message == f"undid tag SOURCE «السيسي» in article {SEED}"

    drive(build(Config(undo_scope="everywhere")), tag_then_undo_in_the_next, open_reader=True)
    with Store.open(db_path) as store:
        assert store.spans(SEED, "ana") == []


def test_history_view_lists_what_and_where(build, drive) -> None:
    async def tag_move_and_look(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c", "u")
        app.action_history()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[1] for row in rows] == ["tag CUE (undone)", "tag SOURCE"]
        assert [row[3] for row in rows] == ["this article", f"article {SEED}"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)

    drive(build(), tag_move_and_look, open_reader=True)


def test_history_is_a_palette_command(build, drive) -> None:
    async def look(pilot: Pilot, app: RawiApp) -> None:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "History: recent actions" in titles

    drive(build(), look)
