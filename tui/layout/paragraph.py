"""Everything about one paragraph that does not depend on the screen width, computed once."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from bidi.mirror import MIRRORED

from tui.layout.bidi_levels import bidi_class, bidi_classes, paragraph_levels
from tui.layout.bidi_reorder import line_levels, visual_order
from tui.layout.graphemes import BREAKING_SPACES, logical_clusters, shaped_clusters

Mode = Literal["visual", "terminal"]
_SPACE_RUN = re.compile("[" + re.escape("".join(sorted(BREAKING_SPACES))) + "]+")


@dataclass(slots=True)
class Paragraph:
    """One paragraph's clusters (glyphs, widths, bidi levels) and where its lines may break.

    `glyphs` are final: shaped, and mirrored inside right-to-left runs (rule L4; rule L1 never
    changes the level of a mirrored character). `levels` is empty in terminal mode.
    """

    offset: int
    level: int
    starts: list[int]
    ends: list[int]
    glyphs: list[str]
    levels: list[int]
    classes: list[str]
    prefix: list[int]
    breaks: list[int]

    def visual_clusters(self, first: int, last: int) -> list[int]:
        """Clusters [first, last) of one line in left-to-right order (rules L1-L2)."""
        if not self.levels:
            return list(range(first, last))
        levels = line_levels(self.classes[first:last], self.levels[first:last], self.level)
        return [first + k for k in visual_order(levels)]


def is_rtl_paragraph(text: str) -> bool:
    """Our paragraph direction: right to left as soon as it holds one R or AL character."""
    return any(bidi_class(c) in ("R", "AL") for c in text)


def prepare_paragraph(text: str, offset: int, mode: Mode, hide_harakat: bool) -> Paragraph:
    """Shape (visual mode), resolve levels and find break opportunities for one paragraph."""
    if mode == "visual":
        clusters = shaped_clusters(text, hide_harakat)
        level = 1 if is_rtl_paragraph(text) else 0
        char_levels, char_classes = paragraph_levels(text, level), bidi_classes(text)
        levels = [char_levels[s] for s in clusters.starts]
        classes = [char_classes[s] for s in clusters.starts]
        if not MIRRORED.keys().isdisjoint(text):
            for n, start in enumerate(clusters.starts):
                if text[start] in MIRRORED and levels[n] % 2:
                    clusters.glyphs[n] = MIRRORED[text[start]] + clusters.glyphs[n][1:]
    else:
        clusters = logical_clusters(text, hide_harakat)
        level, levels, classes = 0, [], []
    starts = clusters.starts
    breaks = _break_opportunities(text, starts)
    prefix = [0, *accumulate(clusters.widths)]
    ends = [*starts[1:], len(text)]
    return Paragraph(offset, level, starts, ends, clusters.glyphs, levels, classes, prefix, breaks)


def _break_opportunities(text: str, starts: list[int]) -> list[int]:
    """Clusters after a run of breaking spaces, where a line may start."""
    found = set()
    for run in _SPACE_RUN.finditer(text):
        k = bisect_left(starts, run.end())
        if k < len(starts) and text[starts[k]] not in BREAKING_SPACES:
            found.add(k)
    return sorted(found)
