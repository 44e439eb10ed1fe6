"""One line of Arabic (a title, an outlet, a panel entry) through the layout engine."""

from __future__ import annotations

from functools import lru_cache

from tui.layout import ArticleLayout, Mode


@lru_cache(maxsize=4096)
def shaped_line(text: str, width: int, mode: Mode = "visual", hide_harakat: bool = False) -> str:
    """The first screen line of `text` at `width` cells, in display order, "…" where it was cut."""
    layout = ArticleLayout(" ".join(text.split()), mode, hide_harakat)
    layout.wrap(max(width - 1, 1))
    if not layout.line_count:
        return ""
    glyphs = "".join(glyph.text for glyph in layout.line(0).glyphs)
    if layout.line_count > 1:
        glyphs = "…" + glyphs if mode == "visual" else glyphs + "…"
    return glyphs
