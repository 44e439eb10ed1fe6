"""Paragraphs, quotations and sentences of a text, in offsets.

A quotation may open with one mark and close with another (“ ... ” , ” ... ” , “ ... “ , « ... »,
" ... ") or never close: it then runs to the end of its paragraph. Sentences never split a
quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

QUOTE_MARKS = '"“”«»'
_QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
_SENTENCE_BREAK = re.compile(r"[.!?؟](?!\d)")
#: The longest sentence read whole (the longest in 3,000 ANT articles has 1,143 characters).
MAX_SENTENCE = 2_000


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
    for found_mark in _QUOTE_MARK.finditer(text, start, end):
        at, mark = found_mark.start(), found_mark.group()
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
    """The sentences of `text`, paragraph by paragraph; one longer than `MAX_SENTENCE` characters
    (text without stops, a quotation never closed) is cut into pieces at spaces, so that the work
    on each stays bounded whatever the text's shape.

    rawi's own splitter: pyarabic's `sentence_tokenize` also splits at every comma and colon, and
    passes `re.UNICODE` (32) to `re.sub` as its count, so it stops after 32 splits.
    """
    result: list[Sentence] = []
    for par_start, par_end in paragraphs(text):
        quotes = quotations(text, par_start, par_end)
        starts = [q.start for q in quotes]
        start = par_start
        for match in _SENTENCE_BREAK.finditer(text, par_start, par_end):
            at = match.end()
            inside = bisect.bisect_left(starts, at) - 1
            if inside >= 0 and at <= quotes[inside].inner[1]:
                continue
            result.extend(_pieces(text, start, at, quotes, starts))
            start = at
        if text[start:par_end].strip():
            result.extend(_pieces(text, start, par_end, quotes, starts))
    return result


def _pieces(
    text: str, start: int, end: int, quotes: list[Quotation], starts: list[int]
) -> list[Sentence]:
    """The sentence `text[start:end]`, cut at spaces into pieces of at most `MAX_SENTENCE`
    characters; a quotation that runs past a cut ends there, unclosed."""
    pieces = []
    while start < end and text[start].isspace():
        start += 1
    while start < end:
        stop = end
        if end - start > MAX_SENTENCE:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
            stop = space if space > start else start + MAX_SENTENCE
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
        inside = tuple(
            q if q.end <= stop else Quotation(q.start, stop, False) for q in quotes[first:last]
        )
        pieces.append(Sentence(start, stop, inside))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return pieces
