"""`ReaderScreen`: one article, a word cursor, and every tagging key.

Each action calls one `ReadingSession` method and redraws; what a key means lives in the session.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotations.session import (
    SCOPE_WORDS,
    Correction,
    ReadingSession,
    citation,
    corpus_reach,
    correction_message,
)
from annotations.store import StoreError
from tui.layout import Mode
from tui.layout.status_fit import StatusPart, fit_status
from tui.marks import ANNOTATION_LABELS
from tui.printable import printable
from tui.screens.attributes import AttributesScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.link_type import LinkTypeScreen
from tui.widgets.annotations_panel import AnnotationsPanel
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.legend import Legend
from tui.widgets.reader_view import ReaderView
from tui.widgets.shaped import shaped_line

ENTITY_KEYS = {"1": "PER", "2": "ORG", "3": "LOC", "4": "MISC"}


def _bindings() -> list[Binding]:
    """The reader's keys; each id is what the keymap remaps."""
    rows: list[tuple[str, str, str, str]] = [
        ("left,h", "cursor_left", "Word left", "cursor_left"),
        ("right,l", "cursor_right", "Word right", "cursor_right"),
        ("w", "move(1)", "Next word", "next_word"),
        ("b", "move(-1)", "Previous word", "previous_word"),
        ("up", "line(-1)", "Line up", "line_up"),
        ("down", "line(1)", "Line down", "line_down"),
        ("pageup", "page(-1)", "Page up", "page_up"),
        ("pagedown", "page(1)", "Page down", "page_down"),
        ("g", "start", "Start", "start"),
        ("G", "end", "End", "end"),
        ("left_square_bracket", "sentence(-1)", "Previous sentence", "previous_sentence"),
        ("right_square_bracket", "sentence(1)", "Next sentence", "next_sentence"),
        ("shift+left", "extend_left", "Extend left", "extend_left"),
        ("shift+right", "extend_right", "Extend right", "extend_right"),
        ("v", "mark", "Start/end selection", "mark"),
        (
            "right_curly_bracket",
            "extend_to_end('sentence')",
            "Select to sentence end",
            "extend_sentence",
        ),
        ("comma", "extend_to_end('clause')", "Select to clause/quote end", "extend_clause"),
        ("escape", "clear", "Clear selection", "clear"),
        ("e", "select_entity", "Select entity", "select_entity"),
        ("right_parenthesis", "select_quotation", "Select quotation/clause", "select_quotation"),
        ("s", "tag('SOURCE')", "Tag SOURCE", "tag_source"),
        ("c", "tag('CUE')", "Tag CUE", "tag_cue"),
        ("m", "tag('CONTENT')", "Tag CONTENT", "tag_content"),
        ("k", "tag('CLAIM')", "Tag CLAIM", "tag_claim"),
        *(
            (key, f"entity('{label}')", f"Entity is {label}", f"entity_{label.lower()}")
            for key, label in ENTITY_KEYS.items()
        ),
        ("0", "not_entity", "Not an entity", "not_entity"),
        ("E", "entity_scope", "Entity corrections: next scope", "entity_scope"),
        ("x", "delete", "Delete annotation", "delete"),
        ("a", "attributes", "Edit attributes", "attributes"),
        ("enter", "confirm", "Accept proposal or suggestion / finish link", "confirm"),
        ("y", "accept_suggestion", "Accept suggestion", "accept_suggestion"),
        ("backspace,delete", "reject_suggestion", "Reject suggestion", "reject_suggestion"),
        ("tab", "suggestion(1)", "Next suggestion", "next_suggestion"),
        ("shift+tab", "suggestion(-1)", "Previous suggestion", "previous_suggestion"),
        ("o", "next_part", "Suggestion: next part to resize", "suggestion_part"),
        (
            "greater_than_sign",
            "resize_part('end', 1)",
            "Part: a word more at its end",
            "part_end_wider",
        ),
        (
            "less_than_sign",
            "resize_part('end', -1)",
            "Part: a word less at its end",
            "part_end_narrower",
        ),
        ("plus", "resize_part('start', 1)", "Part: a word more at its start", "part_start_wider"),
        (
            "minus",
            "resize_part('start', -1)",
            "Part: a word less at its start",
            "part_start_narrower",
        ),
        ("r", "link", "Link annotation", "link"),
        ("u,ctrl+z", "undo", "Undo", "undo"),
        ("ctrl+r,ctrl+shift+z", "redo", "Redo", "redo"),
        ("ctrl+f", "find", "Find in the article", "find"),
        ("n", "find_step(1)", "Next hit", "next_hit"),
        ("N,shift+enter", "find_step(-1)", "Previous hit", "previous_hit"),
        ("n", "neighbour(1)", "Next article", "next_article"),
        ("p", "neighbour(-1)", "Previous article", "previous_article"),
        ("d", "done", "Done, open next", "done"),
        ("ctrl+c", "copy", "Copy", "copy"),
        ("C", "copy(True)", "Copy citation", "copy_citation"),
        ("t", "panel", "Annotations panel", "panel"),
        ("q", "back", "Back to list", "back"),
    ]
    return [
        Binding(key, action, description, id=f"reader.{name}")
        for key, action, description, name in rows
    ]


