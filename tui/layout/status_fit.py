"""A status line that fits its width: parts shortened, then dropped, by priority."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len

SEPARATOR = " │ "


class StatusPart(NamedTuple):
    """One part of a status line: its text, a shorter form ("" to drop it), and how much it
    matters (higher stays longer)."""

    text: str
    short: str
    priority: int


def fit_status(parts: Sequence[StatusPart], width: int) -> str:
    """The parts joined, in their order, in at most `width` cells: the least important ones
    are shortened first, then left out; the most important one is cut if it alone is wider."""
    texts = [part.text for part in parts]
    order = sorted(range(len(parts)), key=lambda i: (parts[i].priority, -i))

    def joined() -> str:
        return SEPARATOR.join(text for text in texts if text)

    for shortening in (True, False):
        for index in order:
            if cell_len(joined()) <= width:
                return joined()
            texts[index] = parts[index].short if shortening else ""
            if not shortening and sum(1 for text in texts if text) == 0:
                texts[index] = parts[index].short or parts[index].text
                break
    line = joined()
    while cell_len(line) > width:
        line = line[:-1]
    return line
