"""The write-ahead journal beside the database: one JSON line per saved change, fsync'd.

The first line is a header naming the database generation the journal applies to; each later line
is `{"txn": id, "at": time, "ops": [[table, id, document or null], ...]}`. Replaying the lines in
order over the database gives the current state; replaying them twice gives the same state.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


class Journal:
    """The journal file at `path`; opened per call, never held open."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def create(self, generation: str, schema: int) -> int:
        """Atomically start an empty journal for `generation`; returns the header's length."""
        header = _line(
            {"rawi_journal": JOURNAL_VERSION, "schema": schema, "generation": generation}
        )
        replace_file(self.path, header)
        return len(header)

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
            header = json.loads(head[:end]) if end > 0 else {}
            return Tail(header["generation"], int(header["schema"]), end + 1, end + 1)
        except (ValueError, TypeError, KeyError):
            raise corrupt(self.path, "the journal has no valid header line") from None

    def _entry(self, line: bytes, position: int) -> dict[str, Any]:
        try:
            entry = json.loads(line)
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
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
