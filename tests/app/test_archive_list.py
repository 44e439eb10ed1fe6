"""The list at archive scale: the first frame reads only the first rows, the filter runs in a
worker and never shows a stale result."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from annotations.corpus import Article, Corpus
from tui.app import RawiApp
from tui.screens.article_list import FIRST_ROWS, ArticleListScreen

COUNT = FIRST_ROWS * 2 + 17
TRUMP = {0: "وترامب", 7: "إن ترامب"}


def archive() -> Corpus:
    """`COUNT` short articles; every seventh is about Trump (in its text, not its title; half
    of them with a proclitic)."""
    return Corpus(
        Article(
            f"a{n:04}",
            f"قال المتحدث {TRUMP[n % 14] if n % 7 == 0 else 'إن الوزير'} وصل اليوم رقم {n}.",
            title=f"خبر رقم {n}",
            outlet="بي بي سي" if n % 2 else "سكاي نيوز",
        )
        for n in range(COUNT)
    )


def app_on(corpus: Corpus, tmp_path: Path, recogniser) -> RawiApp:
    return RawiApp(
        corpus, tmp_path / "db.json", "ana", config_path=tmp_path / "c.toml", recogniser=recogniser
    )


def test_the_first_frame_reads_only_the_first_rows(recogniser) -> None:
    corpus = archive()
    screen = ArticleListScreen(corpus, recogniser)
    assert list(screen.rows) == corpus.ids()[:FIRST_ROWS]
    assert screen.arriving


def test_the_other_rows_follow_in_load_order(tmp_path, recogniser, drive) -> None:
    corpus = archive()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.order == corpus.ids()
        assert not app.screen.arriving
        await pilot.press("end")
        assert app.screen.table.highlighted == corpus.ids()[-1]

    drive(app_on(corpus, tmp_path, recogniser), scenario)


def test_typing_fast_shows_only_the_last_filter(tmp_path, recogniser, drive) -> None:
    corpus = archive()
    trump = [article_id for n, article_id in enumerate(corpus.ids()) if n % 7 == 0]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"ترامب")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert (screen.needle, screen.shown_needle) == ("ترامب", "ترامب")
        assert screen.order == trump
        screen._filtered("ت", set(corpus.ids()), list(screen.rows.values()), (None, False))
        assert screen.order == trump  # a result for a filter typed over is dropped

    drive(app_on(corpus, tmp_path, recogniser), scenario)


def test_a_filter_typed_while_rows_arrive_covers_them(tmp_path, recogniser, drive) -> None:
    corpus = archive()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("slash", *"رقم 2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = [i for i in corpus.ids() if "رقم 2" in corpus[i].title]
        assert sorted(app.screen.order) == sorted(expected)
        assert len(expected) > FIRST_ROWS // 10

    drive(app_on(corpus, tmp_path, recogniser), scenario)
