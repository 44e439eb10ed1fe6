"""The durable engine under `Store`: load, replay, lock, save through the journal, fold.

State lives in memory; every save appends one journal line and fsyncs it under the `.lock` file
before returning. Before each read or save the journal's tail written by other processes is
replayed (across their folds). Past `compact_bytes` of journal a save seals the journal and
folds it into the database file in a child process (`fold.py`): the save never waits for it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from filelock import FileLock, Timeout

from annotations.durable import remove_stray_temps, sync_dir, writable
from annotations.long_lived import long_lived
from annotations.model import new_id, now
from annotations.store.database_file import keep_aside, write_database
from annotations.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    disk_error,
)
from annotations.store.fold import LOCK_POLL, Fold, claim, held_elsewhere
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
        #: Bytes of the sealed journal an unfinished fold holds (as of the last load or seal).
        self._sealed_bytes = 0
        self._fold: Fold | None = None
        self._fold_at = compact_bytes
        self._folds_deferred = False
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
        """Finish a fold under way; fold now only a journal past `compact_bytes` (after an
        import), since the next open replays a short one cheaply. A failure warns (nothing is
        lost: the journal keeps every save)."""
        if self._closed:
            return
        self._closed = True
        if self.read_only:
            return
        try:
            self._end_fold(wait=True)
            with self._locked():
                self._refresh(locked=True)
                if self._offset - self._journal_start >= self._fold_at:
                    self._fold_now()
        except StoreError as error:  # every save is already durable in the journal
            warnings.warn(f"compaction postponed: {error}", stacklevel=2)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def compact(self) -> None:
        """Fold the journal into the database file now (`rawi compact`)."""
        self._check_writable()
        self._end_fold(wait=True)
        with self._locked():
            self._refresh(locked=True)
            self._fold_now()

    @contextmanager
    def folds_deferred(self) -> Iterator[None]:
        """No fold starts inside (an import): the journal grows, and `close()` folds it once."""
        self._folds_deferred = True
        try:
            yield
        finally:
            self._folds_deferred = False

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """An import: no fold starts inside (`folds_deferred`), and the collector pauses as
        while loading (the records saved are long-lived and make no garbage cycles)."""
        with self.folds_deferred(), long_lived():
            yield

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
        return self._offset - self._journal_start + self._sealed_bytes

    def wait_for_fold(self) -> None:
        """Wait until the fold this process runs in the background (if any) is over."""
        self._end_fold(wait=True)

    # -- internals ---------------------------------------------------------------------------

    @contextmanager
    def _locked(self, *, required: bool = True) -> Iterator[None]:
        """The lock. Not `required` (reading): where the lock file cannot be opened (a
        read-only folder) nobody can fold either, so reading without it is safe."""
        try:
            self._lock.acquire(poll_interval=LOCK_POLL)
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
        entry = {"txn": new_id(), "at": now(), "ops": ops}  # orjson writes a tuple as a list
        self._offset = self.journal.append(entry, self._offset)
        for op in ops:
            self.state.apply(op)
        if not self._folds_deferred and self._offset - self._journal_start >= self._fold_at:
            self._fold_in_background()

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
        if tail is not None and tail.generation != self._generation:
            tail = self._follow(tail, locked=locked)
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

    def _follow(self, tail: Tail, *, locked: bool) -> Tail | None:
        """Another process sealed the journal we follow: replay what we had not read of it (from
        the sealed journal), then go on with the new journal. None: reload instead."""
        if tail.follows != self._generation:
            return None
        if tail.sealed_at != self._offset:
            try:
                rest = self.journal.sealed.read(self._offset, self._generation, locked=False)
            except FileNotFoundError:  # folded and deleted already
                return None
            if rest.generation != self._generation or rest.offset != tail.sealed_at:
                return None
            replay(self.state, rest, self.journal.sealed.path)
        self._generation, self._journal_start = tail.generation, tail.header_end
        self._sealed_bytes = tail.sealed_at
        return self.journal.read(tail.header_end, tail.generation, locked=locked)

    def _load(self) -> None:
        """Read the database file and replay its journals (under the lock); finish what a
        process killed mid-fold left: a sealed journal is folded again, in the background."""
        sealed = self.journal.sealed
        if not held_elsewhere(sealed.path):
            remove_stray_temps(self.path)
        if not self.path.exists():
            self._create()
        with long_lived():
            snapshot = read_snapshot(self.path, self.journal, locked=True)
        if snapshot.version < SCHEMA_VERSION:
            keep_aside(self.path, f"schema{snapshot.version}")
        if snapshot.sealed_folded:
            _delete_unclaimed(sealed.path)
        self._extra, tail, live = snapshot.extra, snapshot.tail, snapshot.sealed
        if tail is None or (tail.follows is None and tail.generation != snapshot.generation):
            # no journal yet (or one a compaction cut short had already folded): a new one
            self._generation = new_id() if live else snapshot.generation
            self._journal_start = self._offset = self.journal.create(
                self._generation,
                SCHEMA_VERSION,
                follows=live.generation if live else None,
                sealed_at=live.offset if live else 0,
                like=sealed.path if live else None,
            )
        else:
            self._generation = tail.generation
            self._journal_start, self._offset = tail.header_end, tail.offset
        self._sealed_bytes = live.offset - live.header_end if live else 0
        self.state = snapshot.state
        self._loads += 1
        if snapshot.version < SCHEMA_VERSION:
            self._fold_now()
        elif live is not None and self._fold is None:
            self._fold_in_background()

    def _load_read_only(self) -> None:
        """Read the file and replay its journal in memory, changing no file (a torn last
        journal line is left out; an older schema is migrated in memory only)."""
        if not self.path.exists():
            self.state, self._generation, self._extra = State(), "", {}
            self._journal_start = self._offset = 0
            self._loads += 1
            return
        try:
            with self._locked(required=False), long_lived():
                snapshot = read_snapshot(self.path, self.journal, locked=False)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read ({error.strerror or error}).") from None
        self.state, self._extra, tail = snapshot.state, snapshot.extra, snapshot.tail
        live = snapshot.sealed
        self._sealed_bytes = live.offset - live.header_end if live else 0
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

    def _fold_in_background(self) -> None:
        """Seal the journal and fold it in the background (unless a fold is under way, here or
        in another process); a failure to start warns and waits for `compact_bytes` more."""
        self._end_fold(wait=False)
        if self._fold is not None:
            return
        try:
            fold = self._begin_fold()
        except StoreError as error:  # the saves are durable in the journal
            warnings.warn(f"compaction postponed: {error}", stacklevel=4)
            self._fold_at = self._offset - self._journal_start + self.compact_bytes
            return
        if fold is not None:
            self._fold = fold
            fold.start()

    def _end_fold(self, *, wait: bool) -> None:
        """Reap this process's background fold once over (now, with `wait`); warn if it failed."""
        fold = self._fold
        if fold is None or (fold.running and not wait):
            return
        self._fold = None
        error = fold.wait()
        if error is None:
            self._sealed_bytes, self._fold_at = 0, self.compact_bytes
        else:
            warnings.warn(f"compaction postponed: {error}", stacklevel=4)
            self._fold_at = self._offset - self._journal_start + self.compact_bytes

    def _fold_now(self) -> None:
        """Fold here and now (under the lock); raises a `StoreError`."""
        fold = self._begin_fold()
        if fold is None:
            raise StoreLockedError(
                f"{self.path}: another rawi process is compacting it now; try again in a moment."
            )
        fold.run_locked(database_tables(self.state.frozen(), fold.meta, self._extra))
        self._sealed_bytes, self._fold_at = 0, self.compact_bytes

    def _begin_fold(self) -> Fold | None:
        """Under the lock: seal the journal, or claim a sealed one a killed fold left, and
        return the fold of the state as it stands. None: another process is folding."""
        if not writable(self.path):
            raise StoreError(
                f"{self.path} is read-only; it was not compacted (the journal beside it keeps "
                "every change). Make it writable to compact it."
            )
        sealed = self.journal.sealed
        if sealed.path.exists():
            claimed = claim(sealed.path)
            if claimed is None:
                return None
            folded_from = sealed.header().generation
        else:
            folded_from, claimed = self._generation, self._seal()
        return Fold(
            self.path,
            sealed.path,
            claimed,
            generation=self._generation,
            folded_from=folded_from,
            lock_path=Path(self._lock.lock_file),
            lock_timeout=self._lock.timeout,
        )

    def _seal(self) -> int:
        """Rename the journal `.sealed` and start the next generation's; returns the claim."""
        sealed = self.journal.sealed.path
        try:
            os.replace(self.journal.path, sealed)
            sync_dir(self.path.parent)
        except OSError as error:
            raise disk_error(self.journal.path, error, "nothing was lost") from error
        claimed = claim(sealed)
        assert claimed is not None  # we hold the lock: nobody else saw the sealed journal yet
        generation = new_id()
        try:
            start = self.journal.create(
                generation,
                SCHEMA_VERSION,
                follows=self._generation,
                sealed_at=self._offset,
                like=sealed,
            )
        except StoreError:
            os.close(claimed)
            os.replace(sealed, self.journal.path)
            raise
        self._sealed_bytes = self._offset - self._journal_start
        self._generation, self._journal_start, self._offset = generation, start, start
        return claimed


def _delete_unclaimed(sealed: Path) -> None:
    """Delete a sealed journal already folded into the file, unless a fold holds its claim
    (one taking over a fold killed between its swap and this deletion): that fold deletes it,
    and until then no journal can be sealed in its place for the late fold to delete."""
    claimed = claim(sealed)
    if claimed is None:
        return
    try:
        sealed.unlink()
    finally:
        os.close(claimed)

