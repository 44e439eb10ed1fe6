"""Styled spans in logical offsets -> runs of screen text, each with the style keys covering it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from tui.layout.article_layout import ScreenLine

#: A styled span: logical [start, end) and a style key ("entity", "cursor", ...).
StyledSpan = tuple[int, int, str]
#: A piece of a screen line and the keys of the spans over it, in the order the spans were given.
Run = tuple[str, tuple[str, ...]]


def styled_runs(line: ScreenLine, spans: Sequence[StyledSpan]) -> list[Run]:
    """The line left to right (padding first) cut where the set of covering spans changes.

    A glyph takes a span's key when the span covers any of the characters it shows, so a span
    always lands on whole cells; a span crossing a direction change comes out in several pieces.
    """
    here = [span for span in spans if span[0] < line.end and line.start < span[1]]
    # Each character of the line: a bit per span over it, so that a glyph's spans are an OR.
    first = line.start
    covered = [0] * (line.end - first)
    for number, (start, end, _key) in enumerate(here):
        bit = 1 << number
        for index in range(max(start, first) - first, min(end, line.end) - first):
            covered[index] |= bit
    keys_of: dict[int, tuple[str, ...]] = {0: ()}
    runs: list[Run] = []
    if line.xs and line.xs[0]:
        runs.append((" " * line.xs[0], ()))
    for text, start, end in zip(line.texts, line.starts, line.ends, strict=True):
        if not text:
            continue
        mask = 0
        for index in range(start - first, end - first):
            mask |= covered[index]
        if (keys := keys_of.get(mask)) is None:
            keys = keys_of[mask] = tuple(
                span[2] for number, span in enumerate(here) if mask >> number & 1
            )
        if runs and runs[-1][1] == keys:
            runs[-1] = (runs[-1][0] + text, keys)
        else:
            runs.append((text, keys))
    return runs


class SpanIndex:
    """Styled spans found by the range they overlap without looking at every one: the short
    ones (a word, a name, a sentence: at most `SHORT` characters) by their start, the few long
    ones one by one, so drawing a line of a long article with thousands of marks reads only
    the marks near it."""

    SHORT = 400

    def __init__(self, spans: Sequence[StyledSpan]) -> None:
        self.spans = tuple(spans)
        short = [n for n, (start, end, _key) in enumerate(self.spans) if end - start <= self.SHORT]
        short.sort(key=lambda n: self.spans[n][0])
        self._short = short
        self._starts = [self.spans[n][0] for n in short]
        self._long = [
            n for n, (start, end, _key) in enumerate(self.spans) if end - start > self.SHORT
        ]

    def __iter__(self) -> Iterator[StyledSpan]:
        return iter(self.spans)

    def overlapping(self, start: int, end: int) -> list[StyledSpan]:
        """The spans over any character of [start, end), in the order they were given."""
        spans = self.spans
        window = self._short[
            bisect_left(self._starts, start - self.SHORT) : bisect_left(self._starts, end)
        ]
        numbers = sorted(
            n for n in (*window, *self._long) if spans[n][0] < end and start < spans[n][1]
        )
        return [spans[n] for n in numbers]
