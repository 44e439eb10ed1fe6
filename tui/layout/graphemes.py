"""Cutting a paragraph into grapheme clusters (a base character and its marks) and shaping them.

A cluster is what one screen position shows: harakat stay in their base letter's cell, and in
visual mode a lam followed by an alef becomes one lam-alef ligature covering both letters.
Contextual forms come from arabic-reshaper's letter table, applied one cluster at a time so that
every glyph knows exactly which logical characters it stands for.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, LETTERS_ARABIC, MEDIAL
from rich.cells import get_character_cell_size

from annotations.arabic import HARAKAT

LAM = "\u0644"
#: Alef variant -> (isolated lam-alef, final lam-alef).
LAM_ALEF = {
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}
_LAM_ALEF_RE = re.compile(LAM + "(?=[" + "".join(LAM_ALEF) + "])")
ZWJ = "\u200d"
_FORM = {
    (False, False): ISOLATED,
    (False, True): INITIAL,
    (True, False): FINAL,
    (True, True): MEDIAL,
}
#: Letters that connect to the letter after them, and to the one before them.
_JOINS_AFTER = frozenset(
    c for c, forms in LETTERS_ARABIC.items() if forms[INITIAL] or forms[MEDIAL]
)
_JOINS_BEFORE = frozenset(c for c, forms in LETTERS_ARABIC.items() if forms[FINAL] or forms[MEDIAL])
#: (letter, joins the one before, joins the one after) -> (contextual form, width).
_SHAPES = {
    (letter, joins_before, joins_after): (
        ("", 0)
        if letter == ZWJ
        else (forms[_FORM[joins_before, joins_after]] or forms[ISOLATED] or letter, 1)
    )
    for letter, forms in LETTERS_ARABIC.items()
    for joins_before in (False, True)
    for joins_after in (False, True)
}
#: Spaces after which a line may break (NBSP, figure space and narrow NBSP are not among them).
BREAKING_SPACES = frozenset(
    " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u200b\u205f\u3000"
)


@dataclass(slots=True)
class GraphemeClusters:
    """Parallel lists, one entry per cluster of a paragraph, in logical order."""

    starts: list[int]
    glyphs: list[str]
    widths: list[int]


@lru_cache(maxsize=4096)
def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


@lru_cache(maxsize=4096)
def _safe_glyph(char: str) -> tuple[str, int]:
    """What to write for `char` and its width: controls become nothing (tab a space)."""
    if char == "\t":
        return " ", 1
    if unicodedata.category(char) == "Cc":
        return "", 0
    return char, get_character_cell_size(char)


def mark_runs(text: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the combining marks that follow a base character."""
    marks = "".join(sorted(char for char in set(text) if _is_mark(char)))
    if not marks:
        return []
    return [m.span() for m in re.finditer(f"(?<=.)[{re.escape(marks)}]+", text, re.DOTALL)]


def cluster_starts(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where each cluster starts: every character outside the mark `runs`."""
    starts: list[int] = []
    previous = 0
    for start, end in runs:
        starts.extend(range(previous, start))
        previous = end
    starts.extend(range(previous, len(text)))
    return starts


def logical_clusters(text: str, hide_harakat: bool = False) -> GraphemeClusters:
    """Clusters written as they are stored (terminal mode); only control characters are dropped."""
    runs = mark_runs(text)
    starts = cluster_starts(text, runs)
    shapes = [_safe_glyph(text[start]) for start in starts]
    glyphs = [glyph for glyph, _ in shapes]
    _attach_marks(text, runs, starts, glyphs, hide_harakat)
    return GraphemeClusters(starts, glyphs, [width for _, width in shapes])


def _attach_marks(
    text: str, runs: list[tuple[int, int]], starts: list[int], glyphs: list[str], hide: bool
) -> None:
    """Append each run of marks to its base character's glyph (harakat left out if `hide`)."""
    for start, end in runs:
        glyphs[bisect_left(starts, start - 1)] += _marks(text[start:end], hide)


def shaped_clusters(text: str, hide_harakat: bool = False) -> GraphemeClusters:
    """Clusters in contextual Arabic forms, lam-alef ligatures merged; format characters vanish."""
    runs = mark_runs(text)
    starts = cluster_starts(text, runs)
    if not starts:
        return GraphemeClusters([], [], [])
    bases = [text[s] for s in starts]
    joins = [a in _JOINS_AFTER and b in _JOINS_BEFORE for a, b in pairwise(bases)]
    after = [*joins, False]
    before = [False, *joins]
    shapes = [
        _SHAPES.get((b, jb, ja)) or _other_glyph(b)
        for b, jb, ja in zip(bases, before, after, strict=True)
    ]
    glyphs = [glyph for glyph, _ in shapes]
    widths = [width for _, width in shapes]
    _attach_marks(text, runs, starts, glyphs, hide_harakat)
    ligatures = [m.start() for m in _LAM_ALEF_RE.finditer("".join(bases))]
    if not ligatures:
        return GraphemeClusters(starts, glyphs, widths)
    for n in ligatures:
        glyphs[n] = LAM_ALEF[bases[n + 1]][int(before[n])] + glyphs[n][1:] + glyphs[n + 1][1:]
    alefs = [n + 1 for n in ligatures]
    return GraphemeClusters(
        _without(starts, alefs), _without(glyphs, alefs), _without(widths, alefs)
    )


def _without(items: list, dropped: list[int]) -> list:
    """`items` less the positions in `dropped` (sorted)."""
    kept, previous = [], 0
    for n in dropped:
        kept.extend(items[previous:n])
        previous = n + 1
    kept.extend(items[previous:])
    return kept


@lru_cache(maxsize=4096)
def _other_glyph(char: str) -> tuple[str, int]:
    """Glyph and width of a character outside the Arabic letter table (format characters vanish)."""
    return ("", 0) if unicodedata.category(char) == "Cf" else _safe_glyph(char)


def _marks(marks: str, hide_harakat: bool) -> str:
    """The combining marks to write after a base glyph."""
    if hide_harakat:
        return "".join(m for m in marks if m not in HARAKAT)
    return marks
