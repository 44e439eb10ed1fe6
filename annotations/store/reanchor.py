"""Finding a span again in an edited article, after the Hypothesis annotator's approach.

In order: the same position if it still holds the same quote and context; the quote, compared
without harakat, tatweel and letter variants, at the occurrence whose context best matches the
saved prefix/suffix (then the nearest); the stretch between the saved prefix and suffix, snapped
to word boundaries. None means the span is an orphan.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from annotations.arabic import HARAKAT, TATWEEL, match_key, tokenize
from annotations.model import Span


def fold(text: str) -> str:
    """`text` folded by `match_key` one character at a time (as `FoldedText` folds)."""
    return "".join(match_key(char) for char in text)


class FoldedText:
    """`text` folded by `match_key` character by character, with a map back to `text` offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        self.origin: list[int] = []
        for index, char in enumerate(text):
            key = match_key(char)
            chars.append(key)
            self.origin.extend([index] * len(key))
        self.folded = "".join(chars)

    @cached_property
    def word_bounds(self) -> tuple[dict[int, int], dict[int, int]]:
        """For each offset inside a word: where that word starts, and where it ends."""
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for token in tokenize(self.text):
            for offset in range(token.start, token.end):
                starts[offset], ends[offset] = token.start, token.end
        return starts, ends

    def to_text(self, start: int, end: int) -> tuple[int, int]:
        """Folded [start, end) as text offsets."""
        return self.origin[start], self.origin[end - 1] + 1

    def to_words(self, start: int, end: int) -> tuple[int, int]:
        """Text [start, end) widened to whole words."""
        starts, ends = self.word_bounds
        return starts.get(start, start), ends.get(end - 1, end)


def locate(span: Span, text: str, folded: FoldedText | None = None) -> tuple[int, int] | None:
    """Where `span` (anchored in an older text) stands in `text`, or None.

    The end is moved past any harakat or tatweel that follow, so no letter loses its marks.
    """
    place = _find(span, text, folded)
    if place is None:
        return None
    start, end = place
    while end < len(text) and (text[end] in HARAKAT or text[end] == TATWEEL):
        end += 1
    return start, end


def _find(span: Span, text: str, folded: FoldedText | None) -> tuple[int, int] | None:
    quote = span.quote
    before, after = text[: span.start], text[span.end :]
    if (
        quote.exact
        and text[span.start : span.end] == quote.exact
        and before.endswith(quote.prefix)
        and after.startswith(quote.suffix)
    ):
        return span.start, span.end
    folded = folded or FoldedText(text)
    exact, prefix, suffix = (fold(part) for part in (quote.exact, quote.prefix, quote.suffix))
    near = _folded_offset(folded, span.start)
    hit = _best(folded.folded, exact, prefix, suffix, near)
    if hit is not None:
        return folded.to_text(hit, hit + len(exact))
    place = _between(folded.folded, prefix, suffix, len(exact), near)
    return None if place is None else folded.to_words(*folded.to_text(*place))


def _best(text: str, exact: str, prefix: str, suffix: str, near: int) -> int | None:
    """The occurrence of `exact` in `text` with the best matching context, then the nearest."""
    if not exact:
        return None
    best: tuple[int, int, int] | None = None
    start = text.find(exact)
    while start >= 0:
        end = start + len(exact)
        before = text[max(0, start - len(prefix)) : start]
        context = _common_prefix(prefix[::-1], before[::-1]) + _common_prefix(
            suffix, text[end : end + len(suffix)]
        )
        rank = (-context, abs(start - near), start)
        if best is None or rank < best:
            best = rank
        start = text.find(exact, start + 1)
    return None if best is None else best[2]


def _between(text: str, prefix: str, suffix: str, length: int, near: int) -> tuple[int, int] | None:
    """The stretch between the saved prefix and suffix, if its length is plausible."""
    if len(prefix) < 8 or len(suffix) < 8 or not length:
        return None
    candidates = []
    start = text.find(prefix)
    while start >= 0:
        inner = start + len(prefix)
        after = text.find(suffix, inner)
        if after > inner and length / 2 <= after - inner <= length * 2 + 8:
            candidates.append((abs(inner - near), inner, after))
        start = text.find(prefix, start + 1)
    if not candidates:
        return None
    _, inner, after = min(candidates)
    while inner < after and text[inner].isspace():
        inner += 1
    while after > inner and text[after - 1].isspace():
        after -= 1
    return (inner, after) if inner < after else None


def _common_prefix(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share."""
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def _folded_offset(folded: FoldedText, offset: int) -> int:
    """The folded offset nearest to text offset `offset` (for the distance tie-break)."""
    return bisect_left(folded.origin, offset)
