"""Styled spans in logical offsets -> runs of screen text, each with the style keys covering it."""

from __future__ import annotations

from collections.abc import Sequence

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
    runs: list[Run] = []
    if line.xs and line.xs[0]:
        runs.append((" " * line.xs[0], ()))
    for text, start, end in zip(line.texts, line.starts, line.ends, strict=True):
        if not text:
            continue
        keys = tuple(key for s, e, key in here if s < end and start < e) if here else ()
        if runs and runs[-1][1] == keys:
            runs[-1] = (runs[-1][0] + text, keys)
        else:
            runs.append((text, keys))
    return runs
