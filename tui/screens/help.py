"""`HelpScreen`: every key of the screen below and of the app, as the keymap has them now."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.config import config_path


def typed_keys(keys: str) -> str:
    """A binding's keys as the analyst types them (`[` for left_square_bracket, `?` for
    question_mark); names such as ctrl+c, enter, escape, space or pageup stay names."""
    return ", ".join(_typed(key.strip()) for key in keys.split(","))


def _typed(key: str) -> str:
    character = key_to_character(key)
    shown = character and character.isprintable() and not character.isspace()
    return character if shown else key


class HelpScreen(ModalScreen[None]):
    """A table of key, action and binding id; `Escape`, `q` or `?` closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(
        self, title: str, rows: Iterable[tuple[str, str, str]], config: Path | None = None
    ) -> None:
        """`rows`: (keys as the keymap has them, action, binding id); `config`: the file
        where keys are remapped (default `tui.config.config_path()`)."""
        super().__init__()
        self.heading = title
        self.rows = [(typed_keys(keys), action, binding) for keys, action, binding in rows]
        self.config = config or config_path()

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(f"{self.heading} (Escape, q or ? closes)", id="help-title", markup=False)
            table: DataTable[str] = DataTable(
                id="help-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns("Key", "Action", "Id (for the keymap)")
            table.add_rows(self.rows)
            yield table
            yield Static(
                f"Remap keys in the [keymap] table of {self.config}"
                " (`rawi config check` checks it).",
                id="help-hint",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)
