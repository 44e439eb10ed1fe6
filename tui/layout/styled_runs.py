"""Styled spans in logical offsets -> runs of screen text, each with the style keys covering it."""

from __future__ import annotations

from collections import defaultdict
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
    """Styled spans found by the range they overlap without looking at every one: each span is
    filed under the blocks of `BLOCK` characters it touches, so drawing a line of a long
    article with thousands of marks reads only the marks near it."""

    BLOCK = 256

    def __init__(self, spans: Sequence[StyledSpan]) -> None:
        self.spans = tuple(spans)
        self._blocks: defaultdict[int, list[int]] = defaultdict(list)
        size = self.BLOCK
        for number, (start, end, _key) in enumerate(self.spans):
            first, last = start // size, (max(end, start + 1) - 1) // size
            if first == last:  # most spans: a word or a name
                self._blocks[first].append(number)
            else:
                for block in range(first, last + 1):
                    self._blocks[block].append(number)

    def __iter__(self) -> Iterator[StyledSpan]:
        return iter(self.spans)

    def overlapping(self, start: int, end: int) -> list[StyledSpan]:
        """The spans over any character of [start, end), in the order they were given."""
        numbers: set[int] = set()
        for block in range(start // self.BLOCK, (max(end, start + 1) - 1) // self.BLOCK + 1):
            numbers.update(self._blocks.get(block, ()))
        spans = self.spans
        return [spans[n] for n in sorted(numbers) if spans[n][0] < end and start < spans[n][1]]
