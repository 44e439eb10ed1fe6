"""`AdjudicationScreen`: one article with every annotator's spans drawn on it (agreements quiet,
disagreements loud, the current unit under the cursor), unit by unit; one key takes an
annotator's version, both, or neither into the curated annotator (`annotations.session.
adjudication` does the work; this screen draws it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotations.model import Span
from annotations.session.adjudication import Adjudication, Unit
from annotations.store import StoreError
from tui.layout import Mode, StyledSpan
from tui.marks import SUGGESTION_LABELS, style_key
from tui.printable import printable
from tui.widgets.article_view import ArticleView
from tui.widgets.shaped import shaped_line

#: Cells given to a quoted stretch of text.
QUOTE_WIDTH = 60
#: How many annotators digits can take (1-9).
DIGITS = 9


def _bindings() -> list[Binding]:
    rows = [
        ("n,down", "move(1)", "Next disagreement", "next"),
        ("p,up", "move(-1)", "Previous disagreement", "previous"),
        ("a", "take_nth(0)", "Take the first annotator's version", "take_a"),
        ("b", "take_nth(1)", "Take the second annotator's version", "take_b"),
        ("t", "take_all", "Take both (every annotator's)", "take_both"),
        ("x", "take_none", "Take neither", "take_neither"),
        ("u,ctrl+z", "undo", "Undo", "undo"),
        ("q,escape", "back", "Back to list", "back"),
    ]
    return [
        *(Binding(key, action, text, id=f"adjudicate.{name}") for key, action, text, name in rows),
        *(
            Binding(str(n), f"take_nth({n - 1})", f"Take annotator {n}'s version",
                    id=f"adjudicate.take_{n}", show=False)
            for n in range(1, DIGITS + 1)
        ),
    ]  # fmt: skip


def article_marks(units: list[Unit]) -> list[StyledSpan]:
    """Each unit's spans in their label's style, quiet where the annotators agree (an entity's
    alternate colour, a suggestion's style), loud where they do not (the label's own style, the
    unit's stretch as a hit)."""
    marks: list[StyledSpan] = []
    for unit in units:
        places = {(s.start, s.end, s.label) for version in unit.versions for s in version}
        marks += [
            (start, end, _key(label, unit.agreed, unit.layer))
            for start, end, label in sorted(places)
        ]
        if not unit.agreed:
            marks.append((unit.start, unit.end, "hit"))
    return marks


def _key(label: str, agreed: bool, layer: str) -> str:
    if not agreed:
        return style_key(label)
    if layer == "entity":
        return style_key(label, "alternate")
    return style_key(label, "suggested") if label in SUGGESTION_LABELS else style_key(label)


class AdjudicationScreen(Screen[None]):
    """The article with every annotator's spans, its units (agreements and disagreements drawn
    differently) and the current unit's versions, each annotator's and the curated one."""

    BINDINGS = _bindings()

    def __init__(self, adjudication: Adjudication, mode: Mode, hide_harakat: bool) -> None:
        super().__init__()
        self.adjudication = adjudication
        self.mode: Mode = mode
        self.hide_harakat = hide_harakat

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="adjudication-progress", markup=False)
        yield ArticleView(
            self.adjudication.article.text, mode=self.mode, hide_harakat=self.hide_harakat,
            id="adjudication-article",
        )
        yield VerticalScroll(id="adjudication-units")
        yield VerticalScroll(id="adjudication-versions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"adjudicate {self.adjudication.article.id}"
        self.redraw()

    # -- drawing -------------------------------------------------------------------------------

    def redraw(self) -> None:
        adjudication = self.adjudication
        settled, total = adjudication.progress()
        names = ", ".join(
            f"{n} {printable(who)}" for n, who in enumerate(adjudication.annotators, 1)
        )
        self.query_one("#adjudication-progress", Static).update(
            f"{settled}/{total} disagreements settled into {adjudication.curated!r} · {names}"
        )
        units = self.query_one("#adjudication-units", VerticalScroll)
        units.remove_children()
        units.mount_all(self._unit_row(i, unit) for i, unit in enumerate(adjudication.units))
        versions = self.query_one("#adjudication-versions", VerticalScroll)
        versions.remove_children()
        versions.mount_all(self._version_rows())
        self._draw_article()

    def _draw_article(self) -> None:
        """Every annotator's spans on the article, the current unit under the cursor."""
        view = self.query_one("#adjudication-article", ArticleView)
        view.set_spans(article_marks(self.adjudication.units))
        unit = self.adjudication.unit
        if unit is None:
            view.set_cursor(None)
            return
        view.set_cursor(unit.start, unit.end)
        self.call_after_refresh(view.scroll_to_index, unit.start)  # once it is laid out

    def _unit_row(self, index: int, unit: Unit) -> Static:
        agreed = unit.agreed
        pointer = "▶" if index == self.adjudication.current else " "
        sign = "=" if agreed else "≠"
        settled = " ✓" if not agreed and self.adjudication.settled(unit) else ""
        text = self._quote(unit.start, unit.end)
        row = Static(f"{pointer} {sign} {unit.layer:<11} {text}{settled}", markup=False)
        row.add_class("agreed" if agreed else "disagreed")
        if index == self.adjudication.current:
            row.add_class("current")
        return row

    def _version_rows(self) -> list[Static]:
        adjudication = self.adjudication
        unit = adjudication.unit
        if unit is None:
            return [Static("No annotator has a span in this article.", markup=False)]
        rows = [
            Static(
                f"[{n}] {printable(who)}: {self._spans(version)}", markup=False, classes="version"
            )
            for n, (who, version) in enumerate(
                zip(adjudication.annotators, unit.versions, strict=True), 1
            )
        ]
        curated = adjudication.curated_spans(unit)
        rows.append(
            Static(f"{printable(adjudication.curated)}: {self._spans(curated)}", markup=False,
                   classes="curated")
        )  # fmt: skip
        return rows

    def _spans(self, spans: tuple[Span, ...] | list[Span]) -> str:
        if not spans:
            return "—"
        return "  ".join(f"{s.label} {self._quote(s.start, s.end)}" for s in spans)

    def _quote(self, start: int, end: int) -> str:
        text = self.adjudication.article.text[start:end]
        return "«" + shaped_line(text, QUOTE_WIDTH, self.mode, self.hide_harakat) + "»"

    # -- actions -------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if not self.adjudication.move(step):
            self.notify("No more disagreements in this direction", timeout=2)
        self.redraw()

    def action_take_nth(self, index: int) -> None:
        annotators = self.adjudication.annotators
        if index >= len(annotators):
            self.notify(f"There is no annotator {index + 1}", timeout=2)
            return
        self._take([annotators[index]])

    def action_take_all(self) -> None:
        self._take(self.adjudication.annotators)

    def action_take_none(self) -> None:
        self._take([])

    def action_undo(self) -> None:
        try:
            undone = self.adjudication.undo()
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        if not undone:
            self.notify("Nothing to undo", timeout=2)
        self.redraw()

    def action_back(self) -> None:
        self.dismiss(None)

    def _take(self, annotators: list[str]) -> None:
        try:
            self.adjudication.take(annotators)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.redraw()
