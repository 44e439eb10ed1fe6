"""Folding the sealed journal into the database file, off the user's path.

A fold is owned by whoever holds the claim, an exclusive `flock` on the sealed journal (released
by the kernel when its process dies, so a fold cut short is taken over by the next writer).
Nobody changes the database file or the sealed journal while the claim is held, so a background
fold writes the new file in a child process (`fold_writer.py`: it reads both from disk) and
shares neither the interpreter nor its lock with the app; saves go on meanwhile into the new
journal. The owner then takes the database lock for the swap alone (rename the new file over the
old one, fsync the folder) and deletes the sealed journal afterwards, under the claim. The file
written holds the state at the end of the sealed journal or later: replaying entries already
folded changes nothing. A sealed journal is deleted only by the holder of its claim, so no other
journal can be sealed in its place while a fold of it runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from filelock import FileLock

from annotations.durable import install_staged, temp_of, write_staged
from annotations.store.database_file import encode_database
from annotations.store.errors import StoreError, disk_error
from annotations.store.schema import meta_document

try:
    import fcntl
except ImportError:  # Windows: no claim; two folds at once both write a correct file
    fcntl = None  # type: ignore[assignment]

KEPT = "it was left as it was and nothing was lost"
#: The new file is flushed every MB as it is written, so a save's fsync meanwhile never waits
#: for tens of MB to reach the disk.
SYNC_EVERY = 1 << 20
#: The child process that writes a background fold's file (tests put a wrapper in its place):
#: this interpreter, finding `annotations` where this process found it if nowhere else.
WRITER = [
    sys.executable,
    "-c",
    "import sys; sys.path.append(sys.argv.pop(1)); "
    "from annotations.store.fold_writer import main; sys.exit(main(sys.argv[1:]))",
    str(Path(__file__).resolve().parents[2]),
]
#: The writer's exit code when the file already holds the sealed journal (nothing to write).
ALREADY_FOLDED = 3
#: How often a waiting lock is tried again: a save waits for a swap no longer than it takes.
LOCK_POLL = 0.001


def claim(sealed: Path) -> int | None:
    """Take the fold of the sealed journal at `sealed`: an open descriptor holding its lock, or
    None when another fold (of this process or another) holds it or there is nothing to fold."""
    try:
        fd = os.open(sealed, os.O_RDONLY)
    except FileNotFoundError:
        return None
    if fcntl is None:
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def held_elsewhere(sealed: Path) -> bool:
    """Whether a fold of the sealed journal at `sealed` is under way (someone holds its claim)."""
    fd = claim(sealed)
    if fd is None:
        return sealed.exists()
    os.close(fd)
    return False


class Fold:
    """One fold of the sealed journal at `sealed` into the database file at `path`, whose
    `_meta` then names `generation` (the journal that follows) and `folded_from` (the sealed
    one's). `start()` runs it in the background; `run_locked()` here and now."""

    def __init__(
        self,
        path: Path,
        sealed: Path,
        claimed: int,
        *,
        generation: str,
        folded_from: str,
        lock_path: Path,
        lock_timeout: float,
    ) -> None:
        self.path, self.sealed, self._claimed = path, sealed, claimed
        self.generation, self.folded_from = generation, folded_from
        self._lock = FileLock(lock_path, timeout=lock_timeout, preserve_lock_file=True)
        self._thread: threading.Thread | None = None
        #: Why the fold failed (None: it succeeded, or is still running).
        self.error: StoreError | None = None

    def start(self) -> None:
        """Write the new file in a child process; a thread waits for it, then swaps the file in
        (`wait()` for it)."""
        self._thread = threading.Thread(target=self._run, name="rawi-fold", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> StoreError | None:
        """Wait for a started fold to end; returns its error, if any."""
        if self._thread is not None:
            self._thread.join()
        return self.error

    @property
    def meta(self) -> dict[str, Any]:
        """The `_meta` document of the file the fold writes."""
        return meta_document(self.generation, self.folded_from)

    def run_locked(self, tables: Mapping[str, Iterable[dict[str, Any]]]) -> None:
        """Write `tables` (the database as it stands, `meta` its `_meta`) as the file, swap it
        in and delete the sealed journal, the database lock held by the caller; raises a
        `StoreError`."""
        try:
            try:
                temp = write_staged(self.path, encode_database(tables), sync_every=SYNC_EVERY)
            except OSError as error:
                raise disk_error(self.path, error, KEPT) from error
            self._install(temp)
            self._delete_sealed()
        finally:
            os.close(self._claimed)

    def _run(self) -> None:
        try:
            temp = self._written()
            if temp is not None:
                try:
                    with self._lock.acquire(poll_interval=LOCK_POLL):
                        self._install(temp)
                finally:
                    with contextlib.suppress(FileNotFoundError):
                        temp.unlink()  # left when the swap failed
            self._delete_sealed()
        except StoreError as error:
            self.error = error
        except Exception as error:  # a fold never takes the app down: the journals have it all
            self.error = StoreError(f"{self.path}: compaction failed ({error!r}); nothing lost.")
        finally:
            os.close(self._claimed)

    def _written(self) -> Path | None:
        """Run the writer; the file it wrote, or None when the database file already holds the
        sealed journal. Its failure is a `StoreError` (its temporary file removed)."""
        child = subprocess.Popen(
            [*WRITER, str(self.path), self.generation, self.folded_from],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, said = child.communicate()
        temp = temp_of(self.path, child.pid)
        if child.returncode == 0:
            return temp
        if child.returncode == ALREADY_FOLDED:
            return None
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()  # a writer killed mid-write leaves it
        reason = said.decode(errors="replace").strip()
        if child.returncode == 1 and reason:  # the writer's own message (a full disk ...)
            raise StoreError(reason)
        if child.returncode < 0:
            reason = f"its process was killed by {signal.Signals(-child.returncode).name}"
        reason = reason or f"its process ended with exit code {child.returncode}"
        raise StoreError(f"{self.path}: compaction failed ({reason}); {KEPT}.")

    def _install(self, temp: Path) -> None:
        """Rename the new file over the database and fsync the folder (under the lock)."""
        try:
            install_staged(temp, self.path)
        except OSError as error:
            raise disk_error(self.path, error, "nothing was lost") from error

    def _delete_sealed(self) -> None:
        """The sealed journal is in the file now: delete it (the claim keeps any other fold off
        it; if a crash undoes the deletion, the next open deletes it again)."""
        with contextlib.suppress(FileNotFoundError):
            self.sealed.unlink()
