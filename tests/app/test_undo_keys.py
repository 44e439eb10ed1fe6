"""`u` in the reader undoes the last action of the article on screen only, after a restart too."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from annotations.store import Store
from tui.app import RawiApp
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
