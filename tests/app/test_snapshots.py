"""Snapshots of the app at a fixed size (120x36), fake recogniser, no blinking cursors."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tui.config import Config
from tui.marks import DEPTHS

#: Snapshots draw in truecolor unless they say otherwise (the terminal's depth varies).
TRUECOLOR = Config(colors="truecolor")


async def settle(pilot: Pilot) -> None:
    """Finish the workers (opening the database, counting, entities), stop blinking, let the
    screen repaint. Scenarios settle before their first key: a screen asked for while the
    database opens waits for it, with a notice."""
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_article_list(snap_compare, build, size) -> None:
    """Five seed titles shaped right to left, outlets, word and entity counts, status todo."""
    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=settle)


def test_reader_with_entities(snap_compare, build, size) -> None:
    """Seed 000 with its legend, PER/LOC highlights, the cursor on the first word, a SOURCE
    over an entity (السيسي) and a CLAIM, and the status bar counts."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s", "w", "w", "k", "w")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


def test_reader_selection(snap_compare, build, size) -> None:
    """A selection over three words of the second paragraph, cursor at its end."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right_square_bracket", "v", "w", "w")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


def test_help_screen(snap_compare, build, size) -> None:
    """The reader's help: every key as typed ([, ?, ctrl+c), its action and its keymap id;
    how to close it and where the config file is."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    app = build(TRUECOLOR)
    app.config_path = Path("~/.config/rawi/config.toml")  # the same in every run
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_reader_with_suggestions(snap_compare, build, size) -> None:
    """Seed 000 with its suggested attributions: the first accepted (drawn as annotations), the
    second focused, `y` having gone on to it (bold, underlined), the others pending (italic,
    paler), and the status bar saying it: `suggestion 1/15 · organisation · 0.76`."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "y")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("depth", DEPTHS)
def test_reader_overlapping_tags(snap_compare, build, size, depth) -> None:
    """In each palette: the title's adjacent PERs apart (السيسي bold, لماكرون the lighter
    alternate), a CLAIM bar over a CONTENT over suggested content, other suggestions quieter."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.press("v", *"wwwwww", "m", "b", "b", "v", "b", "b", "k")
        await settle(pilot)

    assert snap_compare(build(Config(colors=depth)), terminal_size=size, run_before=run_before)


def test_reader_find(snap_compare, build, size) -> None:
    """ctrl+f: the find bar with السيسي typed (shaped, right to left), its hits black on
    yellow, the cursor on the second after Enter, and the status bar counting them."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+f", *"السيسي", "enter")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("terminal", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
def test_reader_small_and_big(snap_compare, build, terminal, depth) -> None:
    """The overlapping tags with a selection being made, in each palette: at 80x24 the legend
    wraps and the status bar keeps the selection and the counts (shortened); at 200x50 the
    lines stop at 100 cells, the text block at the right of the pane."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.press("v", *"wwwwww", "m", "b", "b", "v", "b", "b", "k", "v", "w")
        await settle(pilot)

    app = build(Config(colors=depth))
    assert snap_compare(app, terminal_size=terminal, run_before=run_before)


def test_statistics_screen(snap_compare, build, size) -> None:
    """F5 after a SOURCE and a CLAIM in seed 000: articles per outlet (three without one, the two
    outlets shaped), ana's progress (1 in progress, 4 todo), tags per label (SOURCE 1, CLAIM 1,
    the others 0) as bars beside their numbers."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s", "w", "w", "k", "q", "f5")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


def test_stories_screen(snap_compare, build, size) -> None:
    """S on the seeds: the two stories (001+004 the Putin call, 002+003 the Haftar meeting) with
    their outlets, dates and article counts, the first highlighted, the filter line empty."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


def test_stories_screen_opened_and_marked(snap_compare, build, size) -> None:
    """n m p o: the Haftar story marked (●), the Putin story opened (▾) on its two articles,
    each with its day and title, the cursor on the story."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("n", "m", "p", "o")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("tab", ["articles", "names", "sources"])
def test_compare_screen(snap_compare, build, size, tab) -> None:
    """Enter on the first story, n: the articles tab (001 and 004 side by side, each right to
    left, the shared quotes marked in both, the second current), the naming tab (السيسي:
    رئيس الانقلاب المصري in 001 beside الرئيس المصري in 004) or the sources tab (who is quoted:
    001 7 of 9 quotes official, 004 9 of 19, then each source); outlets in display order."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", {"articles": "1", "names": "3", "sources": "4"}[tab])
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)


def test_export_form(snap_compare, build, size) -> None:
    """E on the list: the export form, every choice a labelled select (no state told by
    colour alone), the file to write, and its keys."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)

    assert snap_compare(build(TRUECOLOR), terminal_size=size, run_before=run_before)
