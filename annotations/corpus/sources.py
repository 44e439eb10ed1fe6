"""Where a corpus's articles come from: its files, and the raw records read from them.

Folders are walked in name order for `.txt`, `.jsonl`, `.txt.gz` and `.jsonl.gz` files, hidden
names left out. A `.txt` file is one page; a `.jsonl` file holds one JSON record per line and is
streamed, so a file of any size reads in bounded memory. The size limit applies to each article:
what is longer is skipped with a warning, and never read whole.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PAGE_SUFFIXES = (".txt", ".txt.gz")
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz")
#: Bytes of UTF-8 text an article may have unless `$RAWI_MAX_ARTICLE_MB` says otherwise.
DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024
MAX_ARTICLE_ENV = "RAWI_MAX_ARTICLE_MB"
#: A page is read up to this many times the limit (UTF-32 takes 4 bytes for a 1-byte character).
_PAGE_BYTES_PER_TEXT_BYTE = 4
#: A JSONL line may be this many times the limit (a JSON escape takes 6 bytes), plus metadata.
_LINE_BYTES_PER_TEXT_BYTE = 6
_LINE_METADATA_BYTES = 1024 * 1024
_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)

Warn = Callable[[str], None]
Stream = io.BufferedReader | gzip.GzipFile


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read, before decoding and cleaning."""

    source: str
    #: 0 for a page; the line number of a JSONL record.
    seq: int
    data: bytes
    #: A page's id (its file name without the suffixes); None for a JSONL record.
    name: str | None
    #: How far into the file (compressed bytes for `.gz`) reading got after this record.
    end: int


def max_article_bytes(warn: Warn) -> int:
    """`$RAWI_MAX_ARTICLE_MB` megabytes, else 10 MB (a value that is not a positive number is
    reported and ignored)."""
    value = os.environ.get(MAX_ARTICLE_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not 0 < megabytes < float("inf"):
        warn(f"${MAX_ARTICLE_ENV} is {value!r}, not a positive number of megabytes; using 10")
        return DEFAULT_MAX_ARTICLE_BYTES
    return max(1, int(megabytes * 1024 * 1024))


def is_article_file(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES + RECORD_SUFFIXES)


def corpus_files(roots: list[Path], warn: Warn) -> list[Path]:
    """Named files as given; folders walked (in name order, hidden names left out) for
    article files. A folder that cannot be read is reported."""
    files: list[Path] = []
    for root in roots:
        if not root.is_dir():
            files.append(root)
            continue
        found = []
        for folder, subfolders, names in os.walk(root, onerror=_report(warn)):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            found += [
                Path(folder, name)
                for name in names
                if not name.startswith(".") and is_article_file(Path(name))
            ]
        files += sorted(found, key=lambda path: path.relative_to(root).parts)
    return files


def _report(warn: Warn) -> Callable[[OSError], None]:
    def report(error: OSError) -> None:
        warn(f"{error.filename}: skipped, cannot read the folder ({error.strerror or error})")

    return report


def read_records(file: Path, limit: int, warn: Warn) -> Iterator[RawRecord]:
    """The raw records of one file; unreadable or oversized input is reported and skipped."""
    name = file.name.lower()
    try:
        with open(file, "rb") as raw:
            stream: Stream = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw
            if name.endswith(RECORD_SUFFIXES):
                yield from _lines(file, stream, raw, limit, warn)
            else:
                yield from _page(file, stream, raw, limit, warn)
    except _READ_ERRORS as error:
        warn(f"{file}: stopped reading, {_reason(error)}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read it ({error.strerror})"
    return f"the file is damaged ({error})"


def _page(file: Path, stream: Stream, raw: BinaryIO, limit: int, warn: Warn) -> Iterator[RawRecord]:
    cap = limit * _PAGE_BYTES_PER_TEXT_BYTE
    data = stream.read(cap + 1)
    if len(data) > cap:
        warn(f"{file}: skipped, over the {limit:,}-byte limit per article")
        return
    stem = file.name[: -len(next(s for s in PAGE_SUFFIXES if file.name.lower().endswith(s)))]
    yield RawRecord(str(file), 0, data, stem, raw.tell())


def _lines(
    file: Path, stream: Stream, raw: BinaryIO, limit: int, warn: Warn
) -> Iterator[RawRecord]:
    cap = limit * _LINE_BYTES_PER_TEXT_BYTE + _LINE_METADATA_BYTES
    start = stream.peek(4)[:4]
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        warn(f"{file}: skipped, JSONL must be UTF-8 (this file is UTF-16 or UTF-32)")
        return
    if start.startswith(codecs.BOM_UTF8):
        stream.read(len(codecs.BOM_UTF8))
    blank = True
    number = 0
    while line := stream.readline(cap + 1):
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            warn(f"{file}:{number}: skipped, over the {limit:,}-byte limit per article")
            continue
        if line.strip():
            blank = False
            yield RawRecord(f"{file}:{number}", number, line, None, raw.tell())
    if blank:
        warn(f"{file}: skipped, the file is empty")
