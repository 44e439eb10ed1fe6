"""The write-ahead journal beside the database: one JSON line per saved change, fsync'd.

The first line is a header naming the database generation the journal applies to; each later line
is `{"txn": id, "at": time, "ops": [[table, id, document or null], ...]}`. Replaying the lines in
order over the database gives the current state; replaying them twice gives the same state.

A fold seals the journal (renames it `.journal.sealed`) and starts a new one whose header says
which generation it `follows` and how long the sealed one was (`sealed_at`): until the fold has
written the new database file, the database is the file, then the sealed journal, then this one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotations.durable import sync, write_all
from annotations.store.database_file import corrupt, keep_aside, replace_file
from annotations.store.errors import StoreError, disk_error

JOURNAL_VERSION = 1
_HEADER_PROBE = 4096


@dataclass
class Tail:
    """What `Journal.read` found: the header, then the entries read up to byte `offset`."""

    generation: str
    schema: int
    header_end: int
    offset: int
    entries: list[dict[str, Any]] = field(default_factory=list)
    #: The generation of the sealed journal this one continues, and that journal's length.
    follows: str | None = None
    sealed_at: int = 0


class Journal:
    """The journal file at `path`; opened per call, never held open."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def sealed(self) -> Journal:
        """The journal a fold in progress (or interrupted) is folding into the database."""
        return Journal(self.path.with_name(self.path.name + ".sealed"))

    def create(
        self,
        generation: str,
        schema: int,
        *,
        follows: str | None = None,
        sealed_at: int = 0,
        like: Path | None = None,
    ) -> int:
        """Atomically start an empty journal for `generation` (with the mode, owner and group of
        `like`, default the journal it replaces); returns the header's length."""
        header: dict[str, Any] = {
            "rawi_journal": JOURNAL_VERSION,
            "schema": schema,
            "generation": generation,
        }
        if follows is not None:
            header |= {"follows": follows, "sealed_at": sealed_at}
        line = _line(header)
        replace_file(self.path, line, like=like)
        return len(line)

    def header(self) -> Tail:
        """The header alone (no entry read)."""
        with open(self.path, "rb") as handle:
            return self._header(handle.read(_HEADER_PROBE))

    def read(self, offset: int, generation: str | None, *, locked: bool) -> Tail:
        """Entries after byte `offset` (0: all), unless the journal is of another generation.

        An unterminated last line is a write in progress, or, when we hold the lock, a write torn
        by a crash: then it is copied aside and cut off.
        """
        fd = os.open(self.path, os.O_RDONLY)
        try:
            head = os.pread(fd, _HEADER_PROBE, 0)
            tail = self._header(head)
            if generation is not None and tail.generation != generation:
                return tail
            offset = max(offset, tail.offset)
            size = os.fstat(fd).st_size
            data = os.pread(fd, size - offset, offset) if size > offset else b""
        finally:
            os.close(fd)
        complete = data.rfind(b"\n") + 1
        position = offset
        for line in data[:complete].split(b"\n")[:-1]:
            tail.entries.append(self._entry(line, position))
            position += len(line) + 1
        tail.offset = offset + complete
        if complete < len(data) and locked:
            self._cut_torn_tail(tail.offset)
        return tail

    def append(self, entry: dict[str, Any], expected_size: int) -> int:
        """Append `entry` durably; on failure cut the file back. Returns the new size."""
        line = _line(entry)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            size = os.fstat(fd).st_size
            if size != expected_size:
                raise StoreError(f"{self.path}: changed behind the lock; the change was NOT saved.")
            try:
                write_all(fd, line)
                sync(fd)
            except OSError as error:
                os.ftruncate(fd, size)
                raise disk_error(self.path, error) from error
        finally:
            os.close(fd)
        return size + len(line)

    def _header(self, head: bytes) -> Tail:
        end = head.find(b"\n")
        try:
            header = orjson.loads(head[:end]) if end > 0 else {}
            tail = Tail(header["generation"], int(header["schema"]), end + 1, end + 1)
            if "follows" in header:
                tail.follows, tail.sealed_at = str(header["follows"]), int(header["sealed_at"])
            return tail
        except (ValueError, TypeError, KeyError):
            raise corrupt(self.path, "the journal has no valid header line") from None

    def _entry(self, line: bytes, position: int) -> dict[str, Any]:
        try:
            entry = orjson.loads(line)
            if isinstance(entry, dict) and isinstance(entry.get("ops"), list):
                return entry
        except ValueError:
            pass
        raise corrupt(self.path, f"the journal entry at byte {position} is damaged")

    def _cut_torn_tail(self, offset: int) -> None:
        keep_aside(self.path, "torn")
        with open(self.path, "r+b") as handle:
            handle.truncate(offset)
            handle.flush()
            sync(handle.fileno())


def _line(entry: dict[str, Any]) -> bytes:
    return orjson.dumps(entry, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE)
