"""Make untrusted page text inert: no escape sequences, control characters or bidi overrides.

Article text is drawn in the terminal; none of it may be able to drive the terminal.
"""

from __future__ import annotations

import re

#: ANSI CSI / OSC / DCS-style sequences and lone two-byte escapes (7-bit and 8-bit forms).
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                       # CSI ... final byte
  | \x9b[0-?]*[ -/]*[@-~]                         # 8-bit CSI
  | (?:\x1b[\]P^_X]|[\x9d\x90\x9e\x9f\x98]).*?(?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, PM, APC, SOS
  | \x1b[@-Z\\-_]                                 # other Fe escapes
  | \x1b[ -/]*[0-~]                               # nF / Fp / Fs escapes
    """,
    re.VERBOSE | re.DOTALL,
)
#: Where an escape sequence can start (searched first: most text has none).
_ESCAPE_START = re.compile("[\x1b\x90\x98\x9b\x9d-\x9f]")
#: C0 (but tab and newline) and C1 controls, DEL, bidi embeddings, overrides and isolates,
#: byte-order marks, the line/paragraph separators and lone surrogates (from JSON "\\ud800").
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029\ufff9-\ufffb"
    "\ud800-\udfff]"
)
#: The bidi marks a body may keep but a one-line field may not (ALM, LRM, RLM).
_BIDI_MARKS = re.compile("[\u061c\u200e\u200f]")


def sanitize(text: str) -> tuple[str, dict[str, int]]:
    """Normalise line endings, drop escapes and controls; return the text and what went."""
    removed: dict[str, int] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    count = 0
    if _ESCAPE_START.search(text):
        text, count = _ESCAPES.subn("", text)
    if count:
        removed["terminal escape sequences"] = count
    text = text.replace("\t", " ")
    text, count = _CONTROLS.subn("", text)
    if count:
        removed["control and bidi-override characters"] = count
    return text, removed


def clean_field(value: str) -> str:
    """A metadata field (id, title, outlet...) as one inert line: sanitized, bidi marks dropped,
    white space collapsed to single spaces."""
    return " ".join(_BIDI_MARKS.sub("", sanitize(value)[0]).split())
