"""The rawi Textual app and its factory, shared by the CLI and the tests.

The app wires screens, settings and the store; what keys do lives in `annotations.session`.
"""

from __future__ import annotations

import gc
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import partial, wraps
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from annotations.corpus import Article, ArticleFilter, Corpus
from annotations.figures import Figures, corpus_figures
from annotations.model import ENTITY_SCOPES
from annotations.session import (
    Adjudication,
    ReadingSession,
    Recogniser,
    default_recogniser,
    history_lines,
)
from annotations.store import Store, StoreError
from tui.config import Config, ConfigNotSaved, load_config, save_config
from tui.keymap import app_screens, keymap_problems
from tui.layout import BIDI_EXPLICIT, BIDI_IMPLICIT, Mode
from tui.marks import Depth
from tui.printable import printable
from tui.screens.adjudication import AdjudicationScreen
from tui.screens.article_list import ArticleListScreen
from tui.screens.error import ErrorScreen
from tui.screens.help import HelpScreen
from tui.screens.history import HistoryScreen
from tui.screens.reader import ReaderScreen
from tui.screens.statistics import StatisticsScreen
from tui.widgets.shaped import shaped_line

#: The longest the database waits for the first frame before it is opened anyway.
FIRST_FRAME_WAIT = 2.0
#: How often articles still arriving are added to the list.
LOAD_BATCH_SECONDS = 0.25
#: Collections of the middle generation between two full collections while the app runs
#: (Python's default is 10). A tag on a 20,000-word article makes its 4,000 marks again, objects
#: that outlive the young collections: with the default, 8 tags in 100 waited for a full
#: collection (45-115 ms with 100,000 annotations open), which set the tag key's p95.
FULL_COLLECTION_EVERY = 100
#: Binding id prefixes that are ours (shown in help and the command palette).
OWN_PREFIXES = ("app.", "list.", "reader.", "adjudicate.", "stories.", "compare.", "statistics.")


def needs_store(method: Callable[..., None]) -> Callable[..., None]:
    """A `RawiApp` method showing a screen that needs the database: run now, or once the
    database is open (the last one asked for meanwhile)."""

    @wraps(method)
    def run(app: RawiApp, *args: Any, **kwargs: Any) -> None:
        if app.store is None:
            app._waiting = partial(run, app, *args, **kwargs)
            app.notify("Opening the annotation database…", timeout=2)
            return
        method(app, *args, **kwargs)

    return run


