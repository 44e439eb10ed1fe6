"""`Legend`: every kind of mark, each drawn as the reader draws it (`tui.marks.mark_style`)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.marks import LEGEND, mark_style, style_key
from tui.widgets.article_view import app_depth


class Legend(Static):
    """Entities, annotations and suggestions: a heading, then each label in its own style;
    wraps onto a second line when the screen is narrow."""

    DEFAULT_CSS = "Legend { height: auto; }"

    def on_mount(self) -> None:
        self.update(self.legend_text())

    def legend_text(self) -> Text:
        """The legend in this terminal's palette."""
        depth = app_depth(self.app)
        text = Text(end="")
        for number, (heading, labels, state) in enumerate(LEGEND):
            text.append(f"  {heading}" if number else heading, "dim")
            for label in labels:
                text.append(" ")
                text.append(f" {label} ", mark_style((style_key(label, state),), depth))
        return text
