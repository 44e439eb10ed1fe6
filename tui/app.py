"""The rawi Textual app and its factory, shared by the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from annotations.corpus import Corpus


class RawiApp(App[None]):
    """Lists the corpus' articles."""

    TITLE = "rawi"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, corpus: Corpus, db_path: Path, annotator: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.db_path = db_path
        self.annotator = annotator

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(
            *(
                Option(f"{article.title}  ({article.words} words)", id=article.id)
                for article in self.corpus
            ),
            id="articles",
        )
        yield Footer()


def make_app(corpus: Corpus, db_path: Path, annotator: str) -> RawiApp:
    """Build the app for a corpus, a database and an annotator."""
    return RawiApp(corpus, db_path, annotator)
