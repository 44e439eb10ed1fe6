"""A progress bar on stderr while a corpus is indexed (drawn only once indexing starts)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from annotations.corpus.indexing import Progress


@contextmanager
def indexing_bar(always: bool = False) -> Iterator[Progress]:
    """A `load_corpus` progress callback drawing a Rich bar on stderr: on a terminal, or
    `always` (then a pipe gets the finished bar)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    bar = Bar(
        TextColumn("indexing the corpus"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=not always,
    )
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal task
        if not (always or console.is_terminal):
            return
        if task is None:
            bar.start()
            task = bar.add_task("index", total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield advance
    finally:
        if task is not None:
            bar.stop()
