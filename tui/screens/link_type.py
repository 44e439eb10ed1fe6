"""`LinkTypeScreen`: the type of a link being made; dismisses with it, or None when cancelled."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from annotations.model import CLAIM_ATTRIBUTION

#: How a choice that is not a relation label is shown.
SHOWN = {CLAIM_ATTRIBUTION: "attribution: the claim is this attribution's"}


class LinkTypeScreen(ModalScreen[str | None]):
    """The link types offered, numbered; Enter or a digit picks one, Esc cancels the link."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="link.cancel")]

    def __init__(self, choices: Sequence[str], what: str) -> None:
        """`what` says which two annotations (already shaped for display)."""
        super().__init__()
        self.choices = list(choices)
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="link-box"):
            yield Label(f"Link {self.what} as:", id="link-title", markup=False)
            yield OptionList(
                *(
                    Option(f"{n}  {SHOWN.get(choice, choice)}", id=choice)
                    for n, choice in enumerate(self.choices, 1)
                ),
                id="link-types",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.choices):
                event.stop()
                self.dismiss(self.choices[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
