"""Writing an export: JSON lines or one JSON array to a binary stream, files replaced atomically.

Everything is written item by item from generators; nothing holds the whole export in memory.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from annotations.store.files import sync, sync_dir

#: UTF-8, characters unescaped, keys in the order built, one object per line.
LINE_OPTIONS = orjson.OPT_APPEND_NEWLINE


def write_lines(items: Iterable[Any], out: IO[bytes]) -> int:
    """Write one compact JSON object per line; returns how many."""
    count = 0
    for item in items:
        out.write(orjson.dumps(item, option=LINE_OPTIONS))
        count += 1
    return count


def write_array(items: Iterable[Any], out: IO[bytes]) -> int:
    """Write a JSON array, one element per line; returns how many elements."""
    count = 0
    out.write(b"[")
    for item in items:
        out.write(b",\n" if count else b"\n")
        out.write(orjson.dumps(item))
        count += 1
    out.write(b"\n]\n")
    return count


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only once fully written and fsync'd.

    The temporary file lives in the same directory; on error it is removed and `path` is left
    as it was.
    """
    path = Path(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            sync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    sync_dir(path.parent)


def write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    with atomic_file(path) as out:
        out.write(data)

