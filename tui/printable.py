"""Text from data made inert before it is printed: nothing in it can drive the terminal.

Every id, title, outlet, file name, warning, error and table cell the command line or the app
prints from data goes through `printable`; JSON printed goes through `printable_json`. (The
corpus already cleans article text and metadata at load; this guards everything else: file
names, ids typed on the command line or read from a database or an import file.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

#: Controls (C0, DEL, C1 including the 8-bit CSI U+009B), bidi marks, embeddings, overrides and
#: isolates, the line and paragraph separators, the byte-order mark and lone surrogates.
_UNSAFE_IN_JSON = (
    "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ud800-\udfff"
)
_UNSAFE = re.compile(f"[\x00-\x1f{_UNSAFE_IN_JSON}]")
#: JSON text escapes C0 controls inside strings itself; its newlines between values are layout.
_UNSAFE_JSON = re.compile(f"[{_UNSAFE_IN_JSON}]")


def printable(value: object) -> str:
    """`value` as one inert line: each unsafe character shown as its escape (`\\x1b`,
    `\\u202e`), so that what was there can still be seen."""
    return _UNSAFE.sub(_escape, str(value))


def printable_json(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON (UTF-8, not ASCII-escaped) with each unsafe character as a `\\uXXXX`
    escape: the same data, valid JSON, inert on a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def printable_row(cells: Iterable[object]) -> str:
    """A tab-separated table row of `printable` cells."""
    return "\t".join(printable(cell) for cell in cells)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
