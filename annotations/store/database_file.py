"""The database file at rest: TinyDB's JSON layout (`{table: {doc_id: document}}`), read strictly.

`TinyDB(path)` can read it. rawi itself only reads it whole and replaces it atomically.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from annotations.durable import atomic_write
from annotations.store.errors import StoreCorruptError, disk_error

Tables = dict[str, dict[str, dict[str, Any]]]
PIECE = 1000


def keep_aside(path: Path, reason: str) -> Path:
    """Copy `path` byte for byte to `<path>.<reason>-<UTC time>` and return the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    copy = path.with_name(f"{path.name}.{reason}-{stamp}")
    shutil.copy2(path, copy)
    return copy


def keep_damaged(path: Path) -> Path:
    """Copy `path` to `<path>.corrupt-<content hash>` unless a copy of that content is there:
    opening the same damaged file again and again keeps one copy, not one per attempt."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    copy = path.with_name(f"{path.name}.corrupt-{digest.hexdigest()[:16]}")
    if not copy.exists():
        shutil.copy2(path, copy)
    return copy


def corrupt(path: Path, problem: str) -> StoreCorruptError:
    """Keep a copy of `path` aside (where the folder allows) and build the error that says so
    and what to do."""
    try:
        kept = f"a copy kept at {keep_damaged(path)}"
    except OSError as error:
        kept = f"no copy could be kept aside ({error.strerror or error})"
    return StoreCorruptError(
        f"{path}: {problem}. The file was left untouched; {kept}. "
        "Restore a backup of it, or move it away to start a new database "
        "(`rawi doctor` checks a database)."
    )


def read_database(path: Path) -> Tables:
    """The tables of the database file at `path`; never takes an empty or damaged file for empty."""
    raw = path.read_bytes()
    if not raw.strip():
        raise corrupt(path, "the file is empty (0 bytes), not a database")
    try:
        data = orjson.loads(raw)
    except ValueError as error:
        raise corrupt(path, f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise corrupt(path, "not a TinyDB database (expected an object of tables)")
    return data


def tinydb_layout(tables: Mapping[str, Iterable[dict[str, Any]]]) -> Tables:
    """`tables` as TinyDB lays them out, each table's documents numbered from 1."""
    return {name: {str(i): doc for i, doc in enumerate(docs, 1)} for name, docs in tables.items()}


def encode_database(tables: Mapping[str, Iterable[dict[str, Any]]]) -> Iterator[bytes]:
    """`tables` as the bytes of a database file, in TinyDB's layout, in pieces of about
    `PIECE` documents: no single long call, so a fold in a thread leaves the app its turns."""
    yield b"{"
    for number, (name, documents) in enumerate(tables.items()):
        yield (b"," if number else b"") + orjson.dumps(name) + b":{"
        rows = (
            b'"%d":%s' % (n, orjson.dumps(document, option=orjson.OPT_NON_STR_KEYS))
            for n, document in enumerate(documents, 1)
        )
        separator = b""
        while piece := b",".join(islice(rows, PIECE)):
            yield separator + piece
            separator = b","
        yield b"}"
    yield b"}"


def write_database(path: Path, tables: Mapping[str, Iterable[dict[str, Any]]]) -> None:
    """Atomically replace `path` with `tables` in TinyDB's layout."""
    replace_file(path, b"".join(encode_database(tables)))


def replace_file(path: Path, data: bytes, *, like: Path | None = None) -> None:
    """Replace `path` with `data` atomically (mode and owner of `like`, default `path`); a
    failure is a `StoreError` (nothing was lost)."""
    try:
        atomic_write(path, data, like=like)
    except OSError as error:
        raise disk_error(path, error, "it was left as it was and nothing was lost") from error
