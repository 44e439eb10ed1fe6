"""Greedy line breaking in logical order over cluster widths."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def wrap(prefix: Sequence[int], breaks: Sequence[int], width: int) -> list[tuple[int, int]]:
    """Cluster ranges [start, end) of the lines of one paragraph, each at most `width` cells wide.

    `prefix[k]` is the width of clusters before k (len = clusters + 1); `breaks` are the sorted
    cluster indices where a line may start. A word wider than the line is cut between clusters.
    """
    count = len(prefix) - 1
    lines = []
    start = 0
    while True:
        end = bisect_right(prefix, prefix[start] + width) - 1
        if end >= count:
            lines.append((start, count))
            return lines
        end = max(end, start + 1)
        candidate = bisect_right(breaks, end) - 1
        if candidate >= 0 and breaks[candidate] > start:
            end = breaks[candidate]
        lines.append((start, end))
        start = end
