"""An article laid out at one width: screen lines and exact maps between logical offsets and cells.

Paragraphs (lines of the text) are prepared once; `wrap(width)` only breaks lines, and each
screen line is ordered and placed the first time it is asked for. Lines are right-aligned in
visual mode and left-aligned (logical order, for a terminal that reorders by itself) in
terminal mode.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from tui.layout.paragraph import Mode, Paragraph, prepare_paragraph
from tui.layout.wrapping import wrap


@dataclass(frozen=True, slots=True)
class Glyph:
    """What stands on cells [x, x + width) of a line: `text` for logical characters [start, end)."""

    x: int
    width: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ScreenLine:
    """One screen line: parallel lists of its glyphs, left to right, and the logical range shown.

    `xs`, `widths`, `texts`, `starts` and `ends` describe glyph k; `positions[i - start]` is the
    glyph showing logical index i (for i in [start, end)).
    """

    width: int
    start: int
    end: int
    xs: list[int]
    widths: list[int]
    texts: list[str]
    starts: list[int]
    ends: list[int]
    positions: list[int]

    @property
    def glyphs(self) -> list[Glyph]:
        """The glyphs left to right, as objects."""
        return [
            Glyph(*g)
            for g in zip(self.xs, self.widths, self.texts, self.starts, self.ends, strict=True)
        ]

    @property
    def plain(self) -> str:
        """The line as text with its left padding (nothing after the last glyph)."""
        return " " * (self.xs[0] if self.xs else 0) + "".join(self.texts)

    def glyph_at(self, x: int) -> int | None:
        """The glyph covering cell `x`, or None for padding."""
        k = bisect_right(self.xs, x) - 1
        while k >= 0 and self.widths[k] == 0:
            k -= 1
        return k if k >= 0 and x < self.xs[k] + self.widths[k] else None


@dataclass(frozen=True, slots=True)
class _Line:
    paragraph: int
    first: int
    last: int


class ArticleLayout:
    """The screen lines of one text at one width, with maps logical index <-> (line, cell)."""

    def __init__(self, text: str, mode: Mode = "visual", hide_harakat: bool = False) -> None:
        self.text = text
        self.mode: Mode = mode
        self.paragraphs: list[Paragraph] = []
        offset = 0
        for line in text.split("\n"):
            self.paragraphs.append(prepare_paragraph(line, offset, mode, hide_harakat))
            offset += len(line) + 1
        self.width = 0
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []
        self._cache: dict[int, ScreenLine] = {}

    def wrap(self, width: int) -> None:
        """Break every paragraph into lines of at most `width` cells (cheap: levels are kept)."""
        width = max(width, 1)
        if width == self.width and self._lines:
            return
        self.width = width
        self._lines, self._line_starts, self._cache = [], [], {}
        for number, paragraph in enumerate(self.paragraphs):
            for first, last in wrap(paragraph.prefix, paragraph.breaks, width):
                self._lines.append(_Line(number, first, last))
                start = paragraph.starts[first] if first < len(paragraph.starts) else 0
                self._line_starts.append(paragraph.offset + start)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def line(self, y: int) -> ScreenLine:
        """Screen line `y`, placed on first use."""
        if (cached := self._cache.get(y)) is not None:
            return cached
        record = self._lines[y]
        paragraph = self.paragraphs[record.paragraph]
        first, last, offset = record.first, record.last, paragraph.offset
        order = paragraph.visual_clusters(first, last)
        prefix = paragraph.prefix
        widths = [prefix[k + 1] - prefix[k] for k in order]
        used = prefix[last] - prefix[first]
        left = self.width - used if self.mode == "visual" else 0
        relative = [k - first for k in order]
        positions = sorted(range(len(order)), key=relative.__getitem__)  # inverse permutation
        if order and paragraph.ends[last - 1] - paragraph.starts[first] != last - first:
            positions = [  # some clusters hold several characters: one entry per character
                positions[k - first]
                for k in range(first, last)
                for _ in range(paragraph.ends[k] - paragraph.starts[k])
            ]
        line_start = self._line_starts[y]
        screen_line = ScreenLine(
            width=self.width,
            start=line_start,
            end=offset + paragraph.ends[last - 1] if last > first else line_start,
            xs=list(accumulate(widths, initial=left))[:-1],
            widths=widths,
            texts=[paragraph.glyphs[k] for k in order],
            starts=[offset + paragraph.starts[k] for k in order],
            ends=[offset + paragraph.ends[k] for k in order],
            positions=positions,
        )
        self._cache[y] = screen_line
        return screen_line

    def line_of(self, index: int) -> int:
        """The screen line showing logical `index` (a newline belongs to the line it ends)."""
        return max(bisect_right(self._line_starts, index) - 1, 0)

    def locate(self, index: int) -> tuple[int, int, int]:
        """Logical `index` -> (line, x, width); zero-width characters and newlines have width 0."""
        y = self.line_of(index)
        line = self.line(y)
        if not line.start <= index < line.end:
            return y, self._end_x(y, line), 0
        k = line.positions[index - line.start]
        return y, line.xs[k], line.widths[k]

    def index_at(self, y: int, x: int) -> int | None:
        """(line, x) -> the first logical index shown on that cell, or None for an empty cell."""
        if not 0 <= y < len(self._lines) or not 0 <= x < self.width:
            return None
        line = self.line(y)
        k = line.glyph_at(x)
        return None if k is None else line.starts[k]

    def span_cells(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Pieces (line, x0, x1) of the cells showing logical [start, end), left to right."""
        pieces: list[tuple[int, int, int]] = []
        if end <= start:
            return pieces
        for y in range(self.line_of(start), self.line_of(end - 1) + 1):
            line = self.line(y)
            for x, width, g_start, g_end in zip(
                line.xs, line.widths, line.starts, line.ends, strict=True
            ):
                if width and g_start < end and start < g_end:
                    if pieces and pieces[-1][0] == y and pieces[-1][2] == x:
                        pieces[-1] = (y, pieces[-1][1], x + width)
                    else:
                        pieces.append((y, x, x + width))
        return pieces

    def _end_x(self, y: int, line: ScreenLine) -> int:
        """The cell just past the end of line `y` in reading order (where a caret would stand)."""
        if not line.xs:
            return self.width - 1 if self.mode == "visual" else 0
        if self.paragraphs[self._lines[y].paragraph].level == 1:
            return max(line.xs[0] - 1, 0)
        return min(line.xs[-1] + line.widths[-1], self.width - 1)
