"""The list at archive scale: the first frame reads only the first rows, the filter runs in a
worker and never shows a stale result."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotations.arabic import match_key
from annotations.corpus import Article, ArticleFilter, Corpus, QueryError, as_typed
from tui.app import RawiApp
from tui.screens import article_list
from tui.screens.article_list import COLUMNS, FIRST_ROWS, ArticleListScreen
from tui.screens.list_rows import SORT_KEYS
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.shaped import shaped_line

COUNT = FIRST_ROWS * 2 + 17
TRUMP = {0: "وترامب", 7: "إن ترامب"}


async def settled(pilot: Pilot, app: RawiApp) -> None:
    """Once the messages on their way (a key's Changed starts the filter) and the workers are
    done, and their results shown."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


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
        await settled(pilot, app)
        screen = app.screen
        assert (screen.needle, screen.shown) == ("ترامب", ("ترامب", None))
        assert screen.order == trump and len(screen.table.rows) == len(trump)  # in texts only
        screen._filtered(("ت", None), set(corpus.ids()))
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


def dated() -> Corpus:
    """Six articles over three days and two outlets (one Arabic name)."""
    return Corpus(
        Article(
            f"d{n}",
            f"نص الخبر {'عن ترامب' if n % 2 else 'عن الطقس'} رقم {n}.",
            title=f"عنوان {n}",
            outlet="بي بي سي" if n < 3 else "CNN",
            published=f"2018-02-{10 + n % 3:02}T09:00:00+03:00",
        )
        for n in range(6)
    )


def test_the_list_shows_the_day_and_sorts_by_it(tmp_path, recogniser, drive) -> None:
    corpus = dated()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = app.screen
        cells = screen.cells(screen.rows["d4"], 0)
        values = dict(zip([c.key for c in COLUMNS], cells, strict=True))
        assert values["date"] == "2018-02-11"
        screen.sort_by("date")
        days = [corpus.info(i).day for i in screen.order]
        assert days == sorted(days) and days[0] == "2018-02-10"

    drive(app_on(corpus, tmp_path, recogniser), scenario)


def test_outlet_and_days_narrow_the_list_and_the_filter(tmp_path, recogniser, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = app.screen
        await pilot.press("f")  # the outlet menu has the focus: the first outlet is CNN (3)
        await pilot.press("enter", "down", "enter")
        await settled(pilot, app)
        assert screen.order == ["d3", "d4", "d5"]
        await pilot.press("tab", *"2018-02-11")
        await settled(pilot, app)
        assert screen.order == ["d4", "d5"]
        await pilot.press("tab", *"٢٠١٨-٠٢-١١")  # until, in Arabic-Indic digits
        await settled(pilot, app)
        assert screen.order == ["d4"]
        await pilot.press("escape", "slash", *"ترامب")  # d4's text is about the weather
        await settled(pilot, app)
        assert screen.order == []
        await pilot.press("escape")
        await settled(pilot, app)
        assert screen.order == ["d4"]

    drive(app_on(dated(), tmp_path, recogniser), scenario)


def test_a_day_that_does_not_read_is_ignored(tmp_path, recogniser, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("f", "tab", *"2018-02-1")
        await settled(pilot, app)
        assert len(app.screen.order) == 6
        assert app.screen.query_one("#since").has_class("-invalid")
        await pilot.press("1")
        await settled(pilot, app)
        assert app.screen.order == ["d1", "d2", "d4", "d5"]

    drive(app_on(dated(), tmp_path, recogniser), scenario)


def test_search_shows_snippets_and_opens_the_article_at_the_hit(
    tmp_path, recogniser, drive
) -> None:
    corpus = dated()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("F")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"ترامب")
        await settled(pilot, app)
        screen = app.screen
        assert [r.info.id for r in screen.results] == [r.info.id for r in corpus.search("ترامب")]
        assert {r.info.id for r in screen.results} == {"d1", "d3", "d5"}
        prompt = screen.query_one(OptionList).get_option_at_index(0).prompt
        assert shaped_line("ترامب", 10) in str(prompt)  # the snippet, shaped
        first = screen.results[0]
        await pilot.press("enter", "enter")  # to the results, then open the first
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.session.article.id == first.info.id
        assert app.screen.session.cursor.word_range()[0] == first.hits[0].start
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.list_screen

    drive(app_on(corpus, tmp_path, recogniser), scenario)


def test_one_letter_is_not_searched_yet(tmp_path, recogniser, drive) -> None:
    """ت alone would be لت، فت، بت...: the search screen waits for a second letter."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("F", "ت")
        await settled(pilot, app)
        screen = app.screen
        assert screen.results == []
        assert "Type to search" in str(screen.query_one("#search-status").render())
        await pilot.press(*"رامب")
        await settled(pilot, app)
        assert {r.info.id for r in screen.results} == {"d1", "d3", "d5"}
        await pilot.press(*["backspace"] * 4)  # back to one letter: the results go
        await settled(pilot, app)
        assert screen.results == []
        assert "Type to search" in str(screen.query_one("#search-status").render())

    drive(app_on(dated(), tmp_path, recogniser), scenario)


def test_search_within_the_list_scope_and_query_errors(tmp_path, recogniser, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        app.screen.where = ArticleFilter(outlet="CNN")
        await pilot.press("F", *"ترامب")
        await settled(pilot, app)
        screen = app.screen
        assert {r.info.id for r in screen.results} == {"d3", "d5"}
        assert "CNN" in str(screen.query_one("#search-status").render())
        await pilot.press("space", '"')  # an unclosed quote
        await settled(pilot, app)
        assert screen.results == []
        assert "Not a query" in str(screen.query_one("#search-status").render())

    drive(app_on(dated(), tmp_path, recogniser), scenario)


def test_entity_counts_are_kept_for_the_next_run(tmp_path, drive) -> None:
    corpus = dated()
    calls: list[str] = []

    def recogniser(text: str, decisions):
        calls.append(text)
        return [None] * (1 + len(text) % 3)

    recogniser.version = "test-1"  # type: ignore[attr-defined]
    shown: list[dict[str, str]] = []

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        screen = app.screen
        shown.append({i: screen.cells(screen.rows[i], 0)[4] for i in corpus.ids()})
        assert "counted" not in screen.sub_title  # the progress is gone once all are counted

    drive(app_on(corpus, tmp_path, recogniser), scenario)
    assert sorted(calls) == sorted(corpus[i].text for i in corpus.ids())
    calls.clear()
    drive(app_on(corpus, tmp_path, recogniser), scenario)
    assert calls == []
    assert shown[0] == shown[1]
    assert all(count.isdigit() for count in shown[0].values())


def test_counting_shows_its_progress(tmp_path, recogniser, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        screen = app.screen
        screen._counted = 0  # as a new count starts
        screen._apply_counts([("d0", 5, 1), ("d1", 6, 2)], 6)
        assert screen.sub_title == "0 of 6 done · 6 todo · entities counted: 2 of 6"
        screen._apply_counts([(f"d{n}", 5, 1) for n in range(2, 6)], 6)
        assert screen.sub_title == "0 of 6 done · 6 todo"

    drive(app_on(dated(), tmp_path, recogniser), scenario)


def test_counts_show_as_dots_until_known_and_the_progress_from_the_start(tmp_path, drive) -> None:
    release = threading.Event()

    def slow_recogniser(text: str, decisions):
        release.wait(10)
        return [None]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        screen = app.screen
        for _ in range(500):
            if "counted" in screen.sub_title:
                break
            await pilot.pause(0.01)
        assert screen.sub_title == "0 of 6 done · 6 todo · entities counted: 0 of 6"
        assert {screen.cells(row, 0)[4] for row in screen.rows.values()} == {"…"}
        release.set()
        await settled(pilot, app)
        assert {screen.cells(row, 0)[4] for row in screen.rows.values()} == {"1"}
        assert screen.sub_title == "0 of 6 done · 6 todo"

    drive(app_on(dated(), tmp_path, slow_recogniser), scenario)


def test_a_filter_typed_on_or_back_shows_what_it_shows_typed_alone(
    tmp_path, recogniser, drive
) -> None:
    corpus = archive()

    def titled(needle: str) -> list[str]:
        return [i for i in corpus.ids() if needle in corpus[i].title]

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        await pilot.press("slash")
        for keys, needle in (("رقم 2", "رقم 2"), ("1", "رقم 21"), ("backspace", "رقم 2")):
            await pilot.press(*([keys] if keys == "backspace" else keys))
            await settled(pilot, app)
            assert app.screen.order == titled(needle)
        assert len(titled("رقم 2")) > len(titled("رقم 21")) > 1

    drive(app_on(corpus, tmp_path, recogniser), scenario)


@pytest.mark.parametrize("archive_rows", [COUNT, COUNT + 1])
def test_only_an_archive_list_collects_young_objects_less_often(
    tmp_path, recogniser, drive, monkeypatch, archive_rows
) -> None:
    monkeypatch.setattr(article_list, "ARCHIVE_ROWS", archive_rows)
    before = gc.get_threshold()

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        young = gc.get_threshold()[0]
        assert young == (article_list.GC_YOUNG if archive_rows <= COUNT else before[0])

    try:
        drive(app_on(archive(), tmp_path, recogniser), scenario)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_a_key_in_the_filter_paints_the_table_once_and_lays_out_nothing(
    tmp_path, recogniser, drive
) -> None:
    """Typing "رقم 1" (every list it gives is longer than the screen, so the scroll bar
    stays): no layout of the screen, and one paint of the table's rows per key. Then "1": the
    list fits, the scroll bar goes and the rows take its place (and give it back after
    Backspace)."""

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        screen = app.screen
        await pilot.press("slash")
        await pilot.pause()
        layouts: list[object] = []
        reflow = screen._compositor.reflow
        screen._compositor.reflow = lambda *args: layouts.append(args) or reflow(*args)
        paints: list[int] = []
        render_line = screen.table.render_line
        screen.table.render_line = lambda y: paints.append(y) or render_line(y)
        for key in ("ر", "ق", "م", "space", "1"):
            paints.clear()
            await pilot.press(key)
            await settled(pilot, app)
            assert paints.count(0) == 1, key
        assert screen.shown == ("رقم 1", None)
        table = screen.table
        assert len(screen.order) > table.size.height and table.show_vertical_scrollbar
        assert layouts == []
        await pilot.press("1")
        await settled(pilot, app)
        assert len(screen.order) == 11 and not table.show_vertical_scrollbar
        assert layouts
        assert sum(column.width + 1 for column in table.columns) - 1 == table.size.width
        await pilot.press("backspace")  # the bar comes back, the rows make room for it
        await settled(pilot, app)
        assert table.show_vertical_scrollbar and not table.show_horizontal_scrollbar
        width = table.scrollable_content_region.width
        assert sum(column.width + 1 for column in table.columns) - 1 == width < table.size.width

    drive(app_on(archive(), tmp_path, recogniser), scenario)


def fresh_filter(screen: ArticleListScreen, corpus: Corpus, column: str | None) -> list[str]:
    """The ids passing the screen's needle, from all the rows in load order, sorted anew."""
    try:
        passing = corpus.matching_ids(as_typed(screen.needle))
    except QueryError:
        passing = set()
    folded = match_key(screen.needle).casefold()
    rows = [screen.rows[i] for i in corpus.ids()]
    rows = [row for row in rows if row.article.id in passing or folded in row.haystack]
    if column is not None:
        rows.sort(key=SORT_KEYS[column], reverse=screen.reverse)
    return [row.article.id for row in rows]


@pytest.mark.parametrize("column", [None, "title", "entities"])
def test_each_key_shows_what_a_fresh_filter_shows(tmp_path, recogniser, drive, column) -> None:
    """Typed on, typed back and on again, sorted by load order, by title (reversed) or by
    entities whose counts change between keys: each key shows the rows and the order that
    filtering and sorting all the rows again gives."""
    corpus = archive()
    keys = ("ر", "ق", "م", "space", "2", "1", "backspace", "backspace", "1", "0")

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await settled(pilot, app)
        screen = app.screen
        if column is not None:
            screen.sort_by(column)
            if column == "title":
                screen.action_reverse()
        await pilot.press("slash")
        for n, key in enumerate(keys):
            if column == "entities":
                counts = [(i, 1, (n + k) % 5) for k, i in enumerate(corpus.ids()) if k % 3]
                screen._apply_counts(counts, COUNT)
            await pilot.press(key)
            await settled(pilot, app)
            assert screen.order == fresh_filter(screen, corpus, column), key
        assert screen.needle == "رقم 10" and len(screen.order) == 11

    drive(app_on(corpus, tmp_path, recogniser), scenario)
