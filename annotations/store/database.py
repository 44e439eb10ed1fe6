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

from annotations.durable import remove_stray_temps
from annotations.model import new_id, now
from annotations.store.database_file import corrupt, keep_aside, read_database, write_database
from annotations.store.errors import StoreCorruptError, StoreError, StoreLockedError, disk_error
from annotations.store.history import record_action
from annotations.store.journal import Journal, Tail
from annotations.store.schema import (
    META,
    SCHEMA_VERSION,
    check_supported,
    meta_document,
    migrate,
    schema_of,
)
from annotations.store.state import TABLES, State
from annotations.store.transaction import Transaction

COMPACT_BYTES = 16 * 1024 * 1024


class Database:
    """One database file, its `.journal` and `.lock` beside it. Use `open()` and `close()`."""

    def __init__(
        self, path: Path, *, compact_bytes: int = COMPACT_BYTES, lock_timeout: float = 10
    ) -> None:
        self.path = Path(path)
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
        """Open (or create) the database at `path`; raises a `StoreError` with what to do."""
        database = cls(Path(path), **options)
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
        """Fold the journal into the database file now (export does this first)."""
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

    @property
    def journal_bytes(self) -> int:
        """Bytes of journal entries not yet folded into the database file."""
        return self._offset - self._journal_start

    # -- internals ---------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreLockedError(
                f"{self.path}: another rawi process has held the database lock for "
                f"{self._lock.timeout:g} s; close it or try again."
            ) from None
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

    def _refresh(self, *, locked: bool = False) -> None:
        """Replay what other processes appended; reload if they compacted."""
        try:
            tail: Tail | None = self.journal.read(self._offset, self._generation, locked=locked)
        except FileNotFoundError:
            tail = None
        if tail is None or tail.generation != self._generation:
            if locked:
                self._load()
            else:
                with self._locked():
                    self._load()
            return
        self._replay(self.state, tail)

    def _replay(self, state: State, tail: Tail) -> None:
        for number, entry in enumerate(tail.entries, 1):
            try:
                for table, record_id, document in entry["ops"]:
                    state.apply((table, record_id, document))
            except (KeyError, TypeError, ValueError):
                raise corrupt(
                    self.journal.path, f"journal entry {number} is not a valid change"
                ) from None
        self._offset = tail.offset

    def _load(self) -> None:
        """Read the database file and replay its journal (under the lock)."""
        remove_stray_temps(self.path)
        if not self.path.exists():
            self._create()
        tables = read_database(self.path)
        version = schema_of(tables)
        check_supported(str(self.path), version)
        state = State()
        try:
            if version < SCHEMA_VERSION:
                keep_aside(self.path, f"schema{version}")
                tables = migrate(tables, version)
            meta = next(iter(tables[META].values()))
            for table in TABLES:
                for document in tables.get(table, {}).values():
                    state.apply((table, document["id"], document))
        except (KeyError, TypeError, ValueError) as error:
            raise corrupt(self.path, f"a record is malformed ({error!r})") from None
        self._extra = {k: v for k, v in tables.items() if k not in TABLES and k != META}
        self._generation = generation = meta["generation"]
        if self.journal.path.exists():
            tail = self.journal.read(0, None, locked=True)
            check_supported(str(self.journal.path), tail.schema)
            if tail.generation not in (generation, meta.get("compacted_from")):
                raise StoreCorruptError(
                    f"{self.journal.path}: this journal belongs to another database than "
                    f"{self.path}; neither file was changed. Put back the database it belongs "
                    "to, or move the journal away to open the database as it is."
                )
            self._journal_start = tail.header_end
            self._replay(state, tail)
        else:
            tail = None
            self._journal_start = self._offset = self.journal.create(generation, SCHEMA_VERSION)
        self.state = state
        self._loads += 1
        if version < SCHEMA_VERSION or (tail is not None and tail.generation != generation):
            self._compact_locked()

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
        generation = new_id()
        tables = {
            META: [meta_document(generation, self._generation)],
            **{table: self.state.documents(table) for table in TABLES},
            **{name: list(docs.values()) for name, docs in self._extra.items()},
        }
        write_database(self.path, tables)
        self._journal_start = self._offset = self.journal.create(generation, SCHEMA_VERSION)
        self._generation = generation
