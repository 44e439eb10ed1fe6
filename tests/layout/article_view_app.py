"""A one-widget app for the real-terminal test: `python article_view_app.py PAYLOAD.json`.

The payload is `[text, [[start, end, key], ...]]`; the view fills the screen without scrollbars.
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult

from tui.widgets.article_view import ArticleView


class ArticleViewApp(App):
    """Shows one article in an ArticleView."""

    CSS = "ArticleView { scrollbar-size: 0 0; height: 1fr; }"

    def __init__(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        super().__init__()
        self.text, self.spans = text, spans

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text, self.spans)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as payload:
        text, spans = json.load(payload)
    ArticleViewApp(text, [tuple(span) for span in spans]).run()
