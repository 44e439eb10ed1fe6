"""`SteadySize`: a widget whose scrollable size changes without laying out the screen.

Textual's `virtual_size` is a layout reactive: every change lays out the whole screen. An
`Input` sets it from its text on each key (and each layout sets it back to the field's size),
and a table of rows sets it when its number of rows changes; in the list of an archive that was
two layouts of the screen per key typed in the filter. Mixed in before the widget's class, a
change only repaints the widget and updates its scroll bars; the screen is laid out only when a
scroll bar comes or goes (the widget's region changes then).
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.reactive import Reactive


class SteadySize:
    """Mixin for a widget (first among its bases; not a widget itself, so that the widget's
    CSS and component classes are its own class's): `virtual_size` repaints, and lays the
    screen out only when a scroll bar comes or goes."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self: Any, size: Size) -> None:
        bars = (self.show_horizontal_scrollbar, self.show_vertical_scrollbar)
        self._scroll_update(size)  # Textual's own update of the bars (and the scroll limits)
        if (self.show_horizontal_scrollbar, self.show_vertical_scrollbar) != bars:
            self.refresh(layout=True)
