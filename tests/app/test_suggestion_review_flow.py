"""Reviewing suggestions one after another with Pilot: the status says which of how many, the
source type and the confidence; `<` narrows the SOURCE before `y` saves it so (checked in the
store) and the cursor goes on to the next; a CONTENT widened over its own source is flagged."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from annotations.attribution import DEFAULT_SUGGESTION_THRESHOLD, shown, suggest_attributions
from annotations.corpus import Corpus
from annotations.store import Store
from tui.app import RawiApp
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def test_narrow_a_source_accept_and_go_on(build, seeds: Corpus, db_path: Path, drive) -> None:
    text = seeds[SEED].text
    suggestions = shown(suggest_attributions(text), DEFAULT_SUGGESTION_THRESHOLD)
    order = sorted(suggestions, key=lambda s: s.cue.start)
    fourth, fifth = order[3], order[4]
    assert text[fourth.source.start : fourth.source.end].split()[:3] == ["السفير", "بسام", "راضي"]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        await pilot.press("tab", "tab", "tab", "tab")
        assert screen.session.suggestion_status() == (
            f"suggestion 4/{len(order)} · official role · {fourth.confidence:.2f}"
        )
        words = len(text[fourth.source.start : fourth.source.end].split())
        await pilot.press(*["less_than_sign"] * (words - 3))  # keep السفير بسام راضي
        assert "resizing SOURCE" in screen.session.suggestion_status()
        await pilot.press("y")
        assert screen.session.suggestion_at_cursor() == fifth  # on to the next
        assert screen.session.suggestion_status().startswith(
            f"suggestion 4/{len(order) - 1} · named person"
        )
        await pilot.press("o", "o", "o")  # its CONTENT
        assert "resizing CONTENT" in screen.session.suggestion_status()
        for _ in range(12):
            if "overlaps" in screen.session.suggestion_status():
                break
            await pilot.press("plus")  # a word more at its start, towards its cue and source
        assert "CONTENT overlaps its" in screen.status_line()

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        spans = {s.label: s for s in store.spans(SEED, "ana")}
        assert spans["SOURCE"].text == "السفير بسام راضي"
        assert spans["SOURCE"].start == fourth.source.start
        assert (spans["CUE"].start, spans["CUE"].end) == (fourth.cue.start, fourth.cue.end)
        (attribution,) = store.attributions(SEED, "ana")
        assert attribution.source == spans["SOURCE"].id
