"""`ErrorScreen`: a database problem said plainly, with what to do; never a traceback."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ErrorScreen(ModalScreen[None]):
    """Shows `title` and `message` until the analyst presses Enter or Escape."""

    BINDINGS = [Binding("escape", "dismiss_error", "Close", id="error.close")]

    def __init__(self, title: str, message: str, button: str = "OK") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.button = button

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(self.title_text, id="error-title", markup=False)
            yield Static(self.message, id="error-message", markup=False)
            yield Button(self.button, variant="error", id="error-ok")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_dismiss_error(self) -> None:
        self.dismiss(None)
