"""`Legend`: one line naming every kind of mark in its own style (`tui.marks`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from tui.marks import LEGEND, css_rules, style_key


class Legend(Horizontal):
    """Entities, annotations and suggestions: a heading, then each label drawn as it is marked."""

    DEFAULT_CSS = css_rules("Legend > .legend--{key}")

    def compose(self) -> ComposeResult:
        for number, (heading, styles, state) in enumerate(LEGEND):
            yield Label(f"  {heading}" if number else heading, classes="legend-heading")
            for label in styles:
                yield Label(f" {label} ", classes=f"legend--{style_key(label, state)}")
