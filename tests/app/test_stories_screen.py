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


def test_stories_then_compare(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
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
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, StoriesScreen)

    drive(build(bidi="terminal"), scenario)
