"""An article as styled terminal lines, for `rawi show` and anything else that prints."""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import ColorSystem
from rich.text import Text

from tui.layout.article_layout import ArticleLayout
from tui.layout.paragraph import Mode
from tui.layout.styled_runs import StyledSpan, styled_runs
from tui.marks import Depth, mark_style

#: `CSI 8 l`: tell a bidi-capable terminal (VTE, mlterm) not to reorder what visual mode wrote.
BIDI_EXPLICIT = "\x1b[8l"
#: `CSI 8 h`: give the terminal its own (implicit) reordering back.
BIDI_IMPLICIT = "\x1b[8h"


def rich_lines(
    layout: ArticleLayout,
    spans: Sequence[StyledSpan] = (),
    depth: Depth = "16",
) -> list[Text]:
    """One Rich `Text` per screen line of a wrapped layout (plain text, never markup)."""
    lines = []
    for y in range(layout.line_count):
        text = Text(no_wrap=True, end="")
        for run, keys in styled_runs(layout.line(y), spans):
            text.append(run, mark_style(keys, depth))
        lines.append(text)
    return lines


def render_article(
    text: str,
    spans: Sequence[StyledSpan] = (),
    width: int = 80,
    mode: Mode = "visual",
    color: bool = False,
    hide_harakat: bool = False,
    depth: Depth = "16",
) -> list[str]:
    """The article wrapped to `width`: shaped, ordered and right-aligned in visual mode, logical in
    terminal mode; with ANSI colours for the spans when `color`."""
    layout = ArticleLayout(text, mode, hide_harakat)
    layout.wrap(width)
    lines = []
    for y in range(layout.line_count):
        runs = styled_runs(layout.line(y), spans if color else ())
        lines.append(
            "".join(
                mark_style(keys, depth).render(run, color_system=ColorSystem.STANDARD)
                for run, keys in runs
            )
        )
    return lines


def terminal_text(
    text: str,
    spans: Sequence[StyledSpan],
    width: int,
    mode: Mode,
    color: bool,
    tty: bool,
    hide_harakat: bool = False,
) -> str:
    """`render_article` joined for printing; on a terminal, visual mode is framed by `CSI 8 l` ...
    `CSI 8 h` so that a bidi-capable terminal does not reorder it a second time."""
    body = "\n".join(render_article(text, spans, width, mode, color, hide_harakat))
    return f"{BIDI_EXPLICIT}{body}{BIDI_IMPLICIT}" if tty and mode == "visual" else body
