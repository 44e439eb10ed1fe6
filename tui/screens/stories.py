"""`StoriesScreen` (the corpus's stories: articles grouped by event) and `CompareScreen` (one
story's articles compared: shared quotes, names, sources, omissions). `annotations.stories`
does the work, in a worker thread; these screens draw it."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from annotations.corpus import Corpus
from annotations.corpus.search_keys import field_key
from annotations.stories import Story
from tui.layout import Mode
from tui.printable import printable
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.article_view import ArticleView
from tui.widgets.shaped import shaped_line

#: Cells given to a title or a quoted stretch.
TEXT_WIDTH = 70
#: The compare screen's tabs, in order: (id, title).
TABS = (("articles", "Articles"), ("quotes", "Quotes"), ("names", "Names"),
        ("sources", "Sources"), ("omissions", "Omissions"))  # fmt: skip
#: Mark keys (tui/marks.py) of a shared quote, of the current one, of a word that differs.
SHARED, CURRENT, DIFFERENT = "content", "hit", "claim"


class StoriesScreen(Screen[None]):
    """One row per story (first day, articles, outlets, title); `Enter` compares its articles."""

    AUTO_FOCUS = "#stories-rows"  # not the filter field, hidden until `/`

    BINDINGS = [
        Binding("n,down", "move(1)", "Next story", id="stories.next"),
        Binding("p,up", "move(-1)", "Previous story", id="stories.previous"),
        Binding("enter", "compare", "Compare its articles", id="stories.compare"),
        Binding("slash", "filter", "Filter: title or outlet", id="stories.filter"),
        Binding("q,escape", "back", "Back to list (escape: clear the filter first)",
                id="stories.back"),
    ]  # fmt: skip

    def __init__(self, corpus: Corpus, mode: Mode, hide_harakat: bool) -> None:
        super().__init__()
        self.corpus = corpus
        self.mode: Mode = mode
        self.hide_harakat = hide_harakat
        self.stories: list[Story] | None = None
        self.shown: list[Story] = []
        self.needle = ""
        self.current = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArabicInput(placeholder="Filter: title or outlet", id="stories-filter")
        yield Static("Grouping the articles into stories…", id="stories-status", markup=False)
        yield VerticalScroll(id="stories-rows")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "stories"
        self.group()

    @work(thread=True, exclusive=True)
    def group(self) -> None:
        from annotations.stories import cached_stories

        stories = cached_stories(self.corpus)
        self.app.call_from_thread(self.show, stories)

    def show(self, stories: list[Story]) -> None:
        self.stories = stories
        articles = sum(len(story.articles) for story in stories)
        self.query_one("#stories-status", Static).update(
            f"{len(stories)} stories of {articles} articles (stories of one article left out)"
        )
        self.redraw()

    def redraw(self) -> None:
        needle = field_key(self.needle)
        self.shown = [
            story
            for story in self.stories or ()
            if needle in field_key(story.title)
            or any(needle in field_key(outlet) for outlet in story.outlets)
        ]
        self.current = min(self.current, max(len(self.shown) - 1, 0))
        rows = self.query_one("#stories-rows", VerticalScroll)
        rows.remove_children()
        rows.mount_all(self._row(n, story) for n, story in enumerate(self.shown))

    def _row(self, index: int, story: Story) -> Static:
        pointer = "▶" if index == self.current else " "
        outlets = ", ".join(shaped_line(printable(o), TEXT_WIDTH, self.mode) for o in story.outlets)
        title = shaped_line(story.title, TEXT_WIDTH, self.mode, self.hide_harakat)
        day = (story.first or "-")[:10]
        row = Static(
            f"{pointer} {day:<10} {len(story.articles):>3}  {title}  · {outlets}", markup=False,
            classes="story current" if index == self.current else "story",
        )
        return row

    def action_move(self, step: int) -> None:
        if not self.shown:
            return
        self.current = max(0, min(len(self.shown) - 1, self.current + step))
        self.redraw()

    def action_filter(self) -> None:
        field_ = self.query_one("#stories-filter", ArabicInput)
        field_.add_class("shown")
        field_.focus()

    @on(ArabicInput.Changed, "#stories-filter")
    def filter_changed(self, event: ArabicInput.Changed) -> None:
        self.needle, self.current = event.value.strip(), 0
        self.redraw()

    @on(ArabicInput.Submitted, "#stories-filter")
    def filter_done(self) -> None:
        self.query_one("#stories-rows").focus()

    def action_compare(self) -> None:
        if not self.shown:
            return
        story = self.shown[self.current]
        articles = [self.corpus[article_id] for article_id in story.articles]
        self.app.push_screen(CompareScreen(story.id, articles, self.mode, self.hide_harakat))

    def action_back(self) -> None:
        field_ = self.query_one("#stories-filter", ArabicInput)
        if field_.value or field_.has_focus:
            field_.value = ""
            field_.remove_class("shown")
            self.query_one("#stories-rows").focus()
            return
        self.dismiss(None)


class CompareScreen(Screen[None]):
    """A story's articles compared, in tabs: the articles side by side (shared quotes marked,
    the current one as a hit, words that differ underlined), then tables; `n` / `p` move
    through the shared quotes, scrolling every pane to its wording."""

    BINDINGS = [
        Binding("n", "move(1)", "Next shared quote (every pane scrolls to it)", id="compare.next"),
        Binding("p", "move(-1)", "Previous shared quote", id="compare.previous"),
        *(
            Binding(str(n), f"tab('{tab}')", title, id=f"compare.{tab}")
            for n, (tab, title) in enumerate(TABS, 1)
        ),
        Binding("q,escape", "back", "Back to stories", id="compare.back"),
    ]

    def __init__(self, name: str, articles: list[Any], mode: Mode, hide_harakat: bool) -> None:
        super().__init__()
        self.story_name = name
        self.articles = articles
        self.mode: Mode = mode
        self.hide_harakat = hide_harakat
        self.record: dict | None = None
        self.current = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Comparing…", id="compare-status", markup=False)
        with TabbedContent(id="compare-tabs"):
            with TabPane("Articles", id="articles"), HorizontalScroll(id="compare-panes"):
                for article in self.articles:
                    yield ArticleView(
                        article.text, mode=self.mode, hide_harakat=self.hide_harakat,
                        classes="compare-pane",
                    )
            for tab, title in TABS[1:]:
                with TabPane(title, id=tab):
                    yield VerticalScroll(id=f"compare-{tab}")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"compare {printable(self.story_name)}"
        self.compare()

    @work(thread=True, exclusive=True)
    def compare(self) -> None:
        from annotations.stories import compare

        record = compare(self.articles).record()
        self.app.call_from_thread(self.show, record)

    def show(self, record: dict) -> None:
        self.record = record
        outlets = " · ".join(self._outlet(a["outlet"]) for a in record["articles"])
        self.query_one("#compare-status", Static).update(
            f"{len(record['articles'])} articles ({outlets}): {len(record['quotes'])} shared "
            f"quotes, {len(record['omissions'])} reported by one outlet only"
        )
        self._fill("names", self._name_rows())
        self._fill("sources", [
            f"{self._outlet(s['outlet'])}: {self._shaped(s['source'])} · {s['type'] or '-'} · "
            f"{self._shaped(s['cue'] or '-')} ×{s['count']}"
            for s in record["sources"]
        ])  # fmt: skip
        self._fill("omissions", [
            f"{printable(o['article'])}: «{self._shaped(o['text'])}»"
            for o in record["omissions"]
        ])  # fmt: skip
        self.redraw_quotes()

    def redraw_quotes(self) -> None:
        assert self.record is not None
        rows = []
        for n, quote in enumerate(self.record["quotes"]):
            pointer = "▶" if n == self.current else " "
            rows.append((f"{pointer} {n + 1}.", "quote current" if n == self.current else "quote"))
            for o in quote["occurrences"]:
                mark = " (suggested)" if o["suggested"] else ""
                who = f"{self._shaped(o['source'] or '-')} / {self._shaped(o['cue'] or '-')}"
                rows.append((f"   {self._outlet(o['outlet'])}: {who}{mark}", "occurrence"))
                rows.append((f"   «{self._shaped(o['text'])}»", "occurrence"))
        pane = self.query_one("#compare-quotes", VerticalScroll)
        pane.remove_children()
        pane.mount_all(Static(text, markup=False, classes=classes) for text, classes in rows)
        if rows and self.current < len(self.record["quotes"]):
            self.call_after_refresh(self._scroll_to_current)
        self.mark_panes()

    def mark_panes(self) -> None:
        """Each pane's shared quotes, the current one and the words that differ in it."""
        assert self.record is not None
        for article, view in zip(self.articles, self.query(ArticleView), strict=True):
            spans, current = [], None
            for n, quote in enumerate(self.record["quotes"]):
                for o in quote["occurrences"]:
                    if o["article"] != article.id:
                        continue
                    spans.append((o["start"], o["end"], CURRENT if n == self.current else SHARED))
                    spans += [(start, end, DIFFERENT) for start, end in o["differences"]]
                    current = o["start"] if n == self.current else current
            view.set_spans(spans)
            if current is not None:
                view.scroll_to_index(current)

    def _scroll_to_current(self) -> None:
        current = self.query("#compare-quotes .current")
        if current:
            current.first().scroll_visible(top=True)

    def _name_rows(self) -> list[str]:
        assert self.record is not None
        rows = []
        for name in self.record["names"]:
            rows.append(self._shaped(name["actor"]))
            for outlet, titles in name["by_outlet"].items():
                shown = "; ".join(f"{self._shaped(t['text'])} ×{t['count']}" for t in titles)
                rows.append(f"   {self._outlet(outlet)}: {shown or '—'}")
        return rows

    def _fill(self, tab: str, lines: list[str]) -> None:
        pane = self.query_one(f"#compare-{tab}", VerticalScroll)
        pane.remove_children()
        pane.mount_all(Static(line, markup=False) for line in lines or ["—"])

    def _shaped(self, text: str) -> str:
        return shaped_line(text, TEXT_WIDTH, self.mode, self.hide_harakat)

    def _outlet(self, outlet: str) -> str:
        """An outlet's name in display order (an article's id when it has none)."""
        return shaped_line(printable(outlet), TEXT_WIDTH, self.mode)

    def action_move(self, step: int) -> None:
        if not self.record or not self.record["quotes"]:
            self.notify("No shared quote", timeout=2)
            return
        self.current = max(0, min(len(self.record["quotes"]) - 1, self.current + step))
        self.redraw_quotes()

    def action_tab(self, tab: str) -> None:
        self.query_one("#compare-tabs", TabbedContent).active = tab

    def action_back(self) -> None:
        self.dismiss(None)
