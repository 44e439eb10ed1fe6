"""The article list, settings and keymap from the config file, database errors, bidi mode; the
list drawn before the database is open."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

import tui.app as app_module
from annotations.store import Store
from tui.app import RawiApp
from tui.config import Config, load_config
from tui.layout import BIDI_EXPLICIT, BIDI_IMPLICIT
from tui.screens.article_list import COLUMNS, ArticleListScreen
from tui.screens.error import ErrorScreen
from tui.screens.reader import ReaderScreen
from tui.screens.stories import StoriesScreen


def cells(app: RawiApp, article_id: str) -> dict[str, str]:
    """What the list shows for one article, by column key."""
    screen = app.screen
    assert isinstance(screen, ArticleListScreen)
    values = screen.cells(screen.rows[article_id], 0)
    return {column.key: value for column, value in zip(COLUMNS, values, strict=True)}


async def settled(pilot: Pilot, app: RawiApp) -> None:
    """Once the workers (the filter's among them) are done and their results shown; first the
    messages on their way, one of which may start a worker (a key's Changed)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_list_shows_every_article_and_counts_in_a_worker(build, seeds, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert isinstance(app.screen, ArticleListScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.screen.order) == len(seeds) == 5
        first = cells(app, seeds.ids()[0])
        assert first["words"] == str(seeds[seeds.ids()[0]].words)
        assert int(first["entities"]) > 0
        assert first["status"] == "todo"
        assert first["title"].strip() and first["title"] != seeds[seeds.ids()[0]].title

    drive(build(), scenario)


def test_filter_as_you_type_and_escape(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("slash", *"أهداف")
        await settled(pilot, app)
        assert app.screen.order == ["002_0e2d256eaa5f838c"]
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # opens the only row
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.session.article.id == "002_0e2d256eaa5f838c"
        assert app.screen.session.cursor.position == 0  # on the first word
        await pilot.press("q", "escape")
        await settled(pilot, app)
        assert len(app.screen.order) == 5
        assert app.screen.table.highlighted == app.screen.order[0] != "002_0e2d256eaa5f838c"

    drive(build(), scenario)


def test_the_filter_finds_words_of_the_text_in_any_form(build, drive) -> None:
    """روسيا is in no title: the filter finds it in 003's text, and while typed (روس) as a
    prefix; a space ends the word."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("slash", *"روس")
        await settled(pilot, app)
        assert set(app.screen.order) == {
            "001_e361b63d4f5e59eb",
            "003_9e473b031b4d0b21",
            "004_071c99c05025decd",
        }
        await pilot.press(*"يا", "space")
        await settled(pilot, app)
        assert app.screen.order == ["003_9e473b031b4d0b21"]
        await pilot.press("escape")
        await settled(pilot, app)
        assert len(app.screen.order) == 5

    drive(build(), scenario)


def test_sort_by_column_and_reverse(build, seeds, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.press("o", "o", "o", "o")  # title, outlet, date, words
        words = [seeds[i].words for i in app.screen.order]
        assert words == sorted(words)
        await pilot.press("O")
        words = [seeds[i].words for i in app.screen.order]
        assert words == sorted(words, reverse=True)
        assert [row.article.id for row in app.screen.table.rows] == app.screen.order

    drive(build(), scenario)


def test_counts_update_after_tagging(build, seeds, drive) -> None:
    first = seeds.ids()[0]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("enter", "s", "w", "k", "q")
        await pilot.pause()
        shown = cells(app, first)
        assert (shown["sources"], shown["claims"], shown["status"]) == ("1", "1", "in progress")

    drive(build(), scenario)


def test_keymap_from_config_remaps_a_binding(build, db_path, config_path, drive) -> None:
    config_path.write_text('[keymap]\n"reader.tag_source" = "S"\n', encoding="utf-8")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("enter", "s", "w", "S")

    drive(build(), scenario)
    with Store.open(db_path) as store:
        assert [s.text for s in store.spans("000_fddd474ca5b3a723", "ana")] == ["لماكرون"]


def test_settings_persist_in_the_config_file(build, config_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f2", "f3")
        app.theme = "nord"
        await pilot.pause()

    drive(build(), scenario)
    config = load_config(config_path)
    assert (config.render_mode, config.hide_harakat, config.theme) == ("terminal", True, "nord")

    async def reopened(pilot: Pilot, app: RawiApp) -> None:
        assert (app.render_mode, app.theme) == ("terminal", "nord")

    drive(build(), reopened)


def test_no_database_yet_is_created(build, db_path: Path, drive) -> None:
    assert not db_path.exists()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert isinstance(app.screen, ArticleListScreen)

    drive(build(), scenario)
    assert db_path.exists()


@pytest.mark.parametrize(
    "content", [b"{not json", b'{"_meta": {"1": {"schema": 999, "generation": "x"}}}']
)
def test_database_error_shows_a_modal_not_a_traceback(build, db_path, content, drive) -> None:
    db_path.write_bytes(content)

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert isinstance(app.screen, ErrorScreen)
        assert str(db_path) in app.screen.message
        await pilot.press("enter")
        await pilot.pause()

    app = build()
    drive(app, scenario)
    assert app.return_code == 1
    assert db_path.read_bytes() == content


@pytest.mark.parametrize(
    ("mode", "sequence"), [("visual", BIDI_EXPLICIT), ("terminal", BIDI_IMPLICIT)]
)
def test_bidi_mode_sequence_written_at_start(build, monkeypatch, mode, sequence, drive) -> None:
    written: list[str] = []
    original = HeadlessDriver.write
    monkeypatch.setattr(
        HeadlessDriver, "write", lambda self, data: (written.append(data), original(self, data))
    )

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert sequence in written

    drive(build(Config(render_mode=mode)), scenario)


def test_a_failed_save_shows_a_modal_and_not_saved(build, monkeypatch, drive) -> None:
    from annotations.store import StoreFullError

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("enter")
        await pilot.pause()

        def full(*_args, **_kwargs):
            raise StoreFullError("the disk is full: the change was not saved")

        monkeypatch.setattr(app.store, "add_span", full)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "disk is full" in app.screen.message
        await pilot.press("escape")
        assert "NOT SAVED" in str(app.screen.query_one("#status").render())

    drive(build(), scenario)


def test_a_corpus_still_arriving_fills_the_list(
    seeds, db_path, config_path, recogniser, drive
) -> None:
    from tui.app import RawiApp

    app = RawiApp(iter(list(seeds)), db_path, "ana", config_path=config_path, recogniser=recogniser)

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.screen.order == seeds.ids()
        assert all(row.words for row in app.screen.rows.values())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)

    drive(app, scenario)


def test_bidi_option_overrides_the_config_until_f2(build, config_path, drive) -> None:
    """`rawi open --bidi` (or `$RAWI_BIDI`, read by the command) wins over the saved mode."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.view.layout_engine.mode == "terminal"
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.view.layout_engine.mode == "visual"

    drive(build(Config(render_mode="visual"), bidi="terminal"), scenario)
    assert load_config(config_path).render_mode == "visual"


def test_render_mode_and_harakat_keep_the_reader_where_it_was(build, drive) -> None:
    """F2 and F3 lay the same article out again: same session, same cursor."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("enter", "w", "w", "w")
        await pilot.pause()
        screen, cursor = app.screen, app.screen.session.cursor.position
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert app.screen is screen and screen.session.cursor.position == cursor
        assert screen.view.layout_engine.mode == "terminal"
        assert screen.hide_harakat and app.config.hide_harakat

    drive(build(Config(render_mode="visual")), scenario)


def test_config_problems_are_notified_at_start_and_the_app_runs(
    build, config_path, drive
) -> None:
    config_path.write_text('keymap = "x"\n[settings\n', encoding="utf-8")
    kept = config_path.read_text(encoding="utf-8")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f3")  # a settings change: not saved over the broken file
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("ignored" in m for m in messages)
        assert any("Settings not saved" in m for m in messages)

    drive(build(), scenario)
    assert config_path.read_text(encoding="utf-8") == kept


def test_keymap_problems_are_notified_at_start(build, config_path, drive) -> None:
    config_path.write_text('[keymap]\n"list.sort" = "q"\n"reader.nope" = "z"\n', "utf-8")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        messages = " ".join(n.message for n in app._notifications)
        assert "hiding Quit" in messages and "'reader.nope' is not a binding id" in messages

    drive(build(), scenario)


@pytest.fixture
def held_open(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """`Store.open` in the app waits until the event is set."""
    release = threading.Event()

    class HeldStore(Store):
        @classmethod
        def open(cls, path, **options):  # type: ignore[no-untyped-def]
            assert release.wait(30)
            return super().open(path, **options)

    monkeypatch.setattr(app_module, "Store", HeldStore)
    return release


def test_the_list_is_drawn_before_the_database_opens_and_the_reader_waits_for_it(
    build, seeds, db_path: Path, held_open: threading.Event, wait_for_store
) -> None:
    first = seeds.ids()[0]
    with Store.open(db_path) as store:
        store.set_status(first, "ana", "done")

    async def play() -> None:
        app = build()
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ArticleListScreen) and app.store is None
            assert len(screen.order) == 5  # the titles are there
            assert [cells(app, first)[k] for k in ("claims", "sources", "status")] == ["…"] * 3
            assert screen.sub_title == "opening the annotation database…"
            await pilot.press("enter")  # the reader waits for the database
            await pilot.pause()
            assert app.screen is screen
            held_open.set()
            await wait_for_store(app)
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.session.article.id == first
            await pilot.press("q")
            await pilot.pause()
            assert cells(app, first)["status"] == "done"
            assert screen.sub_title.startswith("1 of 5 done")

    asyncio.run(play())


def test_the_stories_wait_for_the_database(
    build, held_open: threading.Event, wait_for_store
) -> None:
    async def play() -> None:
        app = build()
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("S")
            await pilot.pause()
            assert isinstance(app.screen, ArticleListScreen)  # not failing: waiting
            held_open.set()
            await wait_for_store(app)
            await pilot.pause()
            assert isinstance(app.screen, StoriesScreen)

    asyncio.run(play())
