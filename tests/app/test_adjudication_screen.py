"""The adjudication screen by Pilot: opened from the list, take A, take B, take both, undo,
neither, each checked in the store; the curated annotator's name from the config."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotations.corpus import Corpus
from annotations.store import Store
from tui.app import RawiApp
from tui.config import Config
from tui.screens.adjudication import AdjudicationScreen
from tui.widgets.article_view import ArticleView


@pytest.fixture
def article(seeds: Corpus, db_path: Path):
    """huda and mona on the first seed: the same PER for السيسي, PER against LOC for ماكرون."""
    article = next(iter(seeds))
    sisi, macron = article.text.index("السيسي"), article.text.index("ماكرون")
    with Store.open(db_path) as store:
        for who in ("huda", "mona"):
            store.add_span(article, "entity", "PER", sisi, sisi + 6, annotator=who)
        store.add_span(article, "entity", "PER", macron, macron + 6, annotator="huda")
        store.add_span(article, "entity", "LOC", macron - 1, macron + 6, annotator="mona")
    return article


def curated(app: RawiApp, article, who: str = "curated") -> list[tuple[str, str]]:
    assert app.store is not None
    return sorted((s.label, s.text) for s in app.store.spans(article.id, annotator=who))


def test_take_a_take_b_both_undo_neither(build, drive, article) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        assert screen.adjudication.annotators == ["huda", "mona"]
        progress = str(screen.query_one("#adjudication-progress").render())
        assert progress.startswith("0/1 disagreements settled into 'curated'")
        assert len(screen.query(".disagreed")) == 1 and len(screen.query(".agreed")) == 1
        await pilot.press("a")
        assert curated(app, article) == [("PER", "ماكرون")]
        await pilot.press("b")
        assert curated(app, article) == [("LOC", "لماكرون")]
        await pilot.press("t")
        assert curated(app, article) == [("LOC", "لماكرون"), ("PER", "ماكرون")]
        await pilot.pause()
        progress = str(screen.query_one("#adjudication-progress").render())
        assert progress.startswith("1/1 disagreements settled")
        await pilot.press("u")
        assert curated(app, article) == [("LOC", "لماكرون")]
        await pilot.press("x")
        assert curated(app, article) == []
        await pilot.press("u")
        assert curated(app, article) == [("LOC", "لماكرون")]
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, AdjudicationScreen)

    drive(build(), scenario)


def test_curated_name_from_config_and_the_palette_command(build, drive, article) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Adjudicate annotators' versions" in commands
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("2")
        assert curated(app, article, "lead") == [("LOC", "لماكرون")]
        assert curated(app, article) == []

    drive(build(Config(curated_annotator="lead")), scenario)


def test_an_article_nobody_annotated_says_so(build, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AdjudicationScreen)

    drive(build(), scenario)


def test_the_article_shows_every_annotator_s_spans(build, drive, article) -> None:
    """السيسي, where both agree, in the quiet alternate colour; ماكرون, where they do not, in
    both labels' own colours with the unit as a hit; the cursor on the disagreement."""
    sisi, macron = article.text.index("السيسي"), article.text.index("ماكرون")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("a")
        await pilot.pause()
        view = app.screen.query_one("#adjudication-article", ArticleView)
        assert sorted(view._spans) == sorted([
            (macron - 1, macron + 6, "hit"),
            (macron - 1, macron + 6, "loc"),
            (macron, macron + 6, "per"),
            (sisi, sisi + 6, "per-alt"),
        ])  # fmt: skip
        assert view._cursor == (macron - 1, macron + 6)

    drive(build(), scenario)
