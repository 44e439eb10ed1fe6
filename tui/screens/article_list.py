"""`ArticleListScreen`: one row per article, filter as you type, sort by column, Enter opens.

The first frame shows the first rows of the corpus; the others are read from the index in a
thread worker after it. Words and entities are counted afterwards in another, in the order the
rows are shown. The filter runs in a worker too: a keystroke cancels the query of the one
before it if that has not started, and a stale result is never shown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from annotations.arabic import match_key
from annotations.corpus import Corpus, QueryError, as_typed
from annotations.session import StoreStats, entity_decisions, progress_summary, store_stats
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.article_table import ArticleTable, Column, TableHeader
from tui.widgets.shaped import shaped_line

COLUMNS = (
    Column("title", "Title", 50, "right", grow=3),
    Column("outlet", "Outlet", 18, "right", grow=1),
    Column("words", "Words", 7, "right"),
    Column("entities", "Entities", 8, "right"),
    Column("claims", "Claims", 6, "right"),
    Column("sources", "Sources", 7, "right"),
    Column("status", "Status", 11),
)
#: Shown by `i` (hidden by default).
ID_COLUMN = Column("id", "Id", 24)
STATUS_ORDER = {"todo": 0, "in progress": 1, "done": 2}
COUNT_BATCH = 16
#: Rows read before the first frame (a screenful and more); the rest are read after it.
FIRST_ROWS = 100
#: Counting stops this long after each keystroke in the filter (it would slow the filter down).
TYPING_PAUSE = 0.5


@dataclass
class Row:
    """What one row shows; `words` and `entities` are None until counted."""

    article: Any
    stats: StoreStats = field(default_factory=StoreStats)
    words: int | None = None
    entities: int | None = None

    def sort_key(self, column: str) -> Any:
        return {
            "title": self.article.title,
            "outlet": self.article.outlet or "",
            "words": -1 if self.words is None else self.words,
            "entities": -1 if self.entities is None else self.entities,
            "claims": self.stats.claims,
            "sources": self.stats.sources,
            "status": STATUS_ORDER.get(self.stats.status, 0),
            "id": self.article.id,
        }[column]

    def __post_init__(self) -> None:
        article = self.article
        folded = match_key(f"{article.title} {article.outlet or ''} {article.id}")
        #: The title, outlet and id folded, for the filter.
        self.haystack = folded.casefold()


def _count(value: int | None) -> str:
    return "…" if value is None else str(value)


class ArticleListScreen(Screen[None]):
    """The corpus as a table."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="list.open"),
        Binding("slash", "filter", "Filter", id="list.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="list.clear_filter"),
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
        self.order: list[str] = list(self.rows)
        self.sort_column: str | None = None
        self.reverse = False
        self.show_ids = False
        self.needle = ""
        #: The ids passing the filter (None: no filter), and the needle they are for.
        self.passing: set[str] | None = None
        self.shown_needle = ""
        self._filtering = threading.Lock()
        self._typing_until = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArabicInput(placeholder="Filter: title, outlet, id or words of the text", id="filter")
        header = TableHeader(COLUMNS, id="columns")
        yield header
        yield ArticleTable(COLUMNS, self.cells, header, id="articles")
        yield Footer()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

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

    def on_screen_resume(self) -> None:
        """Shown (first, or back from the reader): the store's counts, then words and entities
        in the background, again for articles opened since (their decisions may have changed)."""
        self.refresh_stats()
        opened = self.app.opened  # type: ignore[attr-defined]
        for article_id in opened & self.rows.keys():
            self.rows[article_id].entities = None
        opened.clear()
        last_read = self.app.last_read  # type: ignore[attr-defined]
        if last_read in self.order:
            self.table.cursor_row = self.order.index(last_read)
        if not self.arriving:
            self.call_after_refresh(self.count_rows)

    def cells(self, row: Row, _number: int) -> tuple[str, ...]:
        """The texts of one row; Arabic through the layout engine."""
        mode, harakat = self.app.render_mode, self.app.config.hide_harakat  # type: ignore[attr-defined]
        title, outlet = (column.width for column in self.table.columns[:2])
        cells = (
            shaped_line(row.article.title or row.article.id, title, mode, harakat),
            shaped_line(row.article.outlet or "", outlet, mode, harakat),
            _count(row.words),
            _count(row.entities),
            str(row.stats.claims),
            str(row.stats.sources),
            row.stats.status,
        )
        if self.show_ids:
            width = self.table.columns[-1].width
            return (*cells, shaped_line(row.article.id, width, mode, harakat))
        return cells

    # -- data ------------------------------------------------------------------------------

    def refresh_stats(self) -> None:
        """Claims, sources and status again from the store."""
        stats = store_stats(self.app.store, self.app.annotator)  # type: ignore[attr-defined]
        for article_id, row in self.rows.items():
            row.stats = stats.get(article_id, StoreStats())
        self.show_progress()
        self.table.refresh()

    def show_progress(self) -> None:
        """ "n of N done" and the counts by status, in the header."""
        self.sub_title = progress_summary(row.stats.status for row in self.rows.values())

    def count_rows(self) -> None:
        """Count what is not counted yet, in a thread, with the analyst's entity decisions."""
        app = self.app
        self._count_rows(entity_decisions(app.store, app.annotator))  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="counts", description="count words and entities")
    def _count_rows(self, decisions: list[Any]) -> None:
        """Words and entities of every row, in display order, posted in small batches."""
        worker = get_current_worker()
        batch: list[tuple[str, int, int | None]] = []
        entities_ok = True
        for article_id in list(self.order):
            while time.monotonic() < self._typing_until and not worker.is_cancelled:
                time.sleep(TYPING_PAUSE / 5)
            if worker.is_cancelled:
                return
            row = self.rows[article_id]
            if row.entities is not None:
                continue
            entities: int | None = None
            if entities_ok:
                try:
                    text = self.corpus[article_id].text
                    entities = len(self.recogniser(text, decisions))
                except Exception as error:  # the recogniser is optional for the list
                    entities_ok = False
                    self.app.call_from_thread(
                        self.notify, f"Entities not counted: {error}", severity="warning"
                    )
            batch.append((article_id, row.article.words, entities))
            if len(batch) >= COUNT_BATCH:
                self.app.call_from_thread(self._apply_counts, batch)
                batch = []
        if batch:
            self.app.call_from_thread(self._apply_counts, batch)

    def _apply_counts(self, batch: list[tuple[str, int, int | None]]) -> None:
        for article_id, words, entities in batch:
            row = self.rows[article_id]
            row.words, row.entities = words, entities
        self.table.refresh()

    def refill(self) -> None:
        """Show the rows that pass the filter, in the sort order, keeping the highlighted one."""
        passing = self.passing
        rows = [row for row in self.rows.values() if passing is None or row.article.id in passing]
        self._show(self._sorted(rows))

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self.sort_column:
            column = self.sort_column
            rows.sort(key=lambda row: row.sort_key(column), reverse=self.reverse)
        return rows

    def _show(self, rows: list[Row]) -> None:
        self.order = [row.article.id for row in rows]
        self.table.set_rows(rows, self.order, keep=self.table.highlighted)
        self.query_one(TableHeader).show_sort(self.sort_column, self.reverse)

    def refilter(self) -> None:
        """Filter the rows again for `needle`, in a worker (at once when there is none)."""
        if not self.needle:
            self.passing, self.shown_needle = None, ""
            self.refill()
            return
        self._filter(self.needle, list(self.rows.values()))

    @work(thread=True, exclusive=True, group="filter", description="filter the list")
    def _filter(self, needle: str, rows: list[Row]) -> None:
        worker = get_current_worker()
        with self._filtering:  # one query at a time; those overtaken meanwhile never start
            if worker.is_cancelled:
                return
            order = (self.sort_column, self.reverse)
            passing = self._passing(needle, rows)
            shown = self._sorted([row for row in rows if row.article.id in passing])
        if not worker.is_cancelled:
            self.app.call_from_thread(self._filtered, needle, passing, shown, order)

    def _passing(self, needle: str, rows: list[Row]) -> set[str]:
        """The ids of the rows whose title, outlet or id contains the folded `needle`, or whose
        text matches it as a search query (its last word typed as a prefix)."""
        try:
            passing = self.corpus.matching_ids(as_typed(needle))
        except QueryError:  # not a query yet (a lone quote or minus...)
            passing = set()
        folded = match_key(needle).casefold()
        passing.update(row.article.id for row in rows if folded in row.haystack)
        return passing

    def _filtered(
        self, needle: str, passing: set[str], rows: list[Row], order: tuple[str | None, bool]
    ) -> None:
        """Show the rows passing `needle` if it is still the filter (sorted again if the sort
        order changed meanwhile)."""
        if needle != self.needle:
            return
        self.passing, self.shown_needle = passing, needle
        self._show(rows if order == (self.sort_column, self.reverse) else self._sorted(rows))

    def add_articles(self, articles: Sequence[Any], *, last: bool = False) -> None:
        """Rows for articles that arrived after the screen opened (see `add_rows`)."""
        self.add_rows([Row(article) for article in articles], last=last)

    def add_rows(self, rows: Sequence[Row], *, last: bool = False) -> None:
        """Rows that came after the screen opened; counting starts after the `last` batch (it
        would slow the loading down)."""
        for row in rows:
            self.rows[row.article.id] = row
        self.show_progress()
        if self.needle:
            self.refilter()
        else:
            self.refill()
        if last:
            self.arriving = False
            self.count_rows()

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The article `step` rows away from `article_id` in the list as shown."""
        if article_id not in self.order:
            return None
        index = self.order.index(article_id) + step
        return self.order[index] if 0 <= index < len(self.order) else None

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

    def action_clear_filter(self) -> None:
        """Escape: no filter, the whole list in its sort order, the first row highlighted."""
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
