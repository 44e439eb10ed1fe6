"""A suggestion's parts resized by whole words before it is accepted, and the check that a
CONTENT does not overlap its own CUE or SOURCE."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from annotations.arabic import Token
from annotations.session.text_units import Range

Side = Literal["start", "end"]

#: Each label, as the flag says what a CONTENT overlaps.
CHECKED = ("CUE", "SOURCE")


def resized(words: Sequence[Token], span: Range, side: Side, delta: int) -> Range | None:
    """`span` one word wider (`delta` 1) or narrower (-1) at its `side`; None when it cannot
    change (the text's edge, or one word left)."""
    start, end = span
    inside = [i for i, word in enumerate(words) if start < word.end and word.start < end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    if side == "end":
        last += delta
    else:
        first -= delta
    if first > last or first < 0 or last >= len(words):
        return None
    return words[first].start, words[last].end


def overlaps(parts: Sequence[tuple[str, int, int]]) -> list[str]:
    """The labels among CUE and SOURCE that a CONTENT of `parts` (label, start, end) overlaps."""
    contents = [(start, end) for label, start, end in parts if label == "CONTENT"]
    return [
        label
        for label in CHECKED
        for other, start, end in parts
        if other == label and any(s < end and start < e for s, e in contents)
    ]
