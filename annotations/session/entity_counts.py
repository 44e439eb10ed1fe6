"""Entity counts per article, kept across runs so that the article list counts each article once.

A count is stored under the article's sha256 and a version of what counted it: the recogniser
(its code and model) and the analyst's entity decisions. Another recogniser, another decision
or another text is another key, so a count is never stale. The counts live in `counts.sqlite`
in the cache directory; it is a cache: damaged, it is started again, and when it cannot be
written the counts are kept in memory for the run.

The shipped recogniser counts in a worker process of lower priority (`counting_pool`): counting
a 31k-article archive takes half an hour of Python, which in a thread would hold the
interpreter lock against the screen's every keystroke.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor
from contextlib import redirect_stderr, suppress
from pathlib import Path
from typing import Any

from annotations.corpus.cache import cache_dir
from annotations.session.entity_marks import Recogniser, default_recogniser

COUNTS_FILE = "counts.sqlite"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entity_counts "
    "(version TEXT NOT NULL, sha256 TEXT NOT NULL, entities INTEGER NOT NULL, "
    "PRIMARY KEY (version, sha256)) WITHOUT ROWID"
)


def counting_version(recogniser: Recogniser, decisions: Sequence[Any]) -> str | None:
    """What the counts of `recogniser` with `decisions` are stored under; None when the
    recogniser has no version (`recogniser.version`): its counts are not kept."""
    if recogniser is default_recogniser:
        from annotations.entities import model_version

        version = model_version()
    else:
        version = getattr(recogniser, "version", None)
    if version is None:
        return None
    digest = hashlib.sha256(str(version).encode())
    for key, label in sorted((d.key, d.label or "") for d in decisions):
        digest.update(f"\0{key}\0{label}".encode())
    return digest.hexdigest()


def counting_pool(recogniser: Recogniser) -> Executor | None:
    """One worker process, at lower priority, to run `recogniser` in; None unless it is the
    shipped one (another may not travel to a process: a closure, a test's fake)."""
    if recogniser is not default_recogniser:
        return None
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context, resource_tracker

    # multiprocessing's helper process is given sys.stderr: a terminal app's has no descriptor.
    with redirect_stderr(sys.__stderr__):
        resource_tracker.ensure_running()
    return ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_in_background)


def _in_background() -> None:
    """In the worker process: a lower priority, and nothing written over the terminal's screen."""
    with suppress(AttributeError, OSError):  # not on this system: the same priority
        os.nice(10)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)


def _count(recogniser: Recogniser, text: str, decisions: Sequence[Any]) -> int:
    return len(recogniser(text, decisions))


class EntityCounts:
    """The stored counts; safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, directory: Path | None = None) -> EntityCounts:
        """The counts in `directory` (default: the cache directory), else in memory."""
        path = (directory or cache_dir()) / COUNTS_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_connect(path))
        except (OSError, sqlite3.DatabaseError):
            try:
                path.unlink(missing_ok=True)  # damaged: start again
                return cls(_connect(path))
            except (OSError, sqlite3.DatabaseError):
                return cls(_connect(":memory:"))

    def get(self, version: str, shas: Iterable[str]) -> dict[str, int]:
        """The stored counts among `shas`, by sha256."""
        shas = list(shas)
        found: dict[str, int] = {}
        with self._lock:
            for start in range(0, len(shas), 500):
                chunk = shas[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found.update(
                    self._db.execute(
                        "SELECT sha256, entities FROM entity_counts "
                        f"WHERE version = ? AND sha256 IN ({marks})",
                        [version, *chunk],
                    ).fetchall()
                )
        return found

    def put(self, version: str, counts: Iterable[tuple[str, int]]) -> None:
        """Store (sha256, count) pairs; a cache that cannot be written is left as it is."""
        rows = [(version, sha, count) for sha, count in counts]
        with self._lock:
            try:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO entity_counts VALUES (?, ?, ?)", rows
                    )
            except sqlite3.DatabaseError:
                pass

    def close(self) -> None:
        self._db.close()


def _connect(path: Path | str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False, timeout=5)
    try:
        connection.execute(_SCHEMA)
        connection.execute("SELECT count(*) FROM entity_counts LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


class EntityCounter:
    """Entity counts of articles with one recogniser and one set of decisions: the stored ones,
    and new ones stored as they are made (written by `flush`); made in `pool` when given (see
    `counting_pool`)."""

    def __init__(
        self,
        recogniser: Recogniser,
        decisions: Sequence[Any],
        stored: EntityCounts,
        pool: Executor | None = None,
    ) -> None:
        self.recogniser = recogniser
        self.decisions = decisions
        self.stored = stored
        self.pool = pool
        self.version = counting_version(recogniser, decisions)
        self._new: list[tuple[str, int]] = []

    def known(self, shas: Iterable[str]) -> dict[str, int]:
        """The stored counts among `shas` (none when the recogniser has no version)."""
        return {} if self.version is None else self.stored.get(self.version, shas)

    def count(self, sha256: str, text: str) -> int:
        """Count the entities of one article's text (kept for `flush`)."""
        if self.pool is None:
            count = _count(self.recogniser, text, self.decisions)
        else:
            count = self.pool.submit(_count, self.recogniser, text, self.decisions).result()
        self._new.append((sha256, count))
        return count

    def flush(self) -> None:
        """Store the counts made since the last flush."""
        if self.version is not None and self._new:
            self.stored.put(self.version, self._new)
        self._new = []
