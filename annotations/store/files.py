"""Durable file primitives: fsync (F_FULLFSYNC on macOS), atomic replace, copies kept aside."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from annotations.store.errors import StoreError, StoreFullError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TMP_MARK = ".tmp-"
_FULLFSYNC = getattr(fcntl, "F_FULLFSYNC", None)


def sync(fd: int) -> None:
    """Flush `fd` to stable storage: `F_FULLFSYNC` where the platform has it, else fsync."""
    if _FULLFSYNC is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, _FULLFSYNC)
            return
    os.fsync(fd)


def sync_dir(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (where directories can be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        sync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (the seam tests use to inject a full disk)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def disk_error(
    path: Path, error: OSError, lost: str = "the last change was NOT saved"
) -> StoreError:
    """A `StoreError` for a failed write to `path`, `StoreFullError` when the disk is full."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFullError(
            f"{path}: disk full, {lost} (the database is intact). Free some space and try again."
        )
    return StoreError(f"{path}: cannot write ({error.strerror or error}); {lost}.")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically: temp file beside it, fsync, rename, fsync dir."""
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            write_all(fd, data)
            sync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise disk_error(path, error, "it was left as it was and nothing was lost") from error
    sync_dir(path.parent)


def remove_stray_temps(path: Path) -> None:
    """Delete temp files an interrupted `atomic_write` of `path` (or a sibling) left behind."""
    for stray in path.parent.glob(f".{path.name}*{TMP_MARK}*"):
        with contextlib.suppress(OSError):
            stray.unlink()


def keep_aside(path: Path, reason: str) -> Path:
    """Copy `path` byte for byte to `<path>.<reason>-<UTC time>` and return the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    copy = path.with_name(f"{path.name}.{reason}-{stamp}")
    shutil.copy2(path, copy)
    return copy
