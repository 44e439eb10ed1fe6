"""The stories and compare screens by Pilot, on the seeds: S lists the two stories, Enter
compares the first (the spokesman's quote in both, the two namings of السيسي), n/p and the tab
keys, q back."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import RawiApp
from tui.screens.stories import CompareScreen, StoriesScreen
from tui.widgets.article_view import ArticleView


def texts(screen, selector: str) -> str:
    return "\n".join(str(w.render()) for w in screen.query(selector))


async def open_stories(pilot: Pilot, app: RawiApp) -> StoriesScreen:
    """S, once the stories are grouped."""
    await app.workers.wait_for_complete()
    await pilot.press("S")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, StoriesScreen)
    return app.screen


def groups(screen: StoriesScreen) -> list[list[str]]:
    return [[a[:3] for a in s.articles] for s in screen.stories]


def test_stories_then_compare(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = await open_stories(pilot, app)
        assert [[a[:3] for a in s.articles] for s in screen.stories] == [
            ["001", "004"], ["002", "003"],
        ]
        assert len(screen.query(".story")) == 2 and len(screen.query(".current")) == 1
        await pilot.press("slash", *"ميدل")  # an outlet of the second story
        await pilot.pause()
        assert [s.articles[0][:3] for s in screen.shown] == ["002"]
        await pilot.press("escape")  # clears the filter, stays on the screen
        await pilot.pause()
        assert app.screen is screen and len(screen.shown) == 2
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        quotes = texts(compare, "#compare-quotes Static")
        assert quotes.count("بسام راضي") == 2 and "(suggested)" in quotes
        names = texts(compare, "#compare-names Static")
        assert "رئيس الانقلاب المصري" in names and "الرئيس المصري" in names
        panes = list(compare.query(ArticleView))
        assert len(panes) == 2
        for pane, article in zip(panes, compare.articles, strict=True):
            (hit,) = [(s, e) for s, e, key in pane._spans if key == "hit"]
            assert "بسام راضي" not in article.text[hit[0] : hit[1]]  # the quote, not its source
            assert article.text[hit[0] : hit[1]].startswith("الاتصال تناول")
        first = compare.query_one("#compare-quotes .current")
        await pilot.press("n")
        await pilot.pause()
        assert compare.current == 1 and compare.query_one("#compare-quotes .current") is not first
        for pane, article in zip(panes, compare.articles, strict=True):
            (hit,) = [(s, e) for s, e, key in pane._spans if key == "hit"]
            assert article.text[hit[0] : hit[1]].startswith("تطلع مصر")
        await pilot.press("4")
        assert compare.query_one("#compare-tabs").active == "sources"
        sources = texts(compare, "#compare-sources Static").splitlines()
        assert sources[0].endswith("9 quotes of 6 sources · 7 official, 2 other (78% official)")
        assert sources[2] == (
            "Every outlet: 28 quotes of 16 sources · 16 official, 12 other (57% official)"
        )
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, StoriesScreen)

    drive(build(bidi="terminal"), scenario)


def test_merge_split_undo_and_redo_in_the_stories_screen(build, drive, db_path) -> None:
    """m on the Haftar story, g on the Putin story: one story of four, saved at once; o opens
    it, x takes an article out; u undoes the split then the merge, ctrl+r
    redoes; a new app shows the decisions."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = await open_stories(pilot, app)
        await pilot.press("g")  # nothing marked
        assert groups(screen) == [["001", "004"], ["002", "003"]]
        first, second = screen.row_widgets
        await pilot.press("n")  # the two rows redrawn in place
        assert list(screen.query(".current")) == [second] and screen.row_widgets == [first, second]
        assert str(second.render()).startswith("▶") and str(first.render()).startswith(" ")
        await pilot.press("m", "p", "g")
        await pilot.pause()
        assert groups(screen) == [["001", "002", "003", "004"]] and screen.marked == set()
        assert len(app.store.story_decisions("ana")) == 2
        await pilot.press("o")
        await pilot.pause()
        assert len(screen.query(".story-article")) == 4
        await pilot.press("n", "n", "x")  # the second article: 002
        await pilot.pause()
        assert groups(screen) == [["001", "003", "004"]]
        await pilot.press("u")
        await pilot.pause()
        assert groups(screen) == [["001", "002", "003", "004"]]
        await pilot.press("u")
        await pilot.pause()
        assert groups(screen) == [["001", "004"], ["002", "003"]]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert groups(screen) == [["001", "002", "003", "004"]]
        await pilot.press("q")
        await pilot.pause()

    drive(build(bidi="terminal"), scenario)

    async def reopened(pilot: Pilot, app: RawiApp) -> None:
        assert groups(await open_stories(pilot, app)) == [["001", "002", "003", "004"]]

    drive(build(bidi="terminal"), reopened)
