"""Progress bars on stderr, drawn on a terminal only: indexing a corpus, annotating one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from annotations.corpus.indexing import Progress


@contextmanager
def indexing_bar(always: bool = False) -> Iterator[Progress]:
    """A `load_corpus` progress callback drawing a Rich bar on stderr: on a terminal, or
    `always` (then a pipe gets the finished bar). Rich is imported only once there is
    indexing to show: a fresh index costs a command nothing."""
    bar: Any = None
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            bar = _indexing_bar(always)
        if not (always or bar.console.is_terminal):
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


def _indexing_bar(always: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    return Bar(
        TextColumn("indexing the corpus"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=not always,
    )


@contextmanager
def annotating_bar() -> Iterator[Callable[[int, int], None]]:
    """A `run_job` progress callback drawing a Rich bar (articles, rate, time left) on stderr
    when it is a terminal. The bar is drawn as each partition comes in, never by a refresh
    thread: `--scheduler processes` forks its workers only while no other thread runs."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[no-untyped-def]
            return Text("" if task.speed is None else f"{task.speed:,.1f} articles/s")

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("annotating"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
        disable=not console.is_terminal,
    )
    task = bar.add_task("annotating", total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total, refresh=True)
