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
    """One row per story (first day, articles, outlets, title); `Enter` compares its articles.

    The analyst merges and splits stories here: `o` opens a story's articles (one row each), `m`
    marks a story or an article, `g` moves what is marked into the story under the cursor, `x`
    takes the article under the cursor out of its story; `u` / `ctrl+r` undo and redo these
    (and nothing else). Each is saved at once as story decisions (`Store.decide_stories`)."""

    AUTO_FOCUS = "#stories-rows"  # not the filter field, hidden until `/`

    BINDINGS = [
        Binding("n,down", "move(1)", "Next row", id="stories.next"),
        Binding("p,up", "move(-1)", "Previous row", id="stories.previous"),
        Binding("enter", "compare", "Compare its articles", id="stories.compare"),
        Binding("o", "open", "Open or close the story's articles", id="stories.open"),
        Binding("m", "mark", "Mark the story (or article) to move", id="stories.mark"),
        Binding("g", "merge", "Move what is marked into this story", id="stories.merge"),
        Binding("x", "split", "Take this article out of its story", id="stories.split"),
        Binding("u", "undo", "Undo the last merge or split", id="stories.undo"),
        Binding("ctrl+r", "redo", "Redo", id="stories.redo"),
        Binding("slash", "filter", "Filter: title or outlet", id="stories.filter"),
        Binding("q,escape", "back", "Back to list (escape: clear the filter first)",
                id="stories.back"),
    ]  # fmt: skip

    def __init__(self, corpus: Corpus, mode: Mode, hide_harakat: bool) -> None:
        super().__init__()
        self.corpus = corpus
        self.mode: Mode = mode
        self.hide_harakat = hide_harakat
        #: The stories as grouping found them, and as the analyst's decisions leave them.
        self.found: list[Story] | None = None
        self.stories: list[Story] | None = None
        self.shown: list[Story] = []
        #: The rows on screen: (story, None) for a story, (story, article id) for an article.
        self.rows: list[tuple[Story, str | None]] = []
        self.row_widgets: list[Static] = []
        self.opened: set[str] = set()
        self.marked: set[str] = set()
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

        found = cached_stories(self.corpus)
        self.app.call_from_thread(self.show, found)

    def show(self, found: list[Story]) -> None:
        self.found = found
        self.decided()

    def decided(self, focus: str | None = None) -> None:
        """Apply the analyst's story decisions to the stories found, and draw them; the cursor
        goes to the story of article `focus` when given."""
        from annotations.stories import apply_decisions

        store = self.app.store
        decisions = store.story_decisions(self.app.annotator) if store is not None else []
        self.stories = apply_decisions(self.found or [], decisions, self.corpus.info)
        articles = sum(len(story.articles) for story in self.stories)
        self.query_one("#stories-status", Static).update(
            f"{len(self.stories)} stories of {articles} articles (stories of one article left "
            f"out; {len(decisions)} of your decisions applied)"
        )
        self.redraw(focus)

    def redraw(self, focus: str | None = None) -> None:
        needle = field_key(self.needle)
        self.shown = [
            story
            for story in self.stories or ()
            if needle in field_key(story.title)
            or any(needle in field_key(outlet) for outlet in story.outlets)
        ]
        self.rows = []
        for story in self.shown:
            self.rows.append((story, None))
            if story.id in self.opened:
                self.rows += [(story, article) for article in story.articles]
        if focus is not None:
            story_rows = (n for n, (story, a) in enumerate(self.rows) if a is None)
            self.current = next(
                (n for n in story_rows if focus in self.rows[n][0].articles), self.current
            )
        self.current = min(self.current, max(len(self.rows) - 1, 0))
        rows = self.query_one("#stories-rows", VerticalScroll)
        rows.remove_children()
        self.row_widgets = [self._row(n, *row) for n, row in enumerate(self.rows)]
        rows.mount_all(self.row_widgets)
        if self.rows:
            self.call_after_refresh(self._scroll_to_current)

    def _row(self, index: int, story: Story, article: str | None) -> Static:
        classes = "story" if article is None else "story-article"
        if index == self.current:
            classes += " current"
        return Static(self._row_text(index, story, article), markup=False, classes=classes)

    def _row_text(self, index: int, story: Story, article: str | None) -> str:
        pointer = "▶" if index == self.current else " "
        if article is not None:
            mark = "●" if article in self.marked else " "
            info = self.corpus.info(article)
            title = shaped_line(info.title if info else article, TEXT_WIDTH, self.mode,
                                self.hide_harakat)  # fmt: skip
            outlet = (info.outlet if info else None) or f"({article})"
            outlet = shaped_line(printable(outlet), TEXT_WIDTH, self.mode)
            day = ((info.published if info else None) or "-")[:10]
            return f"{pointer}  {mark}{day:<10}      {title}  · {outlet}"
        mark = "●" if set(story.articles) <= self.marked else " "
        outlets = ", ".join(shaped_line(printable(o), TEXT_WIDTH, self.mode) for o in story.outlets)
        title = shaped_line(story.title, TEXT_WIDTH, self.mode, self.hide_harakat)
        day = (story.first or "-")[:10]
        opened = "▾" if story.id in self.opened else "▸"
        return f"{pointer}{mark}{opened} {day:<10} {len(story.articles):>3}  {title}  · {outlets}"

    def _scroll_to_current(self) -> None:
        current = self.query("#stories-rows .current")
        if current:
            current.first().scroll_visible()

    def _at_cursor(self) -> tuple[Story, str | None] | None:
        return self.rows[self.current] if self.rows else None

    def action_move(self, step: int) -> None:
        if not self.rows:
            return
        before, self.current = self.current, max(0, min(len(self.rows) - 1, self.current + step))
        for n in {before, self.current}:  # two rows change, not the thousands
            self.row_widgets[n].update(self._row_text(n, *self.rows[n]))
            self.row_widgets[n].set_class(n == self.current, "current")
        self._scroll_to_current()

    def action_open(self) -> None:
        if (row := self._at_cursor()) is None:
            return
        story = row[0]
        self.opened ^= {story.id}
        self.redraw(story.articles[0])

    def action_mark(self) -> None:
        """Mark (or unmark) the article under the cursor, or every article of the story."""
        if (row := self._at_cursor()) is None:
            return
        story, article = row
        chosen = {article} if article is not None else set(story.articles)
        self.marked = self.marked - chosen if chosen <= self.marked else self.marked | chosen
        self.redraw()

    def action_merge(self) -> None:
        """Move the marked articles into the story under the cursor (one undo step)."""
        if (row := self._at_cursor()) is None:
            return
        story = row[0]
        moving = sorted(self.marked - set(story.articles))
        if not moving:
            self.notify("Mark a story or an article of another story first (m)", timeout=3)
            return
        if self._decide(moving, story.articles[0]):
            self.marked.clear()
            self.notify(f"{len(moving)} article(s) moved into this story", timeout=3)

    def action_split(self) -> None:
        """Take the article under the cursor out of its story."""
        if (row := self._at_cursor()) is None:
            return
        story, article = row
        if article is None:
            self.notify("Open the story (o) and put the cursor on an article", timeout=3)
            return
        rest = next(a for a in story.articles if a != article)
        if self._decide([article], None, focus=rest):
            self.marked.discard(article)
            self.notify("Article taken out of the story", timeout=3)

    def _decide(self, articles: list[str], joins: str | None, focus: str | None = None) -> bool:
        store = self.app.store
        if store is None:
            self.notify("The database is still opening", severity="warning", timeout=3)
            return False
        store.decide_stories(articles, joins, annotator=self.app.annotator)
        self.decided(focus or joins)
        return True

    def action_undo(self) -> None:
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, which: str) -> None:
        from annotations.store.history import STORIES

        if (store := self.app.store) is None:
            return
        replay = store.undo if which == "undo" else store.redo
        action = replay(self.app.annotator, article_id=STORIES)
        if action is None:
            self.notify(f"Nothing to {which} among the story decisions", timeout=2)
            return
        self.notify(f"{which.capitalize()}: {action.label}", timeout=2)
        self.decided()

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
        if (row := self._at_cursor()) is None:
            return
        story = row[0]
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
        self._fill("sources", [*self._quoted_rows(), "", *(
            f"{self._outlet(s['outlet'])}: {self._shaped(s['source'])} · {s['type'] or '-'} · "
            f"{self._shaped(s['cue'] or '-')} ×{s['count']}"
            for s in record["sources"]
        )])  # fmt: skip
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

    def _quoted_rows(self) -> list[str]:
        """Who is quoted: per outlet, then for the story, quotes, sources and officials' share."""
        assert self.record is not None
        quoted = self.record["quoted"]
        rows = [(self._outlet(o["outlet"]), o) for o in quoted["by_outlet"]]
        rows.append(("Every outlet", quoted["story"]))
        return [
            f"{name}: {n['quotes']} quotes of {n['sources']} sources · {n['official']} official"
            f", {n['other']} other"
            + (f" ({n['official_share']:.0%} official)" if n["official_share"] is not None else "")
            for name, n in rows
        ]

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
