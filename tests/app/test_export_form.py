"""Export from the app: `E` on the list (or the palette) opens a form, the export runs with a
progress bar, and a file already there is replaced only when the analyst says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotations.entities.training.conll import read_conll
from annotations.store import Store
from tui.app import RawiApp
from tui.screens.article_list import ArticleListScreen
from tui.screens.export import ExportScreen
from tui.widgets.arabic_input import ArabicInput


@pytest.fixture
def tagged(db_path: Path, seeds) -> list[str]:
    """ana tagged a SOURCE in every seed article, bob one in the first."""
    with Store.open(db_path) as store:
        for article_id in seeds.ids():
            article = seeds[article_id]
            store.add_span(article, "attribution", "SOURCE", 0, 3, annotator="ana")
        store.add_span(seeds[seeds.ids()[0]], "attribution", "SOURCE", 0, 3, annotator="bob")
    return seeds.ids()


async def open_form(pilot: Pilot, app: RawiApp, path: Path) -> ExportScreen:
    await pilot.press("E")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#export-path", ArabicInput).value = str(path)
    return screen


async def finished(pilot: Pilot, app: RawiApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_e_exports_the_analyst_s_work_with_a_progress_bar(
    build, drive, tagged: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "mine.jsonl"
    steps: list[tuple[int, int]] = []

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        said: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kw: said.append(message) or notify(message, **kw)  # type: ignore[method-assign]
        screen = await open_form(pilot, app, out)
        advance = screen._advance
        screen._advance = lambda done, total: steps.append((done, total)) or advance(done, total)  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await finished(pilot, app)
        assert isinstance(app.screen, ArticleListScreen)
        assert any(m.startswith(f"exported 5 record(s) as 5 item(s) to {out}") for m in said)

    drive(build(), scenario)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["article_id"] for line in lines] == tagged
    assert {line["annotator"] for line in lines} == {"ana"}  # only my work, by default
    assert steps[-1] == (5, 5) and len(steps) == 5


def test_a_file_there_is_replaced_only_when_confirmed(
    build, drive, tagged: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "kept.jsonl"
    out.write_text("keep me\n", encoding="utf-8")

    async def refused(pilot: Pilot, app: RawiApp) -> None:
        screen = await open_form(pilot, app, out)
        await pilot.press("ctrl+s")
        await finished(pilot, app)
        message = str(screen.query_one("#export-message").render())
        assert "is a file of 8 bytes: ctrl+s again replaces it" in message
        assert out.read_text(encoding="utf-8") == "keep me\n"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)

    drive(build(), refused)
    assert out.read_text(encoding="utf-8") == "keep me\n"

    async def confirmed(pilot: Pilot, app: RawiApp) -> None:
        await open_form(pilot, app, out)
        await pilot.press("ctrl+s", "ctrl+s")
        await finished(pilot, app)

    drive(build(), confirmed)
    assert out.read_text(encoding="utf-8").startswith('{"schema"')
    assert list(tmp_path.glob(".*tmp*")) == []


def test_conll_from_the_form_is_read_by_the_training_tools(
    build, drive, tagged: list[str], tmp_path: Path
) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = await open_form(pilot, app, tmp_path / "x")
        screen.query_one("#export-path", ArabicInput).value = "annotations.jsonl"
        screen.query_one("#export-format").value = "conll"
        await pilot.pause()
        assert screen.query_one("#export-path", ArabicInput).value == "entities.conll"
        screen.folder = tmp_path
        await pilot.press("ctrl+s")
        await finished(pilot, app)

    drive(build(), scenario)
    sentences = list(read_conll(tmp_path / "entities.conll"))
    assert any(tag.endswith("PER") for s in sentences for tag in s.tags)


def test_an_unwritable_place_is_said_in_the_form(build, drive, tagged, tmp_path: Path) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = await open_form(pilot, app, tmp_path / "missing" / "x.jsonl")
        await pilot.press("ctrl+s")
        await finished(pilot, app)
        assert isinstance(app.screen, ExportScreen)
        message = str(screen.query_one("#export-message").render())
        assert "no such folder" in message and "nothing there was replaced" in message

    drive(build(), scenario)


def test_the_palette_offers_the_export(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Export annotations…" in titles

    drive(build(), scenario)
