"""The durable engine under `Store`: load, replay, lock, save through the journal, compact.

State lives in memory; every save appends one journal line and fsyncs it under the `.lock` file
before returning. Before each read or save the journal's tail written by other processes is
replayed; when another process has compacted, the database is reloaded.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from filelock import FileLock, Timeout

from annotations.durable import remove_stray_temps, writable
from annotations.model import new_id, now
from annotations.store.database_file import keep_aside, write_database
from annotations.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    disk_error,
)
from annotations.store.history import record_action
from annotations.store.journal import Journal, Tail
from annotations.store.schema import META, SCHEMA_VERSION, meta_document
from annotations.store.snapshot import Snapshot, database_tables, read_snapshot, replay
from annotations.store.state import State
from annotations.store.transaction import Transaction

COMPACT_BYTES = 16 * 1024 * 1024


class Database:
    """One database file, its `.journal` and `.lock` beside it. Use `open()` and `close()`."""

    def __init__(
        self,
        path: Path,
        *,
        compact_bytes: int = COMPACT_BYTES,
        lock_timeout: float = 10,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        #: Read-only: the file and journal are read, never written (no lock file, no fold).
        self.read_only = read_only
        self.journal = Journal(self.path.with_name(self.path.name + ".journal"))
        self.compact_bytes = compact_bytes
        self._lock = FileLock(
            self.path.with_name(self.path.name + ".lock"),
            timeout=lock_timeout,
            preserve_lock_file=True,
        )
        self.state = State()
        self._loads = 0
        self._extra: dict[str, dict[str, Any]] = {}
        self._generation = ""
        self._journal_start = self._offset = 0
        self._txn: Transaction | None = None
        self._closed = True

    @classmethod
    def open(cls, path: str | Path, **options: Any) -> Self:
        """Open (or create) the database at `path`; raises a `StoreError` with what to do.

        `read_only=True` reads the file and its journal without changing, creating or folding
        anything (a missing database reads as empty), so it works in a read-only folder.
        """
        database = cls(Path(path), **options)
        if database.read_only:
            database._load_read_only()
            database._closed = False
            return database
        try:
            database.path.parent.mkdir(parents=True, exist_ok=True)
            with database._locked():
                database._load()
        except OSError as error:
            raise StoreError(f"{database.path}: cannot open ({error.strerror or error}).") from None
        database._closed = False
        return database

    def close(self) -> None:
        """Fold the journal into the database file; if that fails, warn (nothing is lost)."""
        if self._closed:
            return
        self._closed = True
        if self.read_only:
            return
        try:
            with self._locked():
                self._refresh(locked=True)
                if self._offset > self._journal_start:
                    self._compact_locked()
        except StoreError as error:  # every save is already durable in the journal
            warnings.warn(f"compaction postponed: {error}", stacklevel=2)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def compact(self) -> None:
        """Fold the journal into the database file now (`rawi compact`)."""
        self._check_writable()
        with self._locked():
            self._refresh(locked=True)
            self._compact_locked()

    @contextmanager
    def batch(
        self, annotator: str, label: str = "batch", *, undoable: bool = True
    ) -> Iterator[None]:
        """Group the changes made inside into one durable save and one undo step.

        The lock is held throughout; reads inside see the database as it was before the batch.
        """
        with self._transaction(annotator, label, undoable=undoable):
            yield

    def revision(self) -> tuple[int, int]:
        """A value that changes whenever the database does, in this process or another."""
        self._refresh()
        return self._loads, self.state.applied

    def snapshot(self) -> Snapshot:
        """The database as it stands on disk, journal replayed, read under the lock; changes no
        file (a torn last journal line is left out, not cut), opened or not."""
        with self._locked():
            return read_snapshot(self.path, self.journal, locked=False)

    @property
    def journal_bytes(self) -> int:
        """Bytes of journal entries not yet folded into the database file."""
        return self._offset - self._journal_start

    # -- internals ---------------------------------------------------------------------------

    @contextmanager
    def _locked(self, *, required: bool = True) -> Iterator[None]:
        """The lock. Not `required` (reading): where the lock file cannot be opened (a
        read-only folder) nobody can fold either, so reading without it is safe."""
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreLockedError(
                f"{self.path}: another rawi process has held the database lock for "
                f"{self._lock.timeout:g} s; close it or try again."
            ) from None
        except OSError:
            if required:
                raise
            yield
            return
        try:
            yield
        finally:
            self._lock.release()

    @contextmanager
    def _transaction(
        self, annotator: str, label: str, *, undoable: bool = True
    ) -> Iterator[Transaction]:
        """Changes to save at once; inside `batch()` they join the batch's transaction."""
        if self._txn is not None:
            yield self._txn
            return
        if self._closed:
            raise StoreError(f"{self.path}: the database is closed.")
        self._check_writable()
        with self._locked():
            self._refresh(locked=True)
            self._txn = Transaction(self.state, annotator, label, undoable=undoable)
            try:
                yield self._txn
                self._commit(self._txn)
            except OSError as error:
                raise disk_error(self.journal.path, error) from error
            finally:
                self._txn = None

    def _commit(self, txn: Transaction) -> None:
        if txn.undoable:
            record_action(txn)
        ops = txn.ops()
        if not ops:
            return
        entry = {"txn": new_id(), "at": now(), "ops": [list(op) for op in ops]}
        self._offset = self.journal.append(entry, self._offset)
        for op in ops:
            self.state.apply(op)
        if self.journal_bytes >= self.compact_bytes:
            try:
                self._compact_locked()
            except StoreError as error:  # the save itself is durable in the journal
                warnings.warn(f"compaction postponed: {error}", stacklevel=3)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreReadOnlyError(
                f"{self.path}: opened read-only; the change was NOT saved."
            )

    def _refresh(self, *, locked: bool = False) -> None:
        """Replay what other processes appended; reload if they compacted."""
        try:
            tail: Tail | None = self.journal.read(self._offset, self._generation, locked=locked)
        except FileNotFoundError:
            tail = None
        if self.read_only and tail is None and self._offset == 0:
            return  # still no journal: nothing was written since we read the file
        if tail is None or tail.generation != self._generation:
            if self.read_only:
                self._load_read_only()
            elif locked:
                self._load()
            else:
                with self._locked():
                    self._load()
            return
        replay(self.state, tail, self.journal.path)
        self._offset = tail.offset

    def _load(self) -> None:
        """Read the database file and replay its journal (under the lock)."""
        remove_stray_temps(self.path)
        if not self.path.exists():
            self._create()
        snapshot = read_snapshot(self.path, self.journal, locked=True)
        if snapshot.version < SCHEMA_VERSION:
            keep_aside(self.path, f"schema{snapshot.version}")
        self._generation, self._extra = snapshot.generation, snapshot.extra
        tail = snapshot.tail
        if tail is None:
            self._journal_start = self._offset = self.journal.create(
                self._generation, SCHEMA_VERSION
            )
        else:
            self._journal_start, self._offset = tail.header_end, tail.offset
        self.state = snapshot.state
        self._loads += 1
        if snapshot.version < SCHEMA_VERSION or (
            tail is not None and tail.generation != self._generation
        ):
            self._compact_locked()

    def _load_read_only(self) -> None:
        """Read the file and replay its journal in memory, changing no file (a torn last
        journal line is left out; an older schema is migrated in memory only)."""
        if not self.path.exists():
            self.state, self._generation, self._extra = State(), "", {}
            self._journal_start = self._offset = 0
            self._loads += 1
            return
        try:
            with self._locked(required=False):
                snapshot = read_snapshot(self.path, self.journal, locked=False)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read ({error.strerror or error}).") from None
        self.state, self._extra, tail = snapshot.state, snapshot.extra, snapshot.tail
        if tail is None:
            self._generation, self._journal_start, self._offset = snapshot.generation, 0, 0
        else:  # the journal's generation: a writer's fold changes it
            self._generation, self._journal_start, self._offset = (
                tail.generation,
                tail.header_end,
                tail.offset,
            )
        self._loads += 1

    def _create(self) -> None:
        if self.journal.path.exists():
            raise StoreCorruptError(
                f"{self.path} is missing but its journal {self.journal.path} exists; nothing was "
                "changed. Restore the database file, or move the journal away to start afresh."
            )
        generation = new_id()
        write_database(self.path, {META: [meta_document(generation, None)]})
        self.journal.create(generation, SCHEMA_VERSION)

    def _compact_locked(self) -> None:
        if not writable(self.path):
            raise StoreError(
                f"{self.path} is read-only; it was not compacted (the journal beside it keeps "
                "every change). Make it writable to compact it."
            )
        generation = new_id()
        meta = meta_document(generation, self._generation)
        write_database(self.path, database_tables(self.state, meta, self._extra))
        self._journal_start = self._offset = self.journal.create(generation, SCHEMA_VERSION)
        self._generation = generation
