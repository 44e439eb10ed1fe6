"""Every reader key path, driven with Pilot; each test asserts what the store holds afterwards."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from annotations.store import Store
from tui.app import RawiApp
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def cursor_word(app: RawiApp) -> str:
    session = reader(app).session
    return session.text[slice(*session.cursor.word_range())]


def saved(db_path: Path, layer: str | None = None) -> list[tuple[str, str]]:
    with Store.open(db_path) as store:
        return [(s.label, s.text) for s in store.spans(SEED, "ana", layer)]


def test_open_puts_cursor_on_first_word_and_tags_save_at_once(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert cursor_word(app) == "السيسي"
        await pilot.press("s")
        assert saved(db_path) == [("SOURCE", "السيسي")]  # saved before any other key
        await pilot.press("w", "c", "w", "m", "w", "k")
        await pilot.pause()
        assert "SOURCE 1 CUE 1 CONTENT 1 CLAIM 1" in str(app.screen.query_one("#status").render())

    drive(build(), scenario, open_reader=True)
    assert saved(db_path) == [
        ("SOURCE", "السيسي"),
        ("CUE", "لماكرون"),
        ("CONTENT", "مصر"),
        ("CLAIM", "تساند"),
    ]
    with Store.open(db_path) as store:
        assert len(store.claims(SEED, "ana")) == 1
        assert store.status(SEED, "ana") == "in progress"


def test_arrows_follow_reading_order_and_other_moves(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("left")
        assert cursor_word(app) == "لماكرون"  # RTL: left is the next word
        await pilot.press("h", "w")
        assert cursor_word(app) == "تساند"
        await pilot.press("right", "l", "b")
        assert cursor_word(app) == "السيسي"
        await pilot.press("G")
        assert reader(app).session.cursor.position == len(reader(app).session.cursor.words) - 1
        await pilot.press("g", "right_square_bracket")
        assert cursor_word(app) == "تلقى"
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert cursor_word(app) == "تلقى"
        await pilot.press("g", "down")
        assert reader(app).session.cursor.position > 0
        await pilot.press("up")
        assert cursor_word(app) in reader(app).session.text.split("\n")[0]
        await pilot.press("pagedown")
        far = reader(app).session.cursor.position
        assert far > 20
        await pilot.press("pageup")
        assert reader(app).session.cursor.position < far
        await pilot.press("g", "w", "w", "shift+left", "shift+right", "shift+right", "k")

    drive(build(), scenario, open_reader=True)
    assert saved(db_path) == [("CLAIM", "لماكرون: مصر")]  # shift+right in RTL: backwards


def test_selection_keys(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("shift+left", "shift+left", "s")  # two words further, RTL
        await pilot.press("w", "v", "w", "w", "v", "w", "m")  # v ... v keeps the selection
        await pilot.press("v", "w", "escape", "c")  # Esc clears: the tag is on one word
        await pilot.press("g", "w", "e", "k")  # e: the entity لماكرون
        text = reader(app).session.text
        start = text.index("“") if "“" in text else text.index('"')
        reader(app).session.cursor.go_to_index(start + 2)
        await pilot.press("right_parenthesis", "m")

    drive(build(), scenario, open_reader=True)
    spans = saved(db_path)
    assert ("SOURCE", "السيسي لماكرون: مصر") in spans
    assert ("CONTENT", "تساند الجيش الوطني") in spans
    assert ("CLAIM", "لماكرون") in spans
    assert [label for label, text in spans if label == "CUE"] == ["CUE"]
    quoted = [text for label, text in spans if label == "CONTENT" and text != "تساند الجيش الوطني"]
    assert len(quoted) == 1 and len(quoted[0].split()) > 3


def test_tag_on_entity_takes_the_whole_entity(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("w", "s")

    drive(build(), scenario, open_reader=True)
    assert saved(db_path) == [("SOURCE", "لماكرون")]


def test_source_cue_content_then_enter_saves_an_attribution(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "w", "c", "w", "m")
        await pilot.pause()
        assert "attribution proposed" in str(app.screen.query_one("#status").render())
        await pilot.press("enter")

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        spans = {s.id: s.label for s in store.spans(SEED, "ana")}
        (attribution,) = store.attributions(SEED, "ana")
        assert spans[attribution.source] == "SOURCE"
        assert spans[attribution.cue] == "CUE"
        assert [spans[c] for c in attribution.content] == ["CONTENT"]


def test_link_two_annotations_with_r(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "w", "w", "k", "g", "r", "w", "w", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the first type offered

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        spans = {s.id: s.label for s in store.spans(SEED, "ana")}
        (relation,) = store.relations(SEED, "ana")
        assert (spans[relation.head], spans[relation.child]) == ("SOURCE", "CLAIM")
        assert relation.label == "supports"


def test_delete_undo_redo(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "x")
        assert saved(db_path) == []
        await pilot.press("u")
        assert saved(db_path) == [("SOURCE", "السيسي")]
        await pilot.press("ctrl+r")
        assert saved(db_path) == []
        await pilot.press("ctrl+z")
        assert saved(db_path) == [("SOURCE", "السيسي")]
        await pilot.press("ctrl+shift+z")
        assert saved(db_path) == []

    drive(build(), scenario, open_reader=True)


def test_entity_corrections_rehighlight_every_mention(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        session = reader(app).session
        await pilot.press("2")  # السيسي is an ORG, everywhere
        assert {e.label for e in session.entities if "السيسي" in e.text} == {"ORG"}
        await pilot.press("w", "0")  # لماكرون: never an entity (key without the clitic)
        await pilot.app.workers.wait_for_complete()
        assert not [e for e in session.entities if "ماكرون" in e.text]
        await pilot.press("w", "w", "w", "w", "1", "3", "4")
        await pilot.app.workers.wait_for_complete()

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        decisions = {d.key: d.label for d in store.entity_decisions("ana")}
    assert decisions["السيسي"] == "ORG"
    assert decisions["ماكرون"] is None
    assert list(decisions.values()).count("MISC") == 1


def test_panel_lists_annotations_and_enter_jumps(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("w", "w", "k", "g", "t")
        await pilot.pause()
        assert app.screen.query_one("#panel").option_count == 1
        await pilot.press("enter")
        assert cursor_word(app) == "مصر"
        await pilot.press("t")

    drive(build(), scenario, open_reader=True)


def test_next_previous_done_and_back(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("n")
        await pilot.pause()
        assert reader(app).session.article.id.startswith("001")
        await pilot.press("p")
        await pilot.pause()
        assert reader(app).session.article.id == SEED
        await pilot.press("d")
        await pilot.pause()
        assert reader(app).session.article.id.startswith("001")
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is app.list_screen
        assert app.screen.rows[SEED].stats.status == "done"
        await pilot.press("q")

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        assert store.status(SEED, "ana") == "done"


def test_help_lists_every_reader_key(build, config_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        ids = {b.id for b in ReaderScreen.BINDINGS}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ids <= {row[2] for row in app.screen.rows}
        keys = {row[2]: row[0] for row in app.screen.rows}
        assert keys["reader.previous_sentence"] == "["
        assert keys["reader.select_quotation"] == ")" and keys["reader.copy"] == "ctrl+c"
        assert keys["app.help"] == "?" and keys["reader.clear"] == "escape"
        title = str(app.screen.query_one("#help-title").render())
        hint = str(app.screen.query_one("#help-hint").render())
        assert "Escape, q or ? closes" in title and f"[keymap] table of {config_path}" in hint
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("question_mark", "question_mark")  # ? closes it too
        assert isinstance(app.screen, ReaderScreen)

    drive(build(), scenario, open_reader=True)


def test_every_reader_action_is_in_the_command_palette(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {b.description for b in ReaderScreen.BINDINGS} <= commands.keys()
        assert any(title.startswith("Render mode") for title in commands)
        await commands["Tag SOURCE"].callback()
        assert saved(db_path) == [("SOURCE", "السيسي")]

    drive(build(), scenario, open_reader=True)
