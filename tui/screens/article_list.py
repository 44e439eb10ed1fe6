"""`ArticleListScreen`: one row per article, filter as you type, sort by column, Enter opens.

Rows appear at once with what costs nothing (title, outlet, the store's counts); words and
entities are counted afterwards in a thread worker, in the order the rows are shown.
"""

from __future__ import annotations

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
from annotations.corpus import QueryError, as_typed
from annotations.session import StoreStats, entity_decisions, store_stats
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.article_table import ArticleTable, Column, TableHeader
from tui.widgets.shaped import shaped_line

COLUMNS = (
    Column("title", "Title", 50, "right"),
    Column("outlet", "Outlet", 18, "right"),
    Column("words", "Words", 7, "right"),
    Column("entities", "Entities", 8, "right"),
    Column("claims", "Claims", 6, "right"),
    Column("sources", "Sources", 7, "right"),
    Column("status", "Status", 11),
)
STATUS_ORDER = {"todo": 0, "in progress": 1, "done": 2}
COUNT_BATCH = 16


@dataclass
class Row:
    """What one row shows; `words` and `entities` are None until counted."""

    article: Any
    stats: StoreStats = field(default_factory=StoreStats)
    words: int | None = None
    entities: int | None = None
    haystack: str = ""

    def sort_key(self, column: str) -> Any:
        return {
            "title": self.article.title,
            "outlet": self.article.outlet or "",
            "words": -1 if self.words is None else self.words,
            "entities": -1 if self.entities is None else self.entities,
            "claims": self.stats.claims,
            "sources": self.stats.sources,
            "status": STATUS_ORDER.get(self.stats.status, 0),
        }[column]

    def matches(self, needle: str) -> bool:
        """Whether the folded title, outlet or id contains the folded `needle`."""
        if not self.haystack:
            article = self.article
            folded = match_key(f"{article.title} {article.outlet or ''} {article.id}")
            self.haystack = folded.casefold()
        return needle in self.haystack


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
        Binding("q", "app.quit", "Quit", id="list.quit"),
    ]

    def __init__(
        self,
        articles: Sequence[Any],
        recogniser: Callable[[str, Sequence[Any]], Sequence[Any]],
        *,
        arriving: bool = False,
    ) -> None:
        super().__init__()
        self.arriving = arriving
        self.rows = {article.id: Row(article) for article in articles}
        self.recogniser = recogniser
        self.order: list[str] = list(self.rows)
        self.sort_column: str | None = None
        self.reverse = False
        self.needle = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArabicInput(placeholder="Filter: title, outlet, id or words of the text", id="filter")
        yield TableHeader(COLUMNS, id="columns")
        yield ArticleTable(COLUMNS, self.cells, id="articles")
        yield Footer()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def on_mount(self) -> None:
        self.refill()
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Shown (first, or back from the reader): the store's counts, then words and entities
        in the background, again for articles opened since (their decisions may have changed)."""
        self.refresh_stats()
        opened = self.app.opened  # type: ignore[attr-defined]
        for article_id in opened & self.rows.keys():
            self.rows[article_id].entities = None
        opened.clear()
        if not self.arriving:
            self.call_after_refresh(self.count_rows)

    def cells(self, row: Row, _number: int) -> tuple[str, ...]:
        """The texts of one row; Arabic through the layout engine."""
        mode, harakat = self.app.render_mode, self.app.config.hide_harakat  # type: ignore[attr-defined]
        title, outlet = COLUMNS[0].width, COLUMNS[1].width
        return (
            shaped_line(row.article.title or row.article.id, title, mode, harakat),
            shaped_line(row.article.outlet or "", outlet, mode, harakat),
            _count(row.words),
            _count(row.entities),
            str(row.stats.claims),
            str(row.stats.sources),
            row.stats.status,
        )

    # -- data ------------------------------------------------------------------------------

    def refresh_stats(self) -> None:
        """Claims, sources and status again from the store."""
        stats = store_stats(self.app.store, self.app.annotator)  # type: ignore[attr-defined]
        for article_id, row in self.rows.items():
            row.stats = stats.get(article_id, StoreStats())
        self.table.refresh()

    def count_rows(self) -> None:
        """Count what is not counted yet, in a thread, with the analyst's entity decisions."""
        app = self.app
        self._count_rows(entity_decisions(app.store, app.annotator))  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="counts")
    def _count_rows(self, decisions: list[Any]) -> None:
        """Words and entities of every row, in display order, posted in small batches."""
        worker = get_current_worker()
        batch: list[tuple[str, int, int | None]] = []
        entities_ok = True
        for article_id in list(self.order):
            if worker.is_cancelled:
                return
            row = self.rows[article_id]
            if row.entities is not None:
                continue
            entities: int | None = None
            if entities_ok:
                try:
                    text = self.app.corpus[article_id].text  # type: ignore[attr-defined]
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
        needle = match_key(self.needle).casefold()
        in_bodies = self.body_matches()
        rows = [
            row
            for row in self.rows.values()
            if not needle or row.matches(needle) or row.article.id in in_bodies
        ]
        if self.sort_column:
            column = self.sort_column
            rows.sort(key=lambda row: row.sort_key(column), reverse=self.reverse)
        self.order = [row.article.id for row in rows]
        self.table.set_rows(rows, self.order, keep=self.table.highlighted)
        self.query_one(TableHeader).show_sort(self.sort_column, self.reverse)

    def body_matches(self) -> set[str]:
        """The articles whose text matches the filter as a search query (the last word typed
        as a prefix); none when the filter is not a query yet."""
        if not self.needle:
            return set()
        try:
            return set(self.app.corpus.matching_ids(as_typed(self.needle)))  # type: ignore[attr-defined]
        except QueryError:
            return set()

    def add_articles(self, articles: Sequence[Any], *, last: bool = False) -> None:
        """Rows for articles that arrived after the screen opened; counting starts after the
        `last` batch (it would slow the loading down)."""
        for article in articles:
            self.rows[article.id] = Row(article)
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

    @on(ArticleTable.Selected)
    def row_clicked(self, event: ArticleTable.Selected) -> None:
        self.app.open_article(event.article_id)  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        field_ = self.query_one("#filter", ArabicInput)
        field_.add_class("shown")
        field_.focus()

    def action_clear_filter(self) -> None:
        field_ = self.query_one("#filter", ArabicInput)
        field_.value = ""
        field_.remove_class("shown")
        self.table.focus()

    @on(ArabicInput.Changed, "#filter")
    def filter_changed(self, event: ArabicInput.Changed) -> None:
        self.needle = event.value.strip()
        self.refill()

    @on(ArabicInput.Submitted, "#filter")
    def filter_done(self) -> None:
        self.table.focus()

    @on(TableHeader.Sort)
    def header_clicked(self, event: TableHeader.Sort) -> None:
        self.sort_by(event.key)

    def action_sort(self) -> None:
        keys = [column.key for column in COLUMNS]
        current = keys.index(self.sort_column) if self.sort_column else -1
        self.sort_by(keys[(current + 1) % len(keys)])

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.refill()

    def sort_by(self, column: str) -> None:
        self.reverse = not self.reverse if column == self.sort_column else False
        self.sort_column = column
        self.refill()
