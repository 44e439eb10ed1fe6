"""Rules L1 and L2 of the Unicode Bidirectional Algorithm: one line, levels to visual order."""

from __future__ import annotations

from collections.abc import Sequence

from tui.layout.bidi_levels import REMOVED

#: Classes that rule L1 resets to the paragraph level at the end of a line or before S and B.
_TRAILING = REMOVED | {"WS", "FSI", "LRI", "RLI", "PDI"}


def line_levels(classes: Sequence[str], levels: Sequence[int], paragraph_level: int) -> list[int]:
    """Rule L1: `levels` of one line with separators and trailing whitespace at paragraph level."""
    result = list(levels)
    separated = "S" in classes or "B" in classes
    trailing = True
    for n in range(len(classes) - 1, -1, -1):
        kind = classes[n]
        if kind in ("S", "B"):
            result[n] = paragraph_level
            trailing = True
        elif trailing and kind in _TRAILING:
            result[n] = paragraph_level
        elif separated:
            trailing = False
        else:
            break
    return result


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: the logical indices of one line in left-to-right display order."""
    order = list(range(len(levels)))
    if len(set(levels)) < 2:
        return order[::-1] if levels and levels[0] % 2 else order
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    highest, lowest_odd = max(levels), min(odd)
    for level in range(highest, lowest_odd - 1, -1):
        n = 0
        while n < len(order):
            if levels[order[n]] < level:
                n += 1
                continue
            end = n
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[n:end] = order[n:end][::-1]
            n = end
    return order
