"""Folding the sealed journal into the database file, off the user's path.

A fold is owned by whoever holds the claim, an exclusive `flock` on the sealed journal (released
by the kernel when its process dies, so a fold cut short is taken over by the next writer).
The owner writes the new file beside the database without the database lock, saves going on
meanwhile into the new journal; only the swap (rename the new file over the old one, then
delete the sealed journal) happens under the lock. The file written holds the state at the end
of the sealed journal or later: replaying entries already folded changes nothing. A sealed
journal is deleted only by the holder of its claim, so no other journal can be sealed in its
place while a fold of it runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock

from annotations.durable import install_staged, sync_dir, write_staged
from annotations.store.database_file import encode_database
from annotations.store.errors import StoreError, disk_error

try:
    import fcntl
except ImportError:  # Windows: no claim; two folds at once both write a correct file
    fcntl = None  # type: ignore[assignment]

_KEPT = "it was left as it was and nothing was lost"
#: The new file is flushed every MB as it is written, so a save's fsync meanwhile never waits
#: for tens of MB to reach the disk.
SYNC_EVERY = 1 << 20
TURN = 0.0005


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


_turns = threading.Lock()
_folding = 0
_interval = 0.0


@contextlib.contextmanager
def _short_turns() -> Iterator[None]:
    """While a fold thread runs, threads take turns every 0.5 ms, not 5: a save waiting for
    the interpreter (after each of its system calls) then waits little."""
    global _folding, _interval
    with _turns:
        if not _folding:
            _interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval, TURN))
        _folding += 1
    try:
        yield
    finally:
        with _turns:
            _folding -= 1
            if not _folding:
                sys.setswitchinterval(_interval)


class Fold:
    """One fold: write `tables` as the database file at `path`, then swap it in and delete the
    sealed journal, under the database lock at `lock_path`. `start()` runs it in a thread."""

    def __init__(
        self,
        path: Path,
        sealed: Path,
        claimed: int,
        tables: Callable[[], dict[str, list[dict[str, Any]]]],
        *,
        lock_path: Path,
        lock_timeout: float,
    ) -> None:
        self.path, self.sealed, self._claimed = path, sealed, claimed
        self._tables = tables
        self._lock = FileLock(lock_path, timeout=lock_timeout, preserve_lock_file=True)
        self._thread: threading.Thread | None = None
        #: Why the fold failed (None: it succeeded, or is still running).
        self.error: StoreError | None = None

    def start(self) -> None:
        """Run the fold in a thread (`wait()` for it)."""
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

    def run_locked(self) -> None:
        """Run the fold here, the database lock held by the caller; raises a `StoreError`."""
        try:
            self._install(self._write())
        finally:
            os.close(self._claimed)

    def _run(self) -> None:
        try:
            with _short_turns():
                temp = self._write()
            with self._lock:
                self._install(temp)
        except StoreError as error:
            self.error = error
        except Exception as error:  # a fold never takes the app down: the journal has it all
            self.error = StoreError(f"{self.path}: compaction failed ({error!r}); nothing lost.")
        finally:
            os.close(self._claimed)

    def _write(self) -> Path:
        try:
            return write_staged(self.path, encode_database(self._tables()), sync_every=SYNC_EVERY)
        except OSError as error:
            raise disk_error(self.path, error, _KEPT) from error

    def _install(self, temp: Path) -> None:
        """Swap the new file in, then delete the sealed journal it holds."""
        try:
            install_staged(temp, self.path)
            with contextlib.suppress(FileNotFoundError):
                self.sealed.unlink()
            sync_dir(self.path.parent)
        except OSError as error:
            raise disk_error(self.path, error, "nothing was lost") from error
