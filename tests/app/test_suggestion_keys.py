"""Reviewing suggested attributions in the reader with Pilot; each test checks the store after."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from annotations.attribution import Suggestion, suggest_attributions
from annotations.corpus import Corpus
from annotations.session.suggestion_review import parts
from annotations.store import Store
from tui.app import RawiApp
from tui.config import load_config
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def in_cue_order(seeds: Corpus) -> list[Suggestion]:
    """Seed 000's suggestions as `Tab` visits them."""
    return sorted(suggest_attributions(seeds[SEED].text), key=lambda s: s.cue.start)


def cursor_start(app: RawiApp) -> int:
    return reader(app).session.cursor.word_range()[0]


def status(app: RawiApp) -> str:
    return str(app.screen.query_one("#status").render())


def left(app: RawiApp) -> int:
    """Suggestions left to review, as the status says it: `suggestions 15`, or with one under
    the cursor `suggestion 3/15 · ...`."""
    found = re.search(r"suggestions? (?:\d+/)?(\d+)", status(app))
    assert found, status(app)
    return int(found.group(1))


def places(spans) -> set[tuple[str, int, int]]:
    return {(s.label, s.start, s.end) for s in spans}


def test_tab_and_shift_tab_go_to_the_next_and_previous_pending_cue(build, seeds, drive) -> None:
    order = in_cue_order(seeds)

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        session, view = reader(app).session, reader(app).view
        word_of = session.cursor.word_from  # a cue's word, or the one after a colon cue
        assert session.suggestion_at_cursor() == order[0]  # the title's speaker: «السيسي ...:»
        await pilot.press("tab")
        assert session.cursor.position == word_of(order[0].cue.start)
        assert session.suggestion_at_cursor() == order[0]  # focused
        await pilot.press("tab", "tab")
        assert session.cursor.position == word_of(order[2].cue.start)
        await pilot.press("shift+tab")
        assert session.cursor.position == word_of(order[1].cue.start)
        await pilot.press("shift+tab", "shift+tab")  # before the first: wraps to the last
        assert session.cursor.position == word_of(order[-1].cue.start)
        await pilot.pause()
        line = view.locate(cursor_start(app))[0]  # scrolled into view
        top = view.scroll_offset.y
        assert top > 0 and top <= line < top + view.scrollable_content_region.height
        await pilot.press("tab")  # after the last: wraps to the first
        assert session.cursor.position == word_of(order[0].cue.start)

    drive(build(), scenario, open_reader=True)


def test_y_accepts_the_suggestion_under_the_cursor_and_u_undoes_it_in_one_step(
    build, seeds, db_path: Path, drive
) -> None:
    first = in_cue_order(seeds)[0]
    total = len(in_cue_order(seeds))

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        assert left(app) == total
        await pilot.press("w", "y")  # the addressee (لماكرون) is in no suggestion: nothing saved
        with Store.open(db_path) as store:
            assert store.spans(SEED, "ana") == []
        await pilot.press("tab", "y")
        await pilot.pause()
        with Store.open(db_path) as store:
            spans = store.spans(SEED, "ana")
            assert places(spans) == {p.place for p in parts(first)}
            assert {(s.layer, s.origin) for s in spans} == {("attribution", "suggested")}
            (attribution,) = store.attributions(SEED, "ana")
            by_id = {s.id: s for s in spans}
            assert by_id[attribution.cue].attrs == {"cue_class": first.cue.cls}
            assert (by_id[attribution.cue].start, by_id[attribution.cue].end) == (
                first.cue.start,
                first.cue.end,
            )
            assert store.status(SEED, "ana") == "in progress"
        assert left(app) == total - 1
        assert "attributions 1" in reader(app).status_line()  # unfitted: 120 cells drop it
        await pilot.press("u")
        await pilot.pause()
        with Store.open(db_path) as store:
            assert store.spans(SEED, "ana") == [] and store.attributions(SEED, "ana") == []
            assert store.status(SEED, "ana") == "todo"
        assert left(app) == total

    drive(build(), scenario, open_reader=True)


