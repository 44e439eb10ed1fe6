"""`HistoryScreen`: the annotator's recent actions (what, where, when), newest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from annotations.session import HistoryLine
from tui.printable import printable

#: Cells the text an action was about takes at most.
ABOUT_WIDTH = 40


class HistoryScreen(ModalScreen[None]):
    """A table of the recent actions; `Escape` or `q` closes it. `shown` shapes Arabic."""

    BINDINGS = [Binding("escape,q", "close", "Close history", id="history.close")]

    def __init__(self, lines: Sequence[HistoryLine], shown: Callable[[str, int], str]) -> None:
        super().__init__()
        self.lines = list(lines)
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static("Recent actions, newest first", id="history-title", markup=False)
            table: DataTable[Text] = DataTable(
                id="history-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns("When", "What", "About", "Where")
            table.add_rows(self.row(line) for line in self.lines)
            yield table
            hint = "u undoes in the article on screen" if self.lines else "Nothing done yet."
            yield Static(hint, id="history-hint", markup=False)

    def row(self, line: HistoryLine) -> list[Text]:
        label = f"{line.label} (undone)" if line.undone else line.label
        about = self.shown(line.about, ABOUT_WIDTH) if line.about else ""
        return [
            Text(printable(cell))
            for cell in (line.at[:16].replace("T", " "), label, about, line.where)
        ]

    def action_close(self) -> None:
        self.dismiss(None)
