"""`TickBox`: a checkbox whose state reads as text, `[x]` or `[ ]`, not only as a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's `Checkbox` drawn `[x] Label` when ticked and `[ ] Label` when not."""

    @property
    def _button(self) -> Content:
        return Content("[x]" if self.value else "[ ]").stylize(
            self.get_visual_style("toggle--button")
        )
