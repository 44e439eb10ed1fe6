"""Durable files: fsync (F_FULLFSYNC on macOS) and atomic replacement, for the store and exports,
and `output_file`, how every command writes a file the user named.

A failed write raises the `OSError` and leaves the file it was replacing as it was; callers say
what that means for the user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

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


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only once fully written and fsync'd.

    It is written as a temporary file beside `path`, then renamed over it and the folder
    fsync'd; it keeps the mode, owner and group of the file it replaces (see `keep_ownership`).
    On any error the temporary file is removed and `path` is left as it was.
    """
    path = Path(path)
    temp = temp_of(path)
    try:
        with open(temp, "wb") as out:
            keep_ownership(out.fileno(), path)
            yield out
            out.flush()
            sync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    install_staged(temp, path)


def write_staged(
    path: Path, chunks: Iterable[bytes], *, like: Path | None = None, sync_every: int = 0
) -> Path:
    """Write `chunks` to a temporary file beside `path`, fsync'd, with the mode, owner and
    group of `like` (default `path`); returns the temporary file (removed on error). Nothing is
    replaced until `install_staged`. With `sync_every`, what is written is flushed each time
    that many bytes more are: a large file written in the background then never makes another
    file's fsync wait for all of it."""
    temp = temp_of(path)
    try:
        with open(temp, "wb") as out:
            keep_ownership(out.fileno(), like or path)
            unsynced = 0
            for chunk in chunks:
                write_all(out.fileno(), chunk)
                unsynced += len(chunk)
                if sync_every and unsynced >= sync_every:
                    sync(out.fileno())
                    unsynced = 0
            sync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def install_staged(temp: Path, path: Path) -> None:
    """Rename the temporary file `temp` over `path` and fsync the folder (`temp` is removed
    when that fails)."""
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    sync_dir(path.parent)


def temp_of(path: Path, pid: int | None = None) -> Path:
    """The temporary file a process (`pid`, default this one) writes to replace `path`."""
    return path.with_name(f".{path.name}{TMP_MARK}{pid or os.getpid()}")


def keep_ownership(fd: int, path: Path) -> None:
    """Give the file open as `fd` the mode, owner and group of `path`, where it exists.

    Owner and group are kept where permitted (the owner by root only; the group when we belong
    to it), so in a group-writable or setgid folder every member can keep writing after a
    replacement; the mode (permission bits) is always kept.
    """
    try:
        original = os.stat(path)
    except OSError:
        return
    for owner in (original.st_uid, -1):
        try:
            os.fchown(fd, owner, original.st_gid)
            break
        except OSError:
            continue
    os.fchmod(fd, stat.S_IMODE(original.st_mode))


def writable(path: Path) -> bool:
    """Whether `path` may be replaced: it is missing, or we may write it and its mode grants
    some write permission (a 0444 file stays as it is, even for root)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return True
    return bool(mode & 0o222) and os.access(path, os.W_OK)


def atomic_write(path: Path, data: bytes, *, like: Path | None = None) -> None:
    """Replace `path` with `data` atomically, keeping the mode, owner and group of `like`
    (default `path`; see `keep_ownership`)."""
    install_staged(write_staged(path, [data], like=like), path)


def remove_stray_temps(path: Path) -> None:
    """Delete temporary files an interrupted `atomic_file` of `path` (or a sibling) left behind."""
    for stray in path.parent.glob(f".{path.name}*{TMP_MARK}*"):
        with contextlib.suppress(OSError):
            stray.unlink()


@contextlib.contextmanager
def output_file(path: Path | str) -> Iterator[IO[bytes]]:
    """Where a command writes the file the user named `path`, whatever `path` is.

    A regular file (or a new one) is replaced atomically (`atomic_file`), keeping its mode and
    owner (a new file follows the umask), after stale temporary files of an interrupted write
    are removed; a symlink has its target written so, and stays a link. A FIFO, a character
    device, a socket or an open descriptor (`/dev/stdout`, `/dev/fd/N` from `>(cmd)`) is
    written to directly. A folder, a missing folder, a read-only file or a full disk raise an
    `OSError` before anything is replaced.
    """
    path = Path(path)
    if _is_descriptor(path):
        with open(path, "ab") as out:
            yield out
        return
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except NotADirectoryError:
        raise _error(errno.ENOTDIR, path.parent) from None
    target = Path(os.path.realpath(path))
    if status is None:
        if not target.parent.is_dir():
            raise _error(errno.ENOENT, target.parent, "no such folder")
    elif stat.S_ISDIR(status.st_mode):
        raise _error(errno.EISDIR, path)
    elif not stat.S_ISREG(status.st_mode):
        with open(path, "wb") as out:
            yield out
        return
    elif not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise _error(errno.EACCES, path, "the file is read-only")
    remove_stray_temps(target)
    with atomic_file(target) as out:
        if status is not None:
            _copy_owner_and_mode(out.fileno(), status)
        yield out


def write_output(path: Path | str, data: bytes) -> None:
    """Write `data` to the file the user named `path` (see `output_file`)."""
    with output_file(path) as out:
        out.write(data)


def _is_descriptor(path: Path) -> bool:
    """`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`: an open descriptor, never replaced."""
    return os.path.realpath(path).startswith("/proc/") or str(path).startswith(
        ("/dev/fd/", "/dev/std")
    )


def _copy_owner_and_mode(fd: int, status: os.stat_result) -> None:
    with contextlib.suppress(OSError):  # only root may give a file away; keep the mode anyway
        os.fchown(fd, status.st_uid, status.st_gid)
    os.fchmod(fd, stat.S_IMODE(status.st_mode))


def _error(code: int, path: Path, reason: str | None = None) -> OSError:
    return OSError(code, reason or os.strerror(code), str(path))
