"""`ArticleListScreen`: one row per article, filter as you type, sort by column, Enter opens.

The first frame shows the first rows of the corpus; the others are read from the index in a
thread worker after it. Words and entities are counted afterwards in another, in the order the
rows are shown. The filter runs in a worker too: a keystroke cancels the query of the one
before it if that has not started, and a stale result is never shown. The rows are sorted once
per order and a filter's rows are read from them as the table needs them (`list_rows`).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from annotations.arabic import match_key
from annotations.corpus import ArticleFilter, Corpus, QueryError, as_typed
from annotations.session import StoreStats, entity_decisions, progress_summary, store_stats
from annotations.session.entity_counts import EntityCounter, EntityCounts, counting_pool
from tui.screens.list_rows import CHANGING, Row, ShownRows, SortedRows
from tui.screens.search import SearchScreen
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.article_table import ArticleTable, Column, TableHeader
from tui.widgets.list_scope import ListScope
from tui.widgets.shaped import shaped_line

COLUMNS = (
    Column("title", "Title", 44, "right", grow=3),
    Column("outlet", "Outlet", 16, "right", grow=1),
    Column("date", "Date", 10),
    Column("words", "Words", 7, "right"),
    Column("entities", "Entities", 8, "right"),
    Column("claims", "Claims", 6, "right"),
    Column("sources", "Sources", 7, "right"),
    Column("status", "Status", 11),
)
#: Shown by `i` (hidden by default).
ID_COLUMN = Column("id", "Id", 24)
COUNT_BATCH = 16
#: Rows whose stored counts are looked up at once.
LOOKUP_BATCH = 512
#: Rows read before the first frame (a screenful and more); the rest are read after it.
FIRST_ROWS = 100
#: From this many rows the list is an archive's: see `_collect_less`.
ARCHIVE_ROWS = 5000
#: Young objects allocated between two collections of them, for an archive's list (Python's
#: default is 700).
GC_YOUNG = 10_000
#: Counting stops this long after each keystroke in the filter (it would slow the filter down).
TYPING_PAUSE = 0.5


def _collect_less() -> None:
    """The rows of an archive live as long as the app: they are kept out of the collector's
    passes (`gc.freeze`), and young objects are collected less often. Typing 11 keys in the
    filter of ANT v2.1's 31k rows ran 210 collections, 0.6 to 1.4 s of a loaded machine's time,
    with Python's defaults; 10 collections, 0.25 s, so."""
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG), *older)


def _count(value: int | None) -> str:
    return "…" if value is None else str(value)


def _stat_cells(stats: StoreStats) -> tuple[str, str, str]:
    return str(stats.claims), str(stats.sources), stats.status


