"""`AnnotationsPanel`: the article's claims, sources and attributions; Enter jumps there."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotations.session import PanelItem
from tui.layout import Mode
from tui.widgets.shaped import shaped_line


class AnnotationsPanel(OptionList):
    """A list of `PanelItem`s; selecting one posts `Jump` with its offset."""

    class Jump(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def show_items(
        self, items: Sequence[PanelItem], mode: Mode = "visual", hide_harakat: bool = False
    ) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self._items = list(items)
        self.add_options(
            Option(Content(f"{item.kind:<11} " + shaped_line(item.text, 50, mode, hide_harakat)))
            for item in items
        )
        if items:
            self.highlighted = min(highlighted or 0, len(items) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(self._items[event.option_index].start))
