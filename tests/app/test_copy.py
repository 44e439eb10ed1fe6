"""ctrl+c and C in the reader: the article's logical text, never its shaped display."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import RawiApp
from tui.screens.reader import ReaderScreen


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def _presentation_forms(text: str) -> bool:
    return any("\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff" for char in text)


def test_copy_gives_the_word_the_selection_or_the_annotation(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        session = reader(app).session
        await pilot.press("ctrl+c")
        assert app.clipboard == session.text[slice(*session.cursor.word_range())] == "السيسي"
        await pilot.press("v", "w", "w", "v", "ctrl+c")  # a selection of three words
        three = session.text[session.cursor.words[0].start : session.cursor.words[2].end]
        assert app.clipboard == three and not _presentation_forms(three)
        await pilot.press("s", "b", "ctrl+c")  # tagged: the cursor's annotation, whole
        assert app.clipboard == three
        assert "copied 3 words" in reader(app).status_line()

    drive(build(), scenario, open_reader=True)


def test_copy_as_citation(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        article = reader(app).session.article
        await pilot.press("C")
        quote, where, *url = app.clipboard.split("\n")
        assert quote == "«السيسي»"
        assert article.title in where and (article.outlet or "") in where
        assert url == ([article.url] if article.url else [])

    drive(build(), scenario, open_reader=True)
