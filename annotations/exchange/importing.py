"""`rawi import`: JSONL merged into the store, idempotently, each line whole or not at all.

Other tools' lines are first turned into native lines, one output line per input line (empty for
a blank, skipped or bad line), so that line numbers in error messages point into the user's file.
Native lines are then read (`native_reading.from_native`: every field and reference checked) and
merged; a bad or conflicting line is reported by number and saves nothing. Lines are saved
`BATCH_LINES` at a time: when an import stops early, `ImportReport.saved_through` says up to which
line everything was saved, and importing the same file again adds only what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, NamedTuple

import orjson

from annotations.exchange.doccano import from_doccano
from annotations.exchange.from_database import database_lines, decisions
from annotations.exchange.native import NativeRecord
from annotations.exchange.native_reading import from_native, parse_line
from annotations.exchange.prodigy import from_prodigy
from annotations.model import ArticleLookup
from annotations.store import Store

CONVERTERS: dict[str, Callable[[dict[str, Any], str], NativeRecord | None]] = {
    "prodigy": from_prodigy,
    "doccano": from_doccano,
}
IMPORT_FORMATS = ("native", *CONVERTERS)
BATCH_LINES = 200
#: What a converter or reader raises on a malformed line.
LINE_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError)

Line = bytes | str


@dataclass
class ImportReport:
    """Counts over the whole input; refused lines as (line number, reason); notes per line."""

    added: int = 0
    unchanged: int = 0
    conflicts: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    #: Every line up to this one (from 1) is saved or was refused; 0 before the first save.
    saved_through: int = 0

    @property
    def refused(self) -> int:
        return len(self.conflicts) + len(self.errors)


class ConversionError(NamedTuple):
    """A line that could not be converted: its number (from 1) and why."""

    line: int
    message: str


def to_native_lines(
    lines: Iterable[Line], fmt: str, annotator: str, errors: list[ConversionError]
) -> Iterator[Line]:
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
            record = convert(parse_line(line), annotator)
        except LINE_ERRORS as error:
            errors.append(ConversionError(number, f"not a valid {fmt} line: {_message(error)}"))
            yield ""
            continue
        yield "" if record is None else orjson.dumps(record)


def import_native(
    store: Store,
    lines: Iterable[Line],
    articles: ArticleLookup,
    report: ImportReport | None = None,
) -> ImportReport:
    """Merge every good native line of `lines` into `store`, `BATCH_LINES` lines per save,
    with no fold until the store is closed (at most one, then, however long the input).

    Pass `report` to know how far an import got when the store raises (disk full)."""
    report = ImportReport() if report is None else report
    numbered = enumerate(lines, 1)
    with store.bulk():  # linear: the journal grows; closing folds it once
        while chunk := list(islice(numbered, BATCH_LINES)):
            with store.batch("import", "import", undoable=False):
                for number, line in chunk:
                    if line.strip():
                        _import_line(store, number, line, articles, report)
            report.saved_through = chunk[-1][0]
    return report


def import_database(
    store: Store, other: Store, articles: ArticleLookup, report: ImportReport | None = None
) -> ImportReport:
    """Merge another rawi database (opened read-only) into `store`: its (article, annotator)
    records as native lines numbered from 1, then its entity decisions and rejected suggestions
    (one that differs from the saved one is noted, the saved one kept)."""
    report = import_native(store, database_lines(other), articles, report)
    with store.batch("import", "import", undoable=False):
        for decision in decisions(other):
            merged = store.merge([decision], annotator=decision.annotator)
            report.added += merged.added
            report.unchanged += merged.unchanged
            report.notes.extend((0, f"{c} (the saved one kept)") for c in merged.conflicts)
    return report


def _import_line(
    store: Store, number: int, line: Line, articles: ArticleLookup, report: ImportReport
) -> None:
    try:
        read = from_native(line, articles, store.saved)
    except LINE_ERRORS as error:
        report.errors.append((number, _message(error)))
        return
    merged = store.merge(read.records, annotator=read.annotator)
    if merged.conflicts:
        report.conflicts.append((number, "; ".join(merged.conflicts)))
        return
    report.added += merged.added
    report.unchanged += merged.unchanged
    report.notes.extend((number, note) for note in read.notes)


def _message(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error}"
    return str(error)
