"""Writing an export: JSON lines or one JSON array to a binary stream.

Everything is written item by item from generators; nothing holds the whole export in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import orjson

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
