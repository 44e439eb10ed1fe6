"""`ConfirmScreen`: says what an action will do, line by line; dismisses True to go ahead."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmScreen(ModalScreen[bool]):
    """A question, the lines that explain it (already shaped for display), go ahead or not."""

    BINDINGS = [
        Binding("enter,y", "answer(True)", "Go ahead", id="confirm.yes"),
        Binding("escape,n", "answer(False)", "Cancel", id="confirm.no"),
    ]

    def __init__(self, question: str, lines: Sequence[str], yes: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.lines = list(lines)
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(self.question, id="confirm-question", markup=False)
            for line in self.lines:
                yield Label(f"• {line}", classes="confirm-line", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (enter)", variant="error", compact=True, id="yes")
                yield Button("Cancel (esc)", compact=True, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, go_ahead: bool) -> None:
        self.dismiss(go_ahead)
