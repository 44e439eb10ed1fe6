"""The display layer for Arabic text: shaping, bidi ordering, wrapping and exact index maps.

Pure functions over strings; nothing here imports Textual. Offsets are logical code points of the
article's canonical text; display strings (shaped, reordered, wrapped) never leave `tui/`.
"""

from tui.layout.article_layout import ArticleLayout, Glyph, ScreenLine
from tui.layout.paragraph import Mode
from tui.layout.styled_runs import Run, SpanIndex, StyledSpan, styled_runs
from tui.layout.terminal_output import (
    BIDI_EXPLICIT,
    BIDI_IMPLICIT,
    render_article,
    rich_lines,
)
from tui.layout.word_geometry import WordBox, nearest_word, words_on_line

__all__ = [
    "BIDI_EXPLICIT",
    "BIDI_IMPLICIT",
    "ArticleLayout",
    "Glyph",
    "Mode",
    "Run",
    "ScreenLine",
    "SpanIndex",
    "StyledSpan",
    "WordBox",
    "nearest_word",
    "render_article",
    "rich_lines",
    "styled_runs",
    "words_on_line",
]
