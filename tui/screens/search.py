"""`SearchScreen`: search the whole corpus as you type; each result with its title, outlet, day
and snippet (hits marked); Enter opens the article with the cursor on its first hit.

The query runs in a thread worker, results drawn there too; a result for a query typed over
is never shown. The list's outlet and days narrow the search.
"""

from __future__ import annotations

import threading
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from annotations.corpus import ArticleFilter, Corpus, QueryError, SearchResult, as_typed
from tui.layout import ArticleLayout, Mode
from tui.layout.styled_runs import StyledSpan
from tui.layout.terminal_output import rich_lines
from tui.marks import Depth
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.article_view import app_depth

#: Results shown (the best ones).
SEARCH_LIMIT = 50
#: Screen lines of each result's snippet.
SNIPPET_LINES = 2


#: How results are drawn: render mode, harakat hidden, palette.
Display = tuple[Mode, bool, Depth]


def result_prompt(result: SearchResult, width: int, display: Display) -> Text:
    """A result as the screen shows it: its title, its outlet and day, then its snippet."""
    info, snippet = result.info, result.snippet
    shift = len("…") if snippet.cut_before else 0  # `str(snippet)` starts with it
    hits = [
        (hit.start - snippet.start + shift, hit.end - snippet.start + shift, "hit")
        for hit in result.hits
        if snippet.start <= hit.start and hit.end <= snippet.end
    ]
    title = _lines(info.title or info.id, [], width, display)[:1]
    for line in title:
        line.stylize("bold")
    where = _lines(f"{info.outlet or '-'} · {info.day or '-'}", [], width, display)[:1]
    body = _lines(str(snippet), hits, width, display)[:SNIPPET_LINES]
    return Text("\n").join([*title, *where, *body])


def _lines(text: str, spans: list[StyledSpan], width: int, display: Display) -> list[Text]:
    """`text` wrapped to `width` (spans are offsets into it: whitespace is not collapsed)."""
    mode, hide_harakat, depth = display
    layout = ArticleLayout(text.replace("\n", " "), mode, hide_harakat)
    layout.wrap(width)
    return rich_lines(layout, spans, depth)


class SearchScreen(Screen[None]):
    """A query field over the corpus's best matches."""

    BINDINGS = [
        Binding("escape", "back", "Back to the list", id="search.back"),
        Binding("slash", "edit", "Edit the query", id="search.edit"),
    ]

    def __init__(self, corpus: Corpus, where: ArticleFilter | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.where = where
        self.query_text = ""
        self.results: list[SearchResult] = []
        #: The query the results shown are for.
        self.shown_query = ""
        self._searching = threading.Lock()

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArabicInput(
            placeholder='Search: words, "a phrase", a OR b, -word, prefix*', id="query"
        )
        yield Static(f"Type to search {self._scope_text()}", id="search-status", markup=False)
        yield OptionList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#query", ArabicInput).focus()

    def _scope_text(self) -> str:
        where = self.where
        if where is None:
            return "in the whole corpus"
        parts = [
            where.outlet or "every outlet",
            f"since {where.since}" if where.since else "",
            f"until {where.until}" if where.until else "",
        ]
        return "only " + ", ".join(part for part in parts if part)

    @on(ArabicInput.Changed, "#query")
    def query_changed(self, event: ArabicInput.Changed) -> None:
        self.query_text = event.value.strip()
        if not as_typed(self.query_text):  # nothing yet, or one letter
            self._results(self.query_text, [], [], f"Type to search {self._scope_text()}")
            return
        width = max(self.query_one(OptionList).scrollable_content_region.width - 2, 20)
        app: Any = self.app
        self._search(
            self.query_text, width, (app.render_mode, app.config.hide_harakat, app_depth(app))
        )

    @work(thread=True, exclusive=True, group="search", description="search the corpus")
    def _search(self, query: str, width: int, display: Display) -> None:
        worker = get_current_worker()
        with self._searching:  # one query at a time; those overtaken meanwhile never start
            if worker.is_cancelled:
                return
            try:
                results = self.corpus.search(as_typed(query), self.where, SEARCH_LIMIT)
                status = f"{len(results)} articles" if results else "No article matches"
                if len(results) == SEARCH_LIMIT:
                    status = f"The best {SEARCH_LIMIT} articles"
                status = f"{status} {self._scope_text()}"
            except QueryError as error:
                results, status = [], f"Not a query: {error}"
            prompts = [result_prompt(result, width, display) for result in results]
        if not worker.is_cancelled:
            self.app.call_from_thread(self._results, query, results, prompts, status)

    def _results(
        self, query: str, results: list[SearchResult], prompts: list[Text], status: str
    ) -> None:
        if query != self.query_text:
            return
        self.results, self.shown_query = results, query
        self.query_one("#search-status", Static).update(status)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(prompt, id=result.info.id)
                for prompt, result in zip(prompts, results, strict=True)
            ]
        )
        if results:
            options.highlighted = 0

    @on(ArabicInput.Submitted, "#query")
    def query_done(self) -> None:
        if self.results:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def open_result(self, event: OptionList.OptionSelected) -> None:
        result = self.results[event.option_index]
        at = result.hits[0].start if result.hits else 0
        self.app.open_article(result.info.id, at=at)  # type: ignore[attr-defined]

    def action_edit(self) -> None:
        self.query_one("#query", ArabicInput).focus()

    def action_back(self) -> None:
        self.dismiss(None)