class ReaderScreen(Screen[None]):
    """The article drawn by the layout engine, the legend, the panel and the status bar."""

    BINDINGS = _bindings()

    def __init__(
        self,
        session: ReadingSession,
        mode: Mode,
        hide_harakat: bool,
        show_suggestions: bool = True,
        reader_width: int = 100,
    ) -> None:
        """`reader_width`: the most cells a line of the article takes."""
        super().__init__()
        self.reader_width = reader_width
        self.session = session
        session.show_suggestions = show_suggestions
        self.mode: Mode = mode
        self.hide_harakat = hide_harakat
        self.saved = "saved"
        self.message = ""
        #: Where the cursor was when the find bar opened: hits are looked for from there.
        self.find_origin: int | None = None
        #: The marks that follow the cursor (`session.focus_marks`) as last drawn.
        self._focus: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Legend(id="legend")
        with Horizontal(id="reader-body"):
            yield ReaderView(
                self.session.text, mode=self.mode, hide_harakat=self.hide_harakat, id="article"
            )
            yield AnnotationsPanel(id="panel")
        yield ArabicInput(
            placeholder="Find in the article (harakat and letter forms ignored)",
            compact=True,
            id="find",
        )
        yield Static(id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.session.article.id
        self.view.styles.max_width = self.reader_width + self.view.styles.padding.width
        self.view.focus()
        self.redraw()
        self.recognise()
        self.suggest()

    @property
    def view(self) -> ReaderView:
        return self.query_one(ReaderView)

    # -- drawing ---------------------------------------------------------------------------

    def redraw(self, moved_only: bool = False) -> None:
        """Marks, cursor, selection and status bar from the session. `moved_only`: only the
        cursor or the selection changed, so of the marks (thousands in a long article) only
        those that follow the cursor (the suggestion under it, drawn focused, and the other ends
        of the links of the annotation under it) are drawn again, if they changed."""
        session, view = self.session, self.view
        if not moved_only:
            view.show_marks(session.marks(focused=False))
        focus = session.focus_marks()
        if not moved_only or focus != self._focus:
            view.show_focus(focus)
            self._focus = focus
        start, end = session.cursor.word_range()
        view.set_cursor(start, end)
        view.set_selection(*(session.cursor.selection() or (None, None)))
        if view.line_count:
            view.scroll_to_index(start)
        self.show_status()

    def show_status(self) -> None:
        status = self.query_one("#status", Static)
        width = status.content_region.width or self.app.size.width - 2
        status.update(self.status_line(width), layout=False)

    def on_resize(self) -> None:
        self.show_status()

    def status_line(self, width: int | None = None) -> str:
        """Annotator, saved state, the hint or message of the moment, the selection, then the
        counts; fitted to `width` cells (parts shortened, then left out, least important first)."""
        counts = self.session.counts()
        saved = StatusPart(self.saved, "", 2)
        if self.saved != "saved":
            saved = StatusPart(self.saved, self.saved, 10)
        parts = [StatusPart(self.session.annotator, "", 1), saved]
        if self.session.proposal:
            hint = "attribution proposed: Enter accepts, Esc dismisses"
            if flagged := self.session.proposal_overlaps():
                hint += f" · CONTENT overlaps its {' and '.join(flagged)}"
            parts.append(StatusPart(hint, "proposed: Enter / Esc", 9))
        elif self.session.link_head:
            hint = "linking: move to the other annotation, Enter links, Esc cancels"
            parts.append(StatusPart(hint, "linking: Enter / Esc", 9))
        elif self.find_origin is not None:
            parts.append(self.find_status())
        elif self.message:
            parts.append(StatusPart(self.message, self.message, 7))
        if selecting := self.selection_status():
            parts.append(selecting)
        tags = [(label, counts.get(label, 0)) for label in ANNOTATION_LABELS]
        parts += [
            StatusPart(
                " ".join(f"{label} {count}" for label, count in tags),
                " ".join(f"{label[:3]} {count}" for label, count in tags),
                6,
            ),
            StatusPart(f"attributions {counts['attributions']}", "", 3),
            StatusPart(f"entities {counts['entities']}", "", 3),
            self.suggestions_count(),
            StatusPart(self.session.status(), "", 4),
        ]
        return fit_status(parts, sys.maxsize if width is None else width)

    def selection_status(self) -> StatusPart | None:
        """A selection, said: whether it follows the cursor, and how many words it holds."""
        cursor = self.session.cursor
        if (selection := cursor.selection()) is None:
            return None
        words = len(self.session.text[slice(*selection)].split())
        held = f"{words} word{'s' * (words != 1)}"
        if cursor.following:
            return StatusPart(f"SELECTING {held} (v ends, Esc clears)", f"SELECTING {held}", 8)
        return StatusPart(
            f"SELECTED {held} (s c m k tag, ctrl+c copies, Esc clears)", f"SELECTED {held}", 8
        )

    def find_status(self) -> StatusPart:
        """Which hit of how many, and the keys that move between them."""
        finder = self.session.finder
        if not finder.query.strip():
            return StatusPart("find: type a word, Esc closes", "find", 9)
        if finder.current is None:
            return StatusPart("find: no match, Esc closes", "find: no match", 9)
        hit = f"find: {finder.current + 1}/{len(finder.hits)}"
        return StatusPart(f"{hit} (Enter or n next, shift+Enter or N previous, Esc closes)", hit, 9)

    def suggestions_count(self) -> StatusPart:
        """How many suggestions are left to review (or why none are shown)."""
        if not self.session.show_suggestions:
            return StatusPart("suggestions hidden", "", 5)
        if self.session.review is None:
            return StatusPart("suggestions …", "", 5)
        if said := self.session.suggestion_status():
            return StatusPart(said, said.split(" · ")[0], 5)
        return StatusPart(f"suggestions {len(self.session.pending_suggestions())}", "", 5)

    def shown(self, text: str, width: int = 40) -> str:
        """Arabic for a one-line label (status bar, form title): shaped and ordered."""
        return shaped_line(text, width, self.mode, self.hide_harakat)

    @work(thread=True, exclusive=True, group="entities")
    def recognise(self) -> None:
        """Entities in a thread (decisions read first, on the app's thread)."""
        decisions = self.app.call_from_thread(self.session.entity_decisions)
        try:
            entities = self.session.recognise_entities(decisions)
        except Exception as error:  # the reader works without highlights
            self.app.call_from_thread(
                self.notify, f"No entity highlights: {error}", severity="warning"
            )
            return
        self.app.call_from_thread(self._entities_ready, entities)

    def _entities_ready(self, entities: list[Any]) -> None:
        if not self.is_attached:  # closed while the recogniser ran
            return
        self.session.entities = entities
        self.redraw()

    @work(thread=True, exclusive=True, group="suggestions")
    def suggest(self) -> None:
        """Suggested attributions in a thread (once per opening: they do not read the store)."""
        try:
            suggestions = self.session.suggest()
        except Exception as error:  # the reader works without suggestions
            self.app.call_from_thread(
                self.notify, f"No suggested attributions: {error}", severity="warning"
            )
            return
        self.app.call_from_thread(self._suggestions_ready, suggestions)

    def _suggestions_ready(self, suggestions: list[Any]) -> None:
        if not self.is_attached:  # closed while they were computed
            return
        self.session.set_suggestions(suggestions)
        self.redraw()

    def show_suggestions(self, shown: bool) -> None:
        """Draw and review suggestions, or leave them alone (the setting changed)."""
        self.session.show_suggestions = shown
        self.redraw()

    def save(self, change: Callable[[], Any], done: str = "") -> Any:
        """Run a store change; on a database error show the error modal instead of crashing."""
        try:
            result = change()
        except StoreError as error:
            self.saved = "NOT SAVED"
            self.app.show_error("The change was not saved", str(error))  # type: ignore[attr-defined]
            self.redraw()
            return None
        self.saved = "saved"
        self.message = done
        self.refresh_panel()
        self.redraw()
        return result

    def set_display(self, mode: Mode, hide_harakat: bool) -> None:
        """Draw the same article in another render mode or with harakat hidden or shown."""
        self.mode, self.hide_harakat = mode, hide_harakat
        self.view.set_display(mode, hide_harakat)
        self.refresh_panel()
        self.redraw()

    def refresh_panel(self) -> None:
        """The annotations panel again from the session (its items change only with the store)."""
        panel = self.query_one(AnnotationsPanel)
        if panel.display:
            panel.show_items(self.session.panel_items(), self.mode, self.hide_harakat)

    # -- cursor and selection --------------------------------------------------------------

    def _move(self, delta: int, extend: bool = False) -> None:
        self.session.cursor.move(delta, extend=extend)
        self.redraw(moved_only=True)

    def _step_left(self) -> int:
        """Words to move for ←: forward in a right-to-left paragraph."""
        return 1 if self.view.is_rtl_at(self.session.cursor.word_range()[0]) else -1

    def action_cursor_left(self) -> None:
        self._move(self._step_left())

    def action_cursor_right(self) -> None:
        self._move(-self._step_left())

    def action_extend_left(self) -> None:
        self._move(self._step_left(), extend=True)

    def action_extend_right(self) -> None:
        self._move(-self._step_left(), extend=True)

    def action_move(self, delta: int) -> None:
        self._move(delta)

    def action_line(self, lines: int) -> None:
        box = self.view.word_beside(self.session.cursor.word_range()[0], lines)
        if box is not None:
            self.session.cursor.go_to_index(box.start)
            self.redraw(moved_only=True)

    def action_page(self, direction: int) -> None:
        height = max(self.view.scrollable_content_region.height - 1, 1)
        box = self.view.word_beside(self.session.cursor.word_range()[0], direction * height)
        if box is None:
            self.session.cursor.go(0 if direction < 0 else len(self.session.cursor.words) - 1)
        else:
            self.session.cursor.go_to_index(box.start)
        self.redraw(moved_only=True)

    def action_start(self) -> None:
        self.session.cursor.go(0)
        self.redraw(moved_only=True)

    def action_end(self) -> None:
        self.session.cursor.go(len(self.session.cursor.words) - 1)
        self.redraw(moved_only=True)

    def action_sentence(self, delta: int) -> None:
        self.session.cursor.sentence(delta)
        self.redraw(moved_only=True)

    def action_mark(self) -> None:
        self.session.cursor.toggle_mark()
        self.redraw(moved_only=True)

    def action_extend_to_end(self, unit: str) -> None:
        found = self.session.cursor.extend_to_end(unit)
        self.message = "" if found else f"no {unit} end after the cursor"
        self.redraw(moved_only=True)

    def action_clear(self) -> None:
        self.close_find()
        self.session.cursor.clear_selection()
        self.session.dismiss_proposal()
        self.session.cancel_link()
        self.message = ""
        self.redraw()

    def action_select_entity(self) -> None:
        self.message = "" if self.session.select_entity() else "no entity under the cursor"
        self.redraw()

    def action_select_quotation(self) -> None:
        found = self.session.cursor.select_quotation()
        self.message = "" if found else "no quotation or clause here"
        self.redraw(moved_only=True)

    # -- tags and links --------------------------------------------------------------------

    def action_tag(self, label: str) -> None:
        self.save(lambda: self.session.tag(label), f"tagged {label}")

    def action_entity(self, label: str | None) -> None:
        """1-4: always `label`; 0 (`not_entity`): never an entity; in the scope of the moment."""
        correction = self.save(lambda: self.session.decide_entity(label))
        if correction is None:
            return
        name = self.shown(correction.key)
        self.message = correction_message(correction, name)
        self.redraw()
        if correction.saved:
            self.recognise()
            if correction.scope == "corpus":
                self.count_reach(correction, name)

    def action_not_entity(self) -> None:
        self.action_entity(None)

    @work(thread=True, exclusive=True, group="reach")
    def count_reach(self, correction: Correction, name: str) -> None:
        """How many mentions in how many articles an every-article correction reaches."""
        reach = corpus_reach(self.app.corpus, correction.key)  # type: ignore[attr-defined]
        message = correction_message(correction, name, reach)
        self.app.call_from_thread(self._reach_counted, message)

    def _reach_counted(self, message: str) -> None:
        if self.is_attached:
            self.message = message
            self.redraw()

    def action_entity_scope(self) -> None:
        """E: entity corrections apply to the next scope (kept in the config)."""
        scope = self.app.next_entity_scope()  # type: ignore[attr-defined]
        self.session.entity_scope = scope
        self.message = f"entity corrections apply to {SCOPE_WORDS[scope]}"
        self.redraw()

    def action_delete(self) -> None:
        """x: delete the annotation under the cursor; when others use it, say first what goes
        with it and delete only if confirmed."""
        deletion = self.session.deletion_at_cursor()
        if deletion is None:
            self.message = "nothing to delete here"
            self.redraw()
            return
        span = deletion.span

        def delete(confirmed: bool | None = True) -> None:
            if confirmed:
                self.save(lambda: self.session.delete(span), f"deleted {span.label}")
                if deletion.consequences:
                    self.message += " and what used it (u undoes it all)"
                    self.redraw()

        if not deletion.consequences:
            delete()
            return
        lines = [
            f"{c.what} «{self.shown(c.text, 50)}»" if c.text else c.what
            for c in deletion.consequences
        ]
        question = f"Delete {span.label} «{self.shown(span.text)}»? Deleting it also:"
        self.app.push_screen(ConfirmScreen(question, lines), delete)

    def action_attributes(self) -> None:
        span = self.session.annotation_at_cursor()
        if span is None:
            self.message = "no annotation under the cursor"
            self.redraw()
            return

        def apply(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.save(lambda: self.session.set_attributes(span, values), "attributes saved")

        screen = AttributesScreen(self.session.attributes_form(span), self.shown(span.text))
        self.app.push_screen(screen, apply)

    def action_confirm(self) -> None:
        """Enter: accept the proposal, else finish the link, else accept the suggestion here."""
        if self.session.proposal:
            self.save(self.session.accept_proposal, "attribution saved")
        elif self.session.link_head:
            self.choose_link_type()
        else:
            self.action_accept_suggestion()

    def choose_link_type(self) -> None:
        """Ask the type of the link being made, then save it."""
        choices = self.session.link_choices()
        head, child = self.session.link_head, self.session.annotation_at_cursor()
        if not choices or head is None or child is None:
            self.message = "move to another annotation to link"
            self.redraw()
            return

        def link(label: str | None) -> None:
            if label is not None:
                self.save(lambda: self.session.finish_link(label), f"linked: {label}")

        ends = [f"{span.label} «{self.shown(span.text, 20)}»" for span in (head, child)]
        what = " to ".join(ends)
        self.app.push_screen(LinkTypeScreen(choices, what), link)

    # -- suggestions -----------------------------------------------------------------------

    def _nothing_to_review(self, where: str) -> None:
        self.message = (
            f"no suggestion {where}"
            if self.session.show_suggestions
            else "suggestions are hidden (ctrl+p: Show suggestions)"
        )
        self.redraw()

    def _decide(self, decision: Callable[[], Any], done: str) -> None:
        """Accept or reject the suggestion under the cursor."""
        if self.session.suggestion_at_cursor() is None:
            self._nothing_to_review("under the cursor (Tab goes to the next)")
        else:
            self.save(decision, done)

    def action_accept_suggestion(self) -> None:
        self._decide(self.session.accept_suggestion, "suggestion accepted")

    def action_reject_suggestion(self) -> None:
        self._decide(self.session.reject_suggestion, "suggestion rejected")

    def action_next_part(self) -> None:
        """o: the next part of the suggestion under the cursor is the one the resize keys change."""
        part = self.session.next_part()
        if part is None:
            self._nothing_to_review("under the cursor to resize")
            return
        self.message = f"resizing its {part.label}: > < its end, + - its start"
        self.redraw()

    def action_resize_part(self, side: str, delta: int) -> None:
        """> < + -: the part one word wider or narrower at its end or start (stored on accept)."""
        if self.session.suggestion_at_cursor() is None:
            self._nothing_to_review("under the cursor to resize")
            return
        part = self.session.resize_part(side, delta)  # type: ignore[arg-type]
        self.message = "" if part else "the part cannot change so (one word, or the text's edge)"
        self.redraw()

    def action_suggestion(self, step: int) -> None:
        if self.session.go_to_suggestion(step) is None:
            self._nothing_to_review("left to review")
        else:
            self.message = ""
            self.redraw()

    def action_link(self) -> None:
        if self.session.link_head:
            self.action_confirm()
            return
        head = self.session.start_link()
        self.message = "" if head else "no annotation under the cursor to link"
        self.redraw()

    def action_undo(self) -> None:
        action = self.save(self.session.undo)
        self.message = self.session.history_message("undo", action)
        self.redraw()
        self.recognise()

    def action_redo(self) -> None:
        action = self.save(self.session.redo)
        self.message = self.session.history_message("redo", action)
        self.redraw()
        self.recognise()

    # -- find ------------------------------------------------------------------------------

    @property
    def find_bar(self) -> ArabicInput:
        return self.query_one("#find", ArabicInput)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n / N move between hits only while the find bar is open (else n is next article)."""
        if action == "find_step":
            return self.find_origin is not None
        return True

    def action_find(self) -> None:
        """ctrl+f: open the find bar (or go back to it), searching from the cursor."""
        if self.find_origin is None:
            self.find_origin = self.session.cursor.word_range()[0]
            self.find_bar.add_class("shown")
            self.refresh_bindings()
        self.find_bar.focus()
        self.redraw()

    @on(ArabicInput.Changed, "#find")
    def find_changed(self, event: ArabicInput.Changed) -> None:
        if self.find_origin is not None:
            self.session.find(event.value, self.find_origin)
            self.redraw()

    @on(ArabicInput.Submitted, "#find")
    def find_submitted(self) -> None:
        self.action_find_step(1)

    def action_find_step(self, delta: int) -> None:
        self.session.find_step(delta)
        self.redraw()

    def close_find(self) -> None:
        """Hide the find bar and its hits; the cursor stays on the last hit."""
        if self.find_origin is None:
            return
        self.find_origin = None
        self.session.end_find()
        self.find_bar.value = ""
        self.find_bar.remove_class("shown")
        self.view.focus()
        self.refresh_bindings()

    # -- copy ------------------------------------------------------------------------------

    def action_copy(self, as_citation: bool = False) -> None:
        """The selection, annotation or word under the cursor, as the article's logical text
        (never the shaped display), into the terminal's clipboard: OSC 52, which tmux keeps
        with `set-clipboard on`."""
        start, end = self.session.copy_target()
        quote = self.session.text[start:end]
        copied = citation(self.session.article, quote) if as_citation else quote
        self.app.copy_to_clipboard(copied)
        words = len(quote.split())
        how = " as a citation" if as_citation else ""
        self.message = f"copied {words} word{'s' * (words != 1)}{how}"
        self.redraw()

    # -- panel and navigation --------------------------------------------------------------

    def action_panel(self) -> None:
        panel = self.query_one(AnnotationsPanel)
        panel.display = not panel.display
        if panel.display:
            self.refresh_panel()
            panel.focus()
        else:
            self.view.focus()

    @on(AnnotationsPanel.Jump)
    def jump(self, event: AnnotationsPanel.Jump) -> None:
        self.session.cursor.go_to_index(event.index)
        self.view.focus()
        self.redraw()

    def action_neighbour(self, step: int) -> None:
        self.app.open_neighbour(self.session.article.id, step)  # type: ignore[attr-defined]

    def action_done(self) -> None:
        self.save(self.session.mark_done, "done")
        if self.saved == "saved":
            shown = printable(self.session.article.id)
            self.app.notify(f"marked done: {shown}", timeout=3, markup=False)
            self.action_neighbour(1)

    def action_back(self) -> None:
        self.dismiss(None)