def test_enter_accepts_a_proposal_first_and_a_suggestion_otherwise(
    build, seeds, db_path: Path, drive
) -> None:
    first = in_cue_order(seeds)[1]  # the first after the title, where the proposal is made

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "w", "c", "w", "m", "tab")  # a proposal, cursor on a suggestion
        await pilot.press("enter")  # accepts the proposal, not the suggestion
        with Store.open(db_path) as store:
            (attribution,) = store.attributions(SEED, "ana")
            assert store.span(attribution.cue).origin == "manual"
        assert reader(app).session.suggestion_at_cursor() == first
        await pilot.press("k", "r", "enter")  # a link in progress: Enter is the link's
        assert reader(app).session.link_head is not None
        with Store.open(db_path) as store:
            assert len(store.attributions(SEED, "ana")) == 1
        await pilot.press("escape", "enter")  # nothing in progress: Enter accepts the suggestion
        with Store.open(db_path) as store:
            cues = {store.span(a.cue).origin for a in store.attributions(SEED, "ana")}
            assert cues == {"manual", "suggested"}

    drive(build(), scenario, open_reader=True)


def test_backspace_and_delete_reject_and_the_rejections_survive_a_restart(
    build, seeds, db_path: Path, drive
) -> None:
    order = in_cue_order(seeds)

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("tab", "backspace")  # the cursor goes on to the next one
        assert reader(app).session.suggestion_at_cursor() == order[1]
        await pilot.press("delete")
        await pilot.pause()
        assert left(app) == len(order) - 2

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        assert store.rejected_suggestions(SEED, "ana") == {order[0].key, order[1].key}
        assert store.spans(SEED, "ana") == []

    async def reopened(pilot: Pilot, app: RawiApp) -> None:
        session = reader(app).session
        assert [s.key for s in session.pending_suggestions()] == [s.key for s in order[2:]]
        assert left(app) == len(order) - 2
        await pilot.press("tab")  # the rejected ones are skipped
        assert session.cursor.position == session.cursor.word_from(order[2].cue.start)
        await pilot.press("u")  # undo brings the last rejection back
        assert order[1] in session.pending_suggestions()

    drive(build(), reopened, open_reader=True)
    with Store.open(db_path) as store:
        assert store.rejected_suggestions(SEED, "ana") == {order[0].key}


def test_f4_hides_suggestions_and_the_setting_persists(
    build, seeds, db_path: Path, config_path: Path, drive
) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        session = reader(app).session
        assert any(m.state == "suggested" for m in session.marks())
        await pilot.press("f4")
        assert not any(m.state == "suggested" for m in session.marks())
        assert "suggestions hidden" in status(app)
        await pilot.press("tab", "y", "enter", "backspace")  # hidden ones are left alone
        assert session.cursor.position == 0
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Show suggestions" in titles and "Hide suggestions" not in titles

    drive(build(), scenario, open_reader=True)
    assert load_config(config_path).show_suggestions is False
    with Store.open(db_path) as store:
        assert store.spans(SEED, "ana") == [] and not store.rejected_suggestions(SEED, "ana")

    async def reopened(pilot: Pilot, app: RawiApp) -> None:
        assert reader(app).session.show_suggestions is False
        await pilot.press("f4", "tab", "y")
        assert load_config(config_path).show_suggestions is True

    drive(build(), reopened, open_reader=True)
    with Store.open(db_path) as store:
        assert len(store.attributions(SEED, "ana")) == 1


def test_review_keys_follow_the_keymap(build, db_path: Path, config_path: Path, drive) -> None:
    config_path.write_text(
        '[keymap]\n"reader.next_suggestion" = "j"\n"reader.accept_suggestion" = "A"\n',
        encoding="utf-8",
    )

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("j", "A")

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        assert len(store.attributions(SEED, "ana")) == 1


def test_a_move_redraws_only_the_focused_suggestion(build, seeds, drive, monkeypatch) -> None:
    """Moving the cursor draws the marks again only as far as the focused suggestion goes:
    the view's overlay follows the suggestion under the cursor, the other marks stay."""
    order = in_cue_order(seeds)

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        session, view = screen.session, screen.view
        drawn: list[int] = []
        monkeypatch.setattr(view, "show_marks", lambda marks: drawn.append(len(marks)))

        def overlay() -> set[tuple[int, int, str]]:
            return set(view._overlay)

        assert overlay() == {(p.start, p.end, "focused") for p in parts(order[0])}
        while session.suggestion_at_cursor() is not None:
            await pilot.press("w")
        assert overlay() == set() and drawn == []  # moves: no marks drawn again
        await pilot.press("tab")
        focused = session.suggestion_at_cursor()
        assert overlay() == {(p.start, p.end, "focused") for p in parts(focused)}
        await pilot.press("s")  # a tag: every mark again
        assert drawn

    drive(build(), scenario, open_reader=True)
