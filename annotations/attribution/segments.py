"""Paragraphs, quotations and sentences of a text, in offsets.

A quotation may open with one mark and close with another (“ ... ” , ” ... ” , “ ... “ , « ... »,
" ... ") or never close: it then runs to the end of its paragraph. Sentences never split a
quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_MARKS = '"“”«»'
_SENTENCE_BREAK = re.compile(r"[.!?؟](?!\d)")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: `start` is at its opening mark, `end` after its closing mark (if `closed`)."""

    start: int
    end: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words, marks excluded."""
        return self.start + 1, self.end - 1 if self.closed else self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and the quotations that start in it."""

    start: int
    end: int
    quotations: tuple[Quotation, ...]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of `text` as (start, end) pairs."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _is_stray_closer(text: str, at: int, end: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def quotations(text: str, start: int, end: int) -> list[Quotation]:
    """The quotations of the paragraph `text[start:end]`."""
    found: list[Quotation] = []
    opened: int | None = None
    for at in range(start, end):
        mark = text[at]
        if mark not in QUOTE_MARKS:
            continue
        if opened is None:
            if mark != "»" and (mark == "«" or not _is_stray_closer(text, at, end)):
                opened = at
        elif mark != "«":
            found.append(Quotation(opened, at + 1, True))
            opened = None
    if opened is not None:
        found.append(Quotation(opened, end, False))
    return found


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, paragraph by paragraph.

    rawi's own splitter: pyarabic's `sentence_tokenize` also splits at every comma and colon, and
    passes `re.UNICODE` (32) to `re.sub` as its count, so it stops after 32 splits.
    """
    result: list[Sentence] = []
    for par_start, par_end in paragraphs(text):
        quotes = quotations(text, par_start, par_end)
        start = par_start
        for match in _SENTENCE_BREAK.finditer(text, par_start, par_end):
            at = match.end()
            if any(q.start < at <= q.inner[1] for q in quotes):
                continue
            result.append(_sentence(text, start, at, quotes))
            start = at
        if text[start:par_end].strip():
            result.append(_sentence(text, start, par_end, quotes))
    return result


def _sentence(text: str, start: int, end: int, quotes: list[Quotation]) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end, tuple(q for q in quotes if start <= q.start < end))
