"""ctrl+f in the reader: a find bar of Arabic input, hits drawn, n/N and Enter/shift+Enter move
between them while it is open, Escape closes it; the selection said in the status bar, } and ,
extending it to the end of the sentence or clause."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import RawiApp
from tui.screens.reader import ReaderScreen
from tui.widgets.arabic_input import ArabicInput


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def test_find_moves_between_hits_and_n_is_next_article_again_once_closed(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        session, text = screen.session, screen.session.text
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, ArabicInput) and app.focused.id == "find"
        await pilot.press(*"السيسى")  # ى for ي: letter forms are folded
        hits = session.finder.hits
        assert len(hits) == text.count("السيسي") > 2
        assert all(text[start:end] == "السيسي" for start, end in hits)
        assert session.cursor.word_range()[0] == hits[0][0]
        assert "find: 1/" in screen.status_line()
        assert any(mark.state == "hit" for mark in session.marks())
        await pilot.press("enter")
        assert session.cursor.word_range()[0] == hits[1][0]
        await pilot.press("shift+enter")
        assert session.cursor.word_range()[0] == hits[0][0]
        await pilot.press("shift+enter")  # wraps round to the last
        assert session.cursor.word_range()[0] == hits[-1][0]
        screen.view.focus()
        await pilot.press("n")
        assert session.cursor.word_range()[0] == hits[0][0]
        await pilot.press("N", "N")
        assert session.cursor.word_range()[0] == hits[-2][0]
        await pilot.press("escape")
        assert not screen.find_bar.display and not session.finder.hits
        assert session.cursor.word_range()[0] == hits[-2][0]
        assert not any(mark.state == "hit" for mark in session.marks())
        first = session.article.id
        await pilot.press("n")  # the next article again
        await pilot.pause()
        assert reader(app).session.article.id != first

    drive(build(), scenario, open_reader=True)


def test_find_ignores_harakat_and_says_when_nothing_matches(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        await pilot.press("ctrl+f", *"مِصْر")
        assert screen.session.finder.hits
        await pilot.press(*"xyz")
        assert not screen.session.finder.hits and "no match" in screen.status_line()

    drive(build(), scenario, open_reader=True)


def test_selection_state_is_said_and_extends_to_clause_and_sentence_ends(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        session = screen.session
        assert "SELECT" not in screen.status_line()
        await pilot.press("v")
        assert "SELECTING 1 word" in screen.status_line()
        await pilot.press("w", "v")
        assert "SELECTED 2 words" in screen.status_line()
        await pilot.press("escape", "right_square_bracket", "comma")
        clause = session.text[slice(*session.cursor.selection())]
        assert "SELECTING" not in screen.status_line() and "،" not in clause
        await pilot.press("right_curly_bracket")
        sentence = session.text[slice(*session.cursor.selection())]
        assert sentence.startswith(clause) and len(sentence) > len(clause)
        await pilot.press("m")
        assert (session.spans[-1].start, session.spans[-1].end) == (
            session.text.index(sentence),
            session.text.index(sentence) + len(sentence),
        )

    drive(build(), scenario, open_reader=True)


def test_find_folds_hamza_and_alef_ta_marbuta_and_tatweel(build, drive) -> None:
    """اعلن finds أعلن, المنطقه finds المنطقة, a tatweel typed (المنـطقة) is ignored."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = reader(app)
        text = screen.session.text
        for typed, found in (("اعلن", "أعلن"), ("المنطقه", "المنطقة"), ("المنـطقة", "المنطقة")):
            await pilot.press("ctrl+f", *typed)
            hits = screen.session.finder.hits
            assert [text[start:end] for start, end in hits] == [found] * text.count(found)
            await pilot.press("escape")

    drive(build(), scenario, open_reader=True)
