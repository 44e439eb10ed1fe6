"""Partition files: `part-00000.jsonl.gz` (or `.parquet`), written whole or not at all.

A partition is written under a hidden temporary name and renamed when complete, so a killed job
leaves only complete partitions under their real names; `remove_leftovers` clears the rest.
gzip files carry no time stamp, so the same records always give the same bytes.
"""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotations.durable import TMP_MARK, atomic_write

FORMATS = ("jsonl", "parquet")
SUFFIXES = {"jsonl": ".jsonl.gz", "parquet": ".parquet"}
#: Parquet columns holding JSON text (nested lists of objects, kept as rawi prints them).
JSON_COLUMNS = ("entities", "suggestions", "versions")


def partition_name(number: int, fmt: str) -> str:
    return f"part-{number:05d}{SUFFIXES[fmt]}"


def write_partition(path: Path, records: Iterable[dict[str, Any]], fmt: str) -> None:
    """Write `records` to `path` atomically (temporary file, fsync, rename)."""
    atomic_write(path, _jsonl_gz(records) if fmt == "jsonl" else _parquet(records))


def read_partition(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a partition file, in order."""
    if path.name.endswith(SUFFIXES["parquet"]):
        import pyarrow.parquet as pq

        for row in pq.read_table(path).to_pylist():
            yield {k: orjson.loads(v) if k in JSON_COLUMNS else v for k, v in row.items()}
        return
    with gzip.open(path, "rb") as lines:
        for line in lines:
            yield orjson.loads(line)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files (of partitions, of the manifest) a killed job left behind;
    return them."""
    removed = []
    for stray in folder.glob(f".*{TMP_MARK}*"):
        with contextlib.suppress(OSError):
            stray.unlink()
            removed.append(stray)
    return removed


def _jsonl_gz(records: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as out:
        for record in records:
            out.write(orjson.dumps(record) + b"\n")
    return buffer.getvalue()


def _parquet(records: Iterable[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {k: orjson.dumps(v).decode() if k in JSON_COLUMNS else v for k, v in record.items()}
        for record in records
    ]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), buffer)
    return buffer.getvalue()
