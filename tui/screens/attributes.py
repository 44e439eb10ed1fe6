"""`AttributesScreen`: the form of `a`, the fields of the annotation's label; dismisses with the
values, or None when cancelled."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Select

from annotations.session.annotation_attributes import AttributesForm, FormField
from tui.widgets.arabic_input import ArabicInput
from tui.widgets.tick_box import TickBox


class AttributesScreen(ModalScreen[dict[str, Any] | None]):
    """One annotation's form (`annotations.session.annotation_attributes`): flags as tick
    boxes in a row, choices as selects, texts as `ArabicInput`s, each with its title."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="attributes.save"),
        Binding("escape", "cancel", "Cancel", id="attributes.cancel"),
    ]

    def __init__(self, form: AttributesForm, text: str) -> None:
        """`text` is the annotation as it should be shown (already shaped for display)."""
        super().__init__()
        self.form = form
        self.text = text

    def compose(self) -> ComposeResult:
        fields = self.form.fields
        with Vertical(id="attributes-box"):
            yield Label(f"{self.form.label}: {self.text}", id="attributes-title", markup=False)
            if flags := [field for field in fields if field.kind == "flag"]:
                with Horizontal(id="attributes-flags"):
                    for field in flags:
                        yield self.widget(field)
            for field in fields:
                if field.kind != "flag":
                    with Horizontal(classes="attributes-field"):
                        yield Label(field.title, classes="attributes-field-title")
                        yield self.widget(field)
            with Horizontal(id="attributes-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", compact=True, id="save")
                yield Button("Cancel (esc)", compact=True, id="cancel")

    def widget(self, field: FormField) -> Widget:
        """The widget that edits `field`, with its id."""
        value = self.form.values[field.name]
        if field.kind == "flag":
            return TickBox(field.title, value, compact=True, id=field.name)
        if field.kind == "choice":
            return Select(
                [(choice.replace("_", " "), choice) for choice in field.choices],
                value=value or Select.NULL,
                prompt="(not set)",
                compact=True,
                id=field.name,
            )
        return ArabicInput(value, placeholder=field.title, compact=True, id=field.name)

    def collect(self) -> dict[str, Any]:
        """The form's values: flags as bools, choices and texts as strings ("" when not set)."""
        values: dict[str, Any] = {}
        for field in self.form.fields:
            if field.kind == "flag":
                values[field.name] = self.query_one(f"#{field.name}", TickBox).value
            elif field.kind == "choice":
                value = self.query_one(f"#{field.name}", Select).value
                values[field.name] = "" if value is Select.NULL else value
            else:
                values[field.name] = self.query_one(f"#{field.name}", ArabicInput).value.strip()
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
