"""`rawi import`: JSONL merged into the store, idempotently, line by line.

Other tools' lines are first turned into native lines, one output line per input line (empty for
a blank, skipped or bad line), so that line numbers in error messages point into the user's file.
Native lines are then read into records and merged; a bad line is reported by number and the
others are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from annotations.exchange.doccano import from_doccano
from annotations.exchange.native import NativeRecord, from_native
from annotations.exchange.prodigy import from_prodigy
from annotations.model import ArticleLookup, Record
from annotations.store import Store

CONVERTERS: dict[str, Callable[[dict[str, Any], str], NativeRecord | None]] = {
    "prodigy": from_prodigy,
    "doccano": from_doccano,
}
IMPORT_FORMATS = ("native", *CONVERTERS)
BATCH_LINES = 200


@dataclass
class ImportReport:
    """Counts over the whole input, conflicts, and bad lines as (line number, message)."""

    added: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


class ConversionError(NamedTuple):
    """A line that could not be converted: its number (from 1) and why."""

    line: int
    message: str


def to_native_lines(
    lines: Iterable[str], fmt: str, annotator: str, errors: list[ConversionError]
) -> Iterator[str]:
    """Native JSON lines from `lines` in format `fmt`; bad lines are appended to `errors`.

    `annotator` names the annotator of lines that carry none. Prodigy tasks not accepted are
    skipped (an empty line).
    """
    if fmt == "native":
        yield from lines
        return
    convert = CONVERTERS[fmt]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            yield ""
            continue
        try:
            data = orjson.loads(line)
            if not isinstance(data, dict):
                raise ValueError("a line must be a JSON object")
            record = convert(data, annotator)
        except (ValueError, KeyError, TypeError, IndexError) as error:
            message = f"missing field {error}" if isinstance(error, KeyError) else str(error)
            errors.append(ConversionError(number, f"not a valid {fmt} line: {message}"))
            yield ""
            continue
        yield "" if record is None else orjson.dumps(record).decode()


def import_native(store: Store, lines: Iterable[str], articles: ArticleLookup) -> ImportReport:
    """Merge every good native line of `lines` into `store`; saves every `BATCH_LINES` lines."""
    report = ImportReport()
    pending: list[tuple[str, list[Record]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            pending.append(from_native(line, articles))
        except (ValueError, KeyError, TypeError) as error:
            report.errors.append((number, _message(error)))
        if len(pending) >= BATCH_LINES:
            _merge(store, pending, report)
    _merge(store, pending, report)
    return report


def _merge(store: Store, pending: list[tuple[str, list[Record]]], report: ImportReport) -> None:
    if not pending:
        return
    with store.batch(pending[0][0], "import", undoable=False):
        for annotator, records in pending:
            merged = store.merge(records, annotator=annotator)
            report.added += merged.added
            report.unchanged += merged.unchanged
            report.conflicts.extend(merged.conflicts)
    pending.clear()


def _message(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error}"
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON ({error})"
    return str(error)