class ArticleListScreen(Screen[None]):
    """The corpus as a table."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="list.open"),
        Binding("slash", "filter", "Filter", id="list.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="list.clear_filter"),
        Binding("f", "scope", "Outlet and dates", id="list.scope"),
        Binding("F", "search", "Search the corpus", id="list.search"),
        Binding("o", "sort", "Sort by next column", id="list.sort"),
        Binding("O", "reverse", "Reverse sort", id="list.reverse"),
        Binding("E", "export", "Export annotations…", id="list.export", show=False),
        Binding("i", "toggle_ids", "Show / hide the id column", id="list.ids", show=False),
        Binding("q", "app.quit", "Quit", id="list.quit"),
        Binding(
            "a", "adjudicate", "Adjudicate annotators' versions", id="list.adjudicate", show=False
        ),
        Binding(
            "S", "stories", "Stories: the corpus grouped by event", id="list.stories", show=False
        ),
    ]

    def __init__(
        self,
        corpus: Corpus,
        recogniser: Callable[[str, Sequence[Any]], Sequence[Any]],
        *,
        arriving: bool = False,
    ) -> None:
        """The list of `corpus`; when `arriving`, its articles are still being read and come
        through `add_articles`."""
        super().__init__()
        self.corpus = corpus
        first = corpus.infos(limit=None if arriving else FIRST_ROWS)
        #: Articles still to come: read by `read_rest`, or given to `add_articles`.
        self.arriving = arriving or len(first) == FIRST_ROWS
        self.rows = {article.id: Row(article) for article in first}
        self.recogniser = recogniser
        #: The rows sorted (None: to sort again) and the (column, reverse) they are sorted by.
        self._sorted: tuple[tuple[str | None, bool], SortedRows] | None = None
        self.shown_rows = ShownRows(SortedRows(self.rows.values(), None, False))
        self.sort_column: str | None = None
        self.reverse = False
        self.show_ids = False
        self.needle = ""
        self.where: ArticleFilter | None = None
        #: The ids passing the filter (None: no filter), and the (needle, where) they are for.
        self.passing: set[str] | None = None
        self.shown: tuple[str, ArticleFilter | None] = ("", None)
        self._filtering = threading.Lock()
        #: The last title scan (folded needle, filter, rows scanned, rows matching): a needle
        #: typed on is looked for in those rows only.
        self._titled: tuple[str, ArticleFilter | None, int, list[Row]] | None = None
        self._typing_until = 0.0
        #: Entity counts kept across runs (opened by the first count), and how many rows the
        #: current count has done.
        self.stored_counts: EntityCounts | None = None
        #: The claims, sources and status of the articles the annotator touched, as last read
        #: from the store (None until it is open).
        self.stats: dict[str, StoreStats] | None = None
        self._counted = self._to_count = 0
        #: "n of N done" and the counts by status (see `show_progress`).
        self._statuses = ""
        #: The process the recogniser counts in, started with the first count (None: it
        #: counts in the worker thread).
        self._counting_pool: Executor | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArabicInput(placeholder="Filter: title, outlet, id or words of the text", id="filter")
        yield ListScope(self._shape_outlet, id="scope")
        header = TableHeader(COLUMNS, id="columns")
        yield header
        yield ArticleTable(COLUMNS, self.cells, _article_id, header, id="articles")
        yield Footer()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    @property
    def order(self) -> list[str]:
        """The ids of the rows shown, in order (all of them are read)."""
        return [row.article.id for row in self.shown_rows]

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns shown (the id column last, when `i` shows it)."""
        return (*COLUMNS, ID_COLUMN) if self.show_ids else COLUMNS

    def on_mount(self) -> None:
        config = self.app.config  # type: ignore[attr-defined]
        known = {column.key for column in (*COLUMNS, ID_COLUMN)}
        self.sort_column = config.list_sort if config.list_sort in known else None
        self.reverse = config.list_sort_reverse and self.sort_column is not None
        self.refill()
        self.table.focus()
        if self.arriving and len(self.rows) == FIRST_ROWS:
            self.call_after_refresh(self.read_rest)

    @work(thread=True, group="rows")
    def read_rest(self) -> None:
        """The rows after the first ones, read from the index (titles folded for the filter)."""
        rest = [Row(info) for info in self.corpus.infos()[FIRST_ROWS:]]
        self.app.call_from_thread(self.add_rows, rest, last=True)
        self.corpus.read_ahead()

    def on_screen_resume(self) -> None:
        """Shown (first, or back from the reader): the store's counts, then words and entities
        in the background, again for articles opened since (their decisions may have changed)."""
        self.refresh_stats()
        opened = self.app.opened  # type: ignore[attr-defined]
        for article_id in opened & self.rows.keys():
            self.rows[article_id].entities = None
        opened.clear()
        place = self.shown_rows.position(self.app.last_read)  # type: ignore[attr-defined]
        if place is not None:
            self.table.cursor_row = place
        if not self.arriving:
            self.call_after_refresh(self.count_rows)

    def cells(self, row: Row, _number: int) -> tuple[str, ...]:
        """The texts of one row; Arabic through the layout engine."""
        mode, harakat = self.app.render_mode, self.app.config.hide_harakat  # type: ignore[attr-defined]
        title, outlet = (column.width for column in self.table.columns[:2])
        cells = (
            shaped_line(row.article.title or row.article.id, title, mode, harakat),
            shaped_line(row.article.outlet or "", outlet, mode, harakat),
            row.article.day or "",
            _count(row.words),
            _count(row.entities),
            *(("…",) * 3 if row.stats is None else _stat_cells(row.stats)),
        )
        if self.show_ids:
            width = self.table.columns[-1].width
            return (*cells, shaped_line(row.article.id, width, mode, harakat))
        return cells

    # -- data ------------------------------------------------------------------------------

    def store_opened(self) -> None:
        """The database is open (`RawiApp.open_store`): its counts, then words and entities."""
        self.refresh_stats()
        if not self.arriving:
            self.count_rows()

    def refresh_stats(self) -> None:
        """Claims, sources and status again from the store (once it is open)."""
        store = self.app.store  # type: ignore[attr-defined]
        if store is not None:
            self.stats = store_stats(store, self.app.annotator)  # type: ignore[attr-defined]
            for article_id, row in self.rows.items():
                row.stats = self.stats.get(article_id, StoreStats())
            self._values_changed()
        self.show_progress()
        self.table.refresh()

    def show_progress(self) -> None:
        """ "n of N done" and the counts by status in the header, then how many articles have
        their entities counted while a count runs."""
        if self.stats is None:
            self._statuses = "opening the annotation database…"
        else:
            self._statuses = progress_summary(
                (row.stats or StoreStats()).status for row in self.rows.values()
            )
        self._show_header()

    def _show_header(self) -> None:
        parts = [self._statuses]
        if self.counting:
            parts.append(f"entities counted: {self._counted:,} of {self._to_count:,}")
        self.sub_title = " · ".join(parts)

    @property
    def counting(self) -> bool:
        """Whether entities are being counted."""
        return self._counted < self._to_count

    def count_rows(self) -> None:
        """Count what is not counted yet, in a thread, with the analyst's entity decisions
        (once the database is open)."""
        app = self.app
        if app.store is None:  # type: ignore[attr-defined]
            return
        decisions = entity_decisions(app.store, app.annotator)  # type: ignore[attr-defined]
        self._count_rows(decisions, list(self.shown_rows))

    @work(thread=True, exclusive=True, group="counts", description="count words and entities")
    def _count_rows(self, decisions: list[Any], shown: list[Row]) -> None:
        """Words and entities of every row `shown` not counted yet, in that order, posted in
        small batches: stored counts first, the others counted (and stored) as they come."""
        worker = get_current_worker()
        if self.stored_counts is None:
            self.stored_counts = EntityCounts.open()
            self._counting_pool = counting_pool(self.recogniser)
        counter = EntityCounter(self.recogniser, decisions, self.stored_counts, self._counting_pool)
        todo = [row for row in shown if row.entities is None]
        self.app.call_from_thread(self._apply_counts, [], len(todo))
        failed = False
        for start in range(0, len(todo), LOOKUP_BATCH):
            rows = todo[start : start + LOOKUP_BATCH]
            known = counter.known(row.article.sha256 for row in rows)
            batch: list[tuple[str, int, int | None]] = []
            for row in rows:
                entities = known.get(row.article.sha256)
                if entities is None and not failed:
                    while time.monotonic() < self._typing_until and not worker.is_cancelled:
                        time.sleep(TYPING_PAUSE / 5)
                    if worker.is_cancelled:
                        counter.flush()
                        return
                    try:
                        text = self.corpus[row.article.id].text
                        entities = counter.count(row.article.sha256, text)
                    except Exception as error:  # the recogniser is optional for the list
                        failed = True
                        self.app.call_from_thread(
                            self.notify, f"Entities not counted: {error}", severity="warning"
                        )
                batch.append((row.article.id, row.article.words, entities))
                if len(batch) == COUNT_BATCH:
                    counter.flush()
                    self.app.call_from_thread(self._apply_counts, batch, len(todo))
                    batch = []
            counter.flush()
            self.app.call_from_thread(self._apply_counts, batch, len(todo))

    def _apply_counts(self, batch: list[tuple[str, int, int | None]], total: int) -> None:
        """Show counts; the header says how many of `total` are counted until they all are."""
        for article_id, words, entities in batch:
            row = self.rows[article_id]
            row.words, row.entities = words, entities
        self._values_changed()
        self._counted += len(batch)
        self._to_count = total
        self._show_header()
        self.table.refresh()

    def _values_changed(self) -> None:
        """Counts or the store's stats changed: sorted by them, the rows are sorted again."""
        if self.sort_column in CHANGING:
            self._sorted = None

    def refill(self) -> None:
        """Show the rows that pass the filter, in the sort order, keeping the highlighted one."""
        order = (self.sort_column, self.reverse)
        if self._sorted is None or self._sorted[0] != order:
            self._sorted = (order, SortedRows(self.rows.values(), *order))
        shown = ShownRows(self._sorted[1], self.passing)
        self.shown_rows = shown
        self.table.set_rows(shown, shown.position(self.table.highlighted) or 0)
        self.query_one(TableHeader).show_sort(self.sort_column, self.reverse)

    def redraw(self) -> None:
        """Draw again in the current render mode."""
        self.refill()
        self.query_one(ListScope).redraw()

    def refilter(self) -> None:
        """Filter the rows again for `needle` and `where`, in a worker (at once when there is
        neither)."""
        if not self.needle and self.where is None:
            self.passing, self.shown = None, ("", None)
            self.refill()
            return
        self._filter(self.needle, self.where, list(self.rows.values()))

    @work(thread=True, exclusive=True, group="filter", description="filter the list")
    def _filter(self, needle: str, where: ArticleFilter | None, rows: list[Row]) -> None:
        worker = get_current_worker()
        with self._filtering:  # one query at a time; those overtaken meanwhile never start
            if worker.is_cancelled:
                return
            passing = self._passing(needle, where, rows)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._filtered, (needle, where), passing)

    def _passing(self, needle: str, where: ArticleFilter | None, rows: list[Row]) -> set[str]:
        """The ids of the articles in `where` whose title, outlet or id contains the folded
        `needle`, or whose text matches it as a query being typed (`as_typed`)."""
        scope = None if where is None else set(self.corpus.ids(where))
        if not needle:
            return scope or set()
        try:
            query = as_typed(needle)
            passing = self.corpus.matching_ids(query, where) if query else set()
        except QueryError:  # not a query yet (a lone quote or minus...)
            passing = set()
        folded = match_key(needle).casefold()
        candidates = rows
        if self._titled is not None:
            before, before_where, before_count, matched = self._titled
            if before in folded and (before_where, before_count) == (where, len(rows)):
                candidates = matched  # typed on: what matches now matched before
        titled = [
            row
            for row in candidates
            if folded in row.haystack and (scope is None or row.article.id in scope)
        ]
        self._titled = (folded, where, len(rows), titled)
        passing.update(row.article.id for row in titled)
        return passing

    def _filtered(self, wanted: tuple[str, ArticleFilter | None], passing: set[str]) -> None:
        """Show the rows passing `wanted` if it is still the filter."""
        if wanted != (self.needle, self.where):
            return
        self.passing, self.shown = passing, wanted
        self.refill()

    def _shape_outlet(self, name: str, width: int) -> str:
        app = self.app
        return shaped_line(name, width, app.render_mode, app.config.hide_harakat)  # type: ignore[attr-defined]

    def add_articles(self, articles: Sequence[Any], *, last: bool = False) -> None:
        """Rows for articles that arrived after the screen opened (see `add_rows`)."""
        self.add_rows([Row(article) for article in articles], last=last)

    def add_rows(self, rows: Sequence[Row], *, last: bool = False) -> None:
        """Rows that came after the screen opened; counting starts after the `last` batch (it
        would slow the loading down)."""
        for row in rows:
            self.rows[row.article.id] = row
            if self.stats is not None:
                row.stats = self.stats.get(row.article.id, StoreStats())
        self._sorted = None
        self.show_progress()
        self.refilter()
        if last:
            self.arriving = False
            if len(self.rows) >= ARCHIVE_ROWS:
                _collect_less()
            self.count_rows()

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The article `step` rows away from `article_id` in the list as shown."""
        place = self.shown_rows.position(article_id)
        if place is None or not 0 <= place + step < len(self.shown_rows):
            return None
        return self.shown_rows[place + step].article.id

    # -- actions ---------------------------------------------------------------------------

    def action_open(self) -> None:
        if (article_id := self.table.highlighted) is not None:
            self.app.open_article(article_id)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.open_export()  # type: ignore[attr-defined]

    def action_stories(self) -> None:
        self.app.open_stories()  # type: ignore[attr-defined]

    def action_adjudicate(self) -> None:
        if (article_id := self.table.highlighted) is not None:
            self.app.open_adjudication(article_id)  # type: ignore[attr-defined]

    @on(ArticleTable.Selected)
    def row_clicked(self, event: ArticleTable.Selected) -> None:
        self.app.open_article(event.article_id)  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        field_ = self.query_one("#filter", ArabicInput)
        field_.add_class("shown")
        field_.focus()

    def action_search(self) -> None:
        """The search screen, over the outlet and days the list is narrowed to."""
        self.app.push_screen(SearchScreen(self.corpus, self.where))

    def on_unmount(self) -> None:
        if self.stored_counts is not None:
            self.stored_counts.close()
        if self._counting_pool is not None:
            self._counting_pool.shutdown(wait=False, cancel_futures=True)

    def action_scope(self) -> None:
        """Show the outlet and date fields (the outlets are read the first time)."""
        scope = self.query_one(ListScope)
        if not scope.outlets:
            scope.set_outlets(self.corpus.values("outlet"))
        scope.add_class("shown")
        scope.focus_outlet()

    @on(ListScope.Changed)
    def scope_changed(self, event: ListScope.Changed) -> None:
        self.where = event.where
        self.refilter()

    def action_clear_filter(self) -> None:
        """Escape: no filter, the whole list in its sort order, the first row highlighted (in
        the outlet and date fields: back to the list, keeping them)."""
        if self.focused is not None and self.focused.parent is self.query_one(ListScope):
            self.table.focus()
            return
        field_ = self.query_one("#filter", ArabicInput)
        field_.value = ""
        field_.remove_class("shown")
        self.needle = ""
        self.refilter()
        self.table.action_jump(0)
        self.table.focus()

    @on(ArabicInput.Changed, "#filter")
    def filter_changed(self, event: ArabicInput.Changed) -> None:
        self.needle = event.value.strip()
        self._typing_until = time.monotonic() + TYPING_PAUSE
        self.refilter()

    @on(ArabicInput.Submitted, "#filter")
    def filter_done(self) -> None:
        self.table.focus()

    @on(TableHeader.Sort)
    def header_clicked(self, event: TableHeader.Sort) -> None:
        self.sort_by(event.key)

    def action_toggle_ids(self) -> None:
        self.show_ids = not self.show_ids
        self.table.least_columns = self.columns
        if not self.show_ids and self.sort_column == ID_COLUMN.key:
            self.sort_column = None
        self.refill()

    def action_sort(self) -> None:
        keys = [column.key for column in self.columns]
        current = keys.index(self.sort_column) if self.sort_column else -1
        self.sort_by(keys[(current + 1) % len(keys)])

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.sorted_by(self.sort_column)

    def sort_by(self, column: str) -> None:
        self.reverse = not self.reverse if column == self.sort_column else False
        self.sorted_by(column)

    def sorted_by(self, column: str | None) -> None:
        """Show the rows sorted by `column` (and `reverse`), an order kept in the config."""
        self.sort_column = column
        self.refill()
        self.app.keep_list_sort(column, self.reverse)  # type: ignore[attr-defined]


def _article_id(row: Row) -> str:
    return row.article.id
