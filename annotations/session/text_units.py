"""Stretches of text the reader selects in one key: sentences, quotations, clauses.

All functions take the canonical text and return half-open logical ranges, trimmed of spaces.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)|\n+")
_CLAUSE_MARKS = frozenset("،,;؛:.!?؟…\n")
#: Quote-mark families: marks that open, marks that close. A family whose two sets are equal
#: pairs its marks in order of appearance (straight quotes, and curly quotes written either way).
_QUOTE_FAMILIES: tuple[tuple[str, str], ...] = (("«", "»"), ("“”", "“”"), ('"', '"'))


def _trim(text: str, start: int, end: int) -> Range | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_ranges(text: str) -> list[Range]:
    """Sentences in text order: up to and including . ! ? ؟ … (before a space), or a line end."""
    ranges: list[Range] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group().startswith("\n") else match.end()
        if (trimmed := _trim(text, start, end)) is not None:
            ranges.append(trimmed)
        start = match.end()
    if (trimmed := _trim(text, start, len(text))) is not None:
        ranges.append(trimmed)
    return ranges


def _quote_pairs(paragraph: str, opens: str, closes: str) -> list[Range]:
    """(open mark, close mark) positions of one family inside one paragraph."""
    pairs: list[Range] = []
    if opens == closes:
        marks = [i for i, char in enumerate(paragraph) if char in opens]
        return list(zip(marks[::2], marks[1::2], strict=False))
    stack: list[int] = []
    for i, char in enumerate(paragraph):
        if char in opens:
            stack.append(i)
        elif char in closes and stack:
            pairs.append((stack.pop(), i))
    return pairs


def quotation_around(text: str, index: int) -> Range | None:
    """The inside of the innermost quotation (“ ” « » " ") holding `index`, or None."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    end = len(text) if end < 0 else end
    paragraph = text[start:end]
    local = index - start
    inside = [
        (open_mark, close_mark)
        for opens, closes in _QUOTE_FAMILIES
        for open_mark, close_mark in _quote_pairs(paragraph, opens, closes)
        if open_mark <= local <= close_mark
    ]
    if not inside:
        return None
    open_mark, close_mark = min(inside, key=lambda pair: pair[1] - pair[0])
    return _trim(text, start + open_mark + 1, start + close_mark)


def clause_around(text: str, index: int) -> Range | None:
    """The clause holding `index`: between clause punctuation (، , ; ؛ : . ! ? ؟) or line ends."""
    start = index
    while start > 0 and text[start - 1] not in _CLAUSE_MARKS:
        start -= 1
    end = index
    while end < len(text) and text[end] not in _CLAUSE_MARKS:
        end += 1
    return _trim(text, start, end)
