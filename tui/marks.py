"""How each mark looks, defined once: entities, annotations, suggestions, states, cursor.

The session says what a mark is (`annotations.session.Mark`: a label and a state); this module
says how it looks. The reader's component classes (`ArticleView`), the legend and the colours of
`rawi show` are all made from these tables, so adding a label is one entry here.

Entity kinds colour the letters; annotations colour the background and underline, so both stay
visible where they overlap. Suggestions not yet reviewed are italic over a paler background of
their label; the one under the cursor is also bold and underlined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotations.session import Mark


@dataclass(frozen=True)
class MarkStyle:
    """One mark's look: Textual colours (hex, or a theme variable such as "$warning 40%"), a
    text style ("bold", "italic underline" ...) and, for `rawi show` on a 16-colour terminal,
    the name of the ANSI colour of its letters."""

    text_style: str = ""
    color: str = ""
    background: str = ""
    terminal_color: str = ""

    def css(self) -> str:
        """The Textual CSS declarations of this look."""
        declarations = {"color": self.color, "background": self.background}
        declarations["text-style"] = self.text_style
        return " ".join(f"{name}: {value};" for name, value in declarations.items() if value)

    def terminal(self) -> str:
        """The Rich style of this look in 16 colours (what `rawi show` writes)."""
        return " ".join(part for part in (self.text_style, self.terminal_color) if part)


#: Entity labels colour the letters.
ENTITIES = {
    "PER": MarkStyle("bold", color="#5fd7ff", terminal_color="cyan"),
    "ORG": MarkStyle("bold", color="#d787ff", terminal_color="magenta"),
    "LOC": MarkStyle("bold", color="#87d75f", terminal_color="green"),
    "MISC": MarkStyle("bold", color="#ffd75f", terminal_color="yellow"),
}
#: Annotation labels colour the background.
ANNOTATIONS = {
    "SOURCE": MarkStyle("underline", background="#1f4f7a"),
    "CUE": MarkStyle("underline", background="#7a4a00"),
    "CONTENT": MarkStyle(background="#23553a"),
    "CLAIM": MarkStyle("underline", background="#6b1f4a"),
}
#: Spans of pending suggestions: their label's background half-way to the dark background
#: (component styles drop a colour's alpha, so these are mixed here rather than written "50%").
SUGGESTIONS = {
    "SOURCE": MarkStyle("italic", background="#1e364c"),
    "CUE": MarkStyle("italic", background="#4c340f"),
    "CONTENT": MarkStyle("italic", background="#20392c"),
}
#: The other states of a mark (any label), then the selection and the cursor.
STATES = {
    "focused": MarkStyle("bold italic underline"),
    "proposed": MarkStyle("italic underline", background="$warning 40%"),
    "linking": MarkStyle("bold underline", background="$accent 40%"),
    "selection": MarkStyle(background="$primary 70%"),
    "cursor": MarkStyle("reverse"),
}
#: The legend's groups: heading, the labels shown in it and their state.
LEGEND = (
    ("Entities:", ENTITIES, None),
    ("Annotations:", ANNOTATIONS, None),
    ("Suggested:", SUGGESTIONS, "suggested"),
)


def style_key(label: str, state: str | None = None) -> str:
    """The key a mark is drawn with (a CSS class name part): its label for an entity or a saved
    annotation ("per"), "suggested-" and its label for a pending suggestion, else its state."""
    if state is None:
        return label.lower()
    if state == "suggested":
        return f"suggested-{label.lower()}"
    return state


def mark_key(mark: Mark) -> str:
    """`style_key` of a session's mark."""
    return style_key(mark.label, mark.state)


#: Every style by its key.
MARK_STYLES: dict[str, MarkStyle] = {
    **{style_key(label): style for label, style in (ENTITIES | ANNOTATIONS).items()},
    **{style_key(label, "suggested"): style for label, style in SUGGESTIONS.items()},
    **STATES,
}
#: What `rawi show` draws: the Rich styles of the marks with a terminal colour.
TERMINAL_STYLES = {key: s.terminal() for key, s in MARK_STYLES.items() if s.terminal_color}


def css_rules(selector: str) -> str:
    """One CSS rule per style; `selector` names the styled node with `{key}` in it."""
    return "\n".join(
        f"{selector.format(key=key)} {{ {style.css()} }}" for key, style in MARK_STYLES.items()
    )

#: A search hit, as `rawi search` prints it (a Rich style).
SEARCH_HIT = "bold reverse"