class RawiApp(App[None]):
    """Article list and reader over one corpus, one database, one annotator."""

    TITLE = "rawi"
    CSS_PATH = Path(__file__).with_name("rawi.tcss")
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("f2", "toggle_render_mode", "Render mode", id="app.render_mode"),
        Binding("f3", "toggle_harakat", "Hide harakat", id="app.harakat"),
        Binding("f4", "toggle_suggestions", "Hide suggestions", id="app.suggestions"),
        Binding("f5", "statistics", "Statistics", id="app.statistics"),
    ]

    def __init__(
        self,
        corpus: Corpus | Iterable[Article],
        db_path: Path,
        annotator: str,
        *,
        config: Config | None = None,
        config_path: Path | None = None,
        recogniser: Recogniser = default_recogniser,
        bidi: Mode | None = None,
    ) -> None:
        """The app for a corpus, a database and an annotator (the CLI and the tests build it so).

        `corpus` may also be an iterable of articles still being read (`iter_articles(paths)`):
        the list then appears at once and fills in as they arrive. `bidi` ("visual" or
        "terminal") overrides the configured render mode for this run, like `$RAWI_BIDI`.
        """
        super().__init__()
        self.corpus = corpus if isinstance(corpus, Corpus) else Corpus()
        self._arriving = None if isinstance(corpus, Corpus) else corpus
        self.db_path = Path(db_path)
        self.annotator = annotator
        self.config_path = config_path
        self.config = config or load_config(config_path)
        self.recogniser = recogniser
        #: This run's render mode when given (`rawi open --bidi` or `$RAWI_BIDI`); F2 drops it.
        self.bidi: Mode | None = bidi
        #: The database, once the worker opening it is done (None until then).
        self.store: Store | None = None
        #: What waits for the store: the last screen asked for before it was open.
        self._waiting: Callable[[], None] | None = None
        self.list_screen: ArticleListScreen | None = None
        #: Articles opened in the reader, whose entity counts may have changed.
        self.opened: set[str] = set()
        #: The article last open in the reader (the list comes back on it).
        self.last_read: str | None = None

    @property
    def render_mode(self) -> Mode:
        """`bidi` when given, else the config's render mode."""
        return self.bidi or self.config.render_mode  # type: ignore[return-value]

    @property
    def colour_depth(self) -> Depth | None:
        """The palette of marks the config names, or None: the terminal's (`colors = "auto"`)."""
        return None if self.config.colors == "auto" else self.config.colors  # type: ignore[return-value]

    def on_mount(self) -> None:
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(*self._gc_threshold[:2], FULL_COLLECTION_EVERY)
        self.theme = (
            self.config.theme if self.config.theme in self.available_themes else "textual-dark"
        )
        self.set_keymap(self.config.keymap)
        self._write_bidi_mode()
        for problem in [*self.config.problems, *keymap_problems(self.config.keymap, app_screens())]:
            self.notify(printable(problem), severity="warning", timeout=10, markup=False)
        self.list_screen = ArticleListScreen(
            self.corpus, self.recogniser, arriving=self._arriving is not None
        )
        self.push_screen(self.list_screen)
        drawn = threading.Event()
        self.call_after_refresh(drawn.set)
        self.open_store(drawn)
        if self._arriving is not None:
            self.load_articles(self._arriving)

    @work(thread=True, group="store")
    def open_store(self, drawn: threading.Event) -> None:
        """Open the database once the list is `drawn` (its JSON parse holds the interpreter: a
        second for 100,000 annotations); the list shows "…" for its counts until then."""
        drawn.wait(FIRST_FRAME_WAIT)
        try:
            store = Store.open(self.db_path)
        except StoreError as error:
            self.call_from_thread(self._store_failed, str(error))
            return
        try:
            self.call_from_thread(self._store_opened, store)
        except RuntimeError:  # the app closed meanwhile
            store.close()

    def _store_opened(self, store: Store) -> None:
        self.store = store
        if self.list_screen is not None:
            self.list_screen.store_opened()
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def _store_failed(self, message: str) -> None:
        self.push_screen(
            ErrorScreen("The annotation database cannot be opened", message, "Quit"),
            lambda _: self.exit(return_code=1),
        )

    @work(thread=True, group="corpus")
    def load_articles(self, articles: Iterable[Article]) -> None:
        """Read a corpus that is still arriving, showing its articles in batches as they come."""
        batch: list[Article] = []
        last = time.monotonic()
        for article in articles:
            batch.append(article)
            if time.monotonic() - last > LOAD_BATCH_SECONDS:
                self.call_from_thread(self._add_articles, batch)
                batch, last = [], time.monotonic()
        self.call_from_thread(self._add_articles, batch, last=True)

    def _add_articles(self, articles: list[Article], *, last: bool = False) -> None:
        added = [self.corpus.info(self.corpus.add(article).id) for article in articles]
        if self.list_screen is not None:
            self.list_screen.add_articles(added, last=last)

    def on_unmount(self) -> None:
        gc.set_threshold(*self._gc_threshold)
        if self.store is not None:
            with suppress(StoreError):  # every save is already durable in the journal
                self.store.close()

    def _write_bidi_mode(self) -> None:
        """`CSI 8 l` in visual mode so a bidi terminal does not reorder again; `CSI 8 h` else."""
        if self._driver is not None:
            self._driver.write(BIDI_EXPLICIT if self.render_mode == "visual" else BIDI_IMPLICIT)

    def watch_theme(self, theme: str) -> None:
        if theme != self.config.theme:
            self.config.theme = theme
            self._save_config()

    def _save_config(self) -> None:
        try:
            save_config(self.config, self.config_path)
        except OSError as error:
            self.notify(printable(f"Settings not saved: {error}"), severity="error", markup=False)
        except ConfigNotSaved as error:
            self.notify(printable(error), severity="error", markup=False)

    # -- navigation ----------------------------------------------------------------------------

    @needs_store
    def open_article(
        self, article_id: str, *, replace: bool = False, at: int | None = None
    ) -> None:
        """Open the reader on an article (replacing the current reader when `replace`), with
        the cursor on the word at offset `at` if given."""
        assert self.store is not None
        self.opened.add(article_id)
        self.last_read = article_id
        session = ReadingSession(
            self.corpus[article_id], self.store, self.annotator, self.recogniser
        )
        session.suggestion_threshold = self.config.suggestion_threshold
        session.undo_everywhere = self.config.undo_scope == "everywhere"
        session.verdicts = tuple(self.config.verdicts)
        session.relation_labels = tuple(self.config.relation_labels)
        if at is not None:
            session.cursor.go_to_index(at)
        session.entity_scope = self.config.entity_scope  # type: ignore[assignment]
        screen = ReaderScreen(
            session,
            self.render_mode,
            self.config.hide_harakat,
            self.config.show_suggestions,
            self.config.reader_width,
        )
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @needs_store
    def open_adjudication(self, article_id: str) -> None:
        """Open the adjudication of an article, unless no annotator has a span there."""
        assert self.store is not None
        adjudication = Adjudication(
            self.corpus[article_id], self.store, self.config.curated_annotator
        )
        if not adjudication.annotators:
            self.notify("Nobody has annotated this article: nothing to adjudicate", timeout=3)
            return
        self.opened.add(article_id)
        self.push_screen(
            AdjudicationScreen(adjudication, self.render_mode, self.config.hide_harakat)
        )

    @needs_store
    def open_stories(self) -> None:
        """Open the corpus's stories (grouped in the background; see docs/stories.md)."""
        from tui.screens.stories import StoriesScreen

        self.push_screen(StoriesScreen(self.corpus, self.render_mode, self.config.hide_harakat))

    def open_export(self) -> None:
        """The export form (`rawi export` from the app)."""
        from tui.screens.export import ExportScreen

        if not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen())

    def open_neighbour(self, article_id: str, step: int) -> None:
        """The next (`step` 1) or previous (-1) article in the list's order, if any."""
        following = self.list_screen.neighbour(article_id, step) if self.list_screen else None
        if following is None:
            self.notify("No more articles in this direction", timeout=2)
            return
        self.open_article(following, replace=True)

    @needs_store
    def action_statistics(self) -> None:
        """The statistics screen over the corpus and everyone's work (`rawi report`'s charts)."""
        if isinstance(self.screen, StatisticsScreen):
            return
        corpus, db_path, annotator = self.corpus, self.db_path, self.annotator
        outlets = Counter(info.outlet for info in corpus.infos() if info.outlet).most_common()

        def figures_of(where: ArticleFilter | None) -> Figures:
            """Counted in a worker thread, from a read-only store of its own."""
            with Store.open(db_path, read_only=True) as store:
                return corpus_figures(corpus, store, where, [annotator])

        screen = StatisticsScreen(figures_of, outlets, self.render_mode, self.config.hide_harakat)
        self.push_screen(screen)

    def show_error(self, title: str, message: str) -> None:
        self.push_screen(ErrorScreen(title, message))

    # -- settings ------------------------------------------------------------------------------

    def action_toggle_render_mode(self) -> None:
        self.config.render_mode = "terminal" if self.render_mode == "visual" else "visual"
        self.bidi = None
        self._settings_changed(f"Render mode: {self.config.render_mode}")

    def action_toggle_harakat(self) -> None:
        self.config.hide_harakat = not self.config.hide_harakat
        self._settings_changed("Harakat hidden" if self.config.hide_harakat else "Harakat shown")

    def action_toggle_suggestions(self) -> None:
        """Show or hide suggested attributions (the reader redraws; nothing is reopened)."""
        shown = self.config.show_suggestions = not self.config.show_suggestions
        self._save_config()
        if isinstance(self.screen, ReaderScreen):
            self.screen.show_suggestions(shown)
        self.notify("Suggestions shown" if shown else "Suggestions hidden", timeout=2)

    def keep_list_sort(self, column: str | None, reverse: bool) -> None:
        """Keep the list's sort order in the config."""
        self.config.list_sort, self.config.list_sort_reverse = column or "", reverse
        self._save_config()

    def next_entity_scope(self) -> str:
        """The next scope of entity corrections (mention, article, every article), kept in the
        config; the reader on screen takes it at once."""
        scopes = ENTITY_SCOPES
        scope = scopes[(scopes.index(self.config.entity_scope) + 1) % len(scopes)]
        self.config.entity_scope = scope
        self._save_config()
        return scope

    def _settings_changed(self, message: str) -> None:
        self._save_config()
        self._write_bidi_mode()
        if isinstance(self.screen, ReaderScreen | StatisticsScreen):
            self.screen.set_display(self.render_mode, self.config.hide_harakat)
        elif self.list_screen is not None and self.screen is self.list_screen:
            self.list_screen.redraw()
        self.notify(message, timeout=2)

    # -- help and command palette --------------------------------------------------------------

    def own_bindings(self, screen: Screen) -> Iterable[tuple[Binding, str]]:
        """Our bindings on `screen` and the app, each with its key as the keymap sets it."""
        for binding in [*screen.BINDINGS, *self.BINDINGS]:
            if isinstance(binding, Binding) and (binding.id or "").startswith(OWN_PREFIXES):
                yield binding, self.config.keymap.get(binding.id or "", binding.key)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        rows = [
            (keys, binding.description, binding.id or "")
            for binding, keys in self.own_bindings(self.screen)
        ]
        title = "Reader keys" if isinstance(self.screen, ReaderScreen) else "Keys"
        self.push_screen(HelpScreen(title, rows, self.config_path))

    @needs_store
    def action_history(self) -> None:
        """The history view: the annotator's recent actions, newest first."""
        assert self.store is not None
        if isinstance(self.screen, HistoryScreen):
            return
        here = self.screen.session.article.id if isinstance(self.screen, ReaderScreen) else None
        shown = partial(shaped_line, mode=self.render_mode, hide_harakat=self.config.hide_harakat)
        lines = history_lines(self.store, self.annotator, here)
        self.push_screen(HistoryScreen(lines, shown))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            f"Render mode: switch to {'terminal' if self.render_mode == 'visual' else 'visual'}",
            "visual: rawi shapes and orders Arabic; terminal: the terminal does (VTE, Konsole)",
            self.action_toggle_render_mode,
        )
        yield SystemCommand(
            "Show harakat" if self.config.hide_harakat else "Hide harakat",
            "For terminals that give harakat a cell of their own",
            self.action_toggle_harakat,
        )
        yield SystemCommand(
            "History: recent actions",
            "What you did lately (what, where, when), newest first",
            self.action_history,
        )
        yield SystemCommand(
            "Export annotations…",
            "rawi export from the app: format, layer and file in a form (E on the list)",
            self.open_export,
        )
        yield SystemCommand(
            "Hide suggestions" if self.config.show_suggestions else "Show suggestions",
            "Suggested attributions in the reader, to accept (y) or reject (Backspace)",
            self.action_toggle_suggestions,
        )
        yield SystemCommand(
            "Statistics",
            "Charts of the corpus and everyone's work: progress, tags, sources, cues, verdicts",
            self.action_statistics,
        )
        for binding, keys in self.own_bindings(screen):
            if binding.id and binding.id.startswith("app."):
                continue
            yield SystemCommand(
                binding.description, f"key: {keys}", partial(screen.run_action, binding.action)
            )
