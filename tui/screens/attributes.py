"""`AttributesScreen`: the small form of `a`; dismisses with the values, or None when cancelled."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select

from annotations.attribution import SOURCE_TYPES
from annotations.session.annotation_attributes import CLAIM_FLAGS, STANCES
from tui.widgets.arabic_input import ArabicInput

FLAG_LABELS = {"verifiable": "Verifiable", "check_worthy": "Check-worthy", "harmful": "Harmful"}


class AttributesScreen(ModalScreen[dict[str, Any] | None]):
    """Source type, claim flags, stance and note of one annotation."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="attributes.save"),
        Binding("escape", "cancel", "Cancel", id="attributes.cancel"),
    ]

    def __init__(self, label: str, text: str, values: dict[str, Any]) -> None:
        """`text` is the annotation as it should be shown (already shaped for display)."""
        super().__init__()
        self.label = label
        self.text = text
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical(id="attributes-box"):
            yield Label(f"{self.label}: {self.text}", id="attributes-title", markup=False)
            yield Select(
                [(kind.replace("_", " "), kind) for kind in SOURCE_TYPES],
                value=self.values.get("source_type") or Select.NULL,
                prompt="Source type",
                compact=True,
                id="source_type",
            )
            with Horizontal(id="attributes-flags"):
                for flag in CLAIM_FLAGS:
                    yield Checkbox(
                        FLAG_LABELS[flag], bool(self.values.get(flag)), compact=True, id=flag
                    )
            yield Select(
                [(stance, stance) for stance in STANCES if stance],
                value=self.values.get("stance") or Select.NULL,
                prompt="Stance",
                compact=True,
                id="stance",
            )
            yield ArabicInput(
                self.values.get("note") or "", placeholder="Note", compact=True, id="note"
            )
            with Horizontal(id="attributes-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", compact=True, id="save")
                yield Button("Cancel (esc)", compact=True, id="cancel")

    def collect(self) -> dict[str, Any]:
        """The form's values, empty selects as ""."""
        values: dict[str, Any] = {}
        for name in ("source_type", "stance"):
            value = self.query_one(f"#{name}", Select).value
            values[name] = "" if value is Select.NULL else value
        for flag in CLAIM_FLAGS:
            values[flag] = self.query_one(f"#{flag}", Checkbox).value
        values["note"] = self.query_one("#note", ArabicInput).value.strip()
        return values

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.collect())

    def action_cancel(self) -> None:
        self.dismiss(None)
