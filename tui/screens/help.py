"""`HelpScreen`: every key of the screen below and of the app, as the keymap has them now."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """A table of key, action and binding id; `Escape`, `q` or `?` closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, title: str, rows: Iterable[tuple[str, str, str]]) -> None:
        super().__init__()
        self.heading = title
        self.rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(self.heading, id="help-title", markup=False)
            table: DataTable[str] = DataTable(
                id="help-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns("Key", "Action", "Id (for the keymap)")
            table.add_rows(self.rows)
            yield table
            yield Static(
                "Remap keys in the [keymap] table of the config file.", id="help-hint", markup=False
            )

    def action_close(self) -> None:
        self.dismiss(None)
