"""Other tools' JSONL turned into native lines for the store's importer, line for line.

Each input line gives exactly one output line (empty for a blank, skipped or bad line), so the
importer's line numbers still point into the user's file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import orjson

from annotations.exchange.doccano import from_doccano
from annotations.exchange.native import NativeRecord
from annotations.exchange.prodigy import from_prodigy

CONVERTERS: dict[str, Callable[[dict[str, Any], str], NativeRecord | None]] = {
    "prodigy": from_prodigy,
    "doccano": from_doccano,
}
IMPORT_FORMATS = ("native", *CONVERTERS)


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
