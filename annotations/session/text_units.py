"""Stretches of text the reader selects in one key: sentences, quotations, clauses.

All functions take the canonical text and return half-open logical ranges, trimmed of spaces.
Sentences and quotations are the attribution suggester's (`annotations.attribution.segments`),
so the reader's keys and the suggestions agree on where they start and end.
"""

from __future__ import annotations

from annotations.attribution.segments import paragraphs, quotations, sentences

Range = tuple[int, int]

_CLAUSE_MARKS = frozenset("،,;؛:.!?؟…\n")


def _trim(text: str, start: int, end: int) -> Range | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_ranges(text: str) -> list[Range]:
    """Sentences in text order, as the suggester cuts them (never inside a quotation)."""
    return [r for s in sentences(text) if (r := _trim(text, s.start, s.end)) is not None]


def quotation_around(text: str, index: int) -> Range | None:
    """The inside of the quotation (“ ” « » " ", also unclosed) holding `index`, or None."""
    for start, end in paragraphs(text):
        if start <= index < end:
            for quotation in quotations(text, start, end):
                if quotation.start <= index < quotation.end:
                    return _trim(text, *quotation.inner)
    return None


def clause_around(text: str, index: int) -> Range | None:
    """The clause holding `index`: between clause punctuation (، , ; ؛ : . ! ? ؟) or line ends."""
    start = index
    while start > 0 and text[start - 1] not in _CLAUSE_MARKS:
        start -= 1
    end = index
    while end < len(text) and text[end] not in _CLAUSE_MARKS:
        end += 1
    return _trim(text, start, end)
