"""How each mark looks, defined once: entities, annotations, suggestions, states, cursor.

The session says what a mark is (`annotations.session.Mark`: a label and a state); this module
says how it looks. The reader (`ArticleView`), the legend and `rawi show` all draw through
`mark_style`, so adding a label is one entry per table here.

Layers, so that nothing hides anything (no transparency assumed):
- entities colour the letters (an entity right after another of its label, "per-alt", takes the
  other weight, so the boundary shows);
- the analyst's SOURCE, CUE and CONTENT colour the background; CLAIM is a bar (underline) over
  whatever background is there, with its own background only where it is alone;
- suggestions lie beneath: a quieter background and italics, covered by the analyst's tags;
- a focused suggestion, a proposal, the head of a link and the other ends of the links of the
  annotation under the cursor change the weight and letter colour;
- the selection turns a cell pale: the tag's hue as a pale background, the entity's hue in
  dark letters (so letters stay legible); the cursor reverses (the letters take the
  background's colour, so the tag colour stays);
- search hits, shown only while a search is open, are black on yellow over everything.
Three palettes, chosen by the terminal's colour depth: truecolor, 256 and 16 colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from rich.color import Color, ColorSystem
from rich.style import Style

if TYPE_CHECKING:
    from annotations.session import Mark

Depth = Literal["truecolor", "256", "16"]
DEPTHS: tuple[Depth, ...] = ("truecolor", "256", "16")

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
ANNOTATION_LABELS = ("SOURCE", "CUE", "CONTENT", "CLAIM")
SUGGESTION_LABELS = ("SOURCE", "CUE", "CONTENT")
#: The annotation drawn as a bar (underline) rather than a background when it lies over another.
BAR_LABEL = "CLAIM"


@dataclass(frozen=True)
class Palette:
    """The colours of one colour depth (hex; in 16 colours the VGA values Rich and terminals
    map exactly to the 16 ANSI colours, so Textual's ANSI theme cannot merge two of them).

    Dark backgrounds carry light letters; the selection turns a cell light (the tag's hue as a
    pale background) with dark letters (the entity's hue in a dark shade), so that letters
    stay legible on every background (tests/app/test_marks.py measures their contrast)."""

    letters: dict[str, str]  # entity label -> letters
    alternate_letters: dict[str, str]  # an entity right after another of its label
    backgrounds: dict[str, str]  # the analyst's tag -> background
    selected: dict[str, str]  # the analyst's tag -> its (pale) background under the selection
    dark_letters: dict[str, str]  # entity label -> its letters under the selection
    suggested: dict[str, tuple[str, str]]  # suggestion label -> (background, letters)
    selection: str  # the selection's (pale) background where no tag is
    proposed: str  # letters of a proposal
    linking: str  # letters of a link's head
    hit: str  # background of a search hit (black letters)
    #: Letters of an alternate entity over a background (None: `alternate_letters`).
    alternate_over: dict[str, str] | None = None
    selected_letters: str = "#000000"  # letters under the selection outside entities


#: Letters on the dark backgrounds of the deep palettes, and their dark shades for the
#: selection's pale ones (cells of xterm's colour cube, so 256 colours draw them exactly).
_DEEP_LETTERS = {"PER": "#5fd7ff", "ORG": "#d7afff", "LOC": "#87d75f", "MISC": "#ffd75f"}
_DEEP_ALTERNATES = {"PER": "#afffff", "ORG": "#ffd7ff", "LOC": "#d7ff87", "MISC": "#ffffaf"}
_DEEP_DARK = {"PER": "#005f87", "ORG": "#5f00af", "LOC": "#005f00", "MISC": "#875f00"}
_DEEP_SELECTED = {"SOURCE": "#afd7ff", "CUE": "#ffd7af", "CONTENT": "#afd7af", "CLAIM": "#ffafd7"}


def _deep(tags: dict[str, str], suggested: dict[str, str]) -> Palette:
    """A palette of many colours: the tags' and suggestions' backgrounds vary, the rest not."""
    return Palette(
        letters=_DEEP_LETTERS,
        alternate_letters=_DEEP_ALTERNATES,
        backgrounds=tags,
        selected=_DEEP_SELECTED,
        dark_letters=_DEEP_DARK,
        suggested={label: (background, "") for label, background in suggested.items()},
        selection="#d0d0d0",
        proposed="#ffaf00",
        linking="#ffafff",
        hit="#d7af00",
    )


_BRIGHT = {"PER": "#55ffff", "ORG": "#ff55ff", "LOC": "#55ff55", "MISC": "#ffff55"}
PALETTES: dict[Depth, Palette] = {
    "truecolor": _deep(
        {"SOURCE": "#1f4f7a", "CUE": "#6e4300", "CONTENT": "#1f6040", "CLAIM": "#6b1f4a"},
        {"SOURCE": "#1a2a3a", "CUE": "#3a2a12", "CONTENT": "#2a2a2a"},
    ),
    # Cells of xterm's colour cube and grey ramp, so they are drawn exactly.
    "256": _deep(
        {"SOURCE": "#005f87", "CUE": "#875f00", "CONTENT": "#005f00", "CLAIM": "#87005f"},
        {"SOURCE": "#00005f", "CUE": "#5f0000", "CONTENT": "#303030"},
    ),
    # The bright colours as letters on backgrounds dark in every terminal theme (blue, grey,
    # red, magenta; ANSI yellow, green and cyan are light in many); an alternate entity is its
    # dark colour on no background and its bright one unbolded over one; under the selection,
    # bright backgrounds and black letters.
    "16": Palette(
        letters=_BRIGHT,
        alternate_letters={"PER": "#00aaaa", "ORG": "#aa00aa", "LOC": "#00aa00", "MISC": "#aa5500"},
        backgrounds={
            "SOURCE": "#0000aa",
            "CUE": "#555555",
            "CONTENT": "#aa0000",
            "CLAIM": "#aa00aa",
        },
        selected={"SOURCE": "#5555ff", "CUE": "#ffff55", "CONTENT": "#ff5555", "CLAIM": "#ff55ff"},
        dark_letters=dict.fromkeys(ENTITY_LABELS, "#000000"),
        # No quieter shade in 16 colours: suggestions colour letters, not the background.
        suggested={"SOURCE": ("", "#5555ff"), "CUE": ("", "#aa5500"), "CONTENT": ("", "")},
        selection="#aaaaaa",
        proposed="#ffff55",
        linking="#ffffff",
        hit="#ffff55",
        alternate_over=_BRIGHT,
    ),
}
_TEXT_STYLES = {
    "entity": "bold",
    "entity-alt": "",
    "bar": "underline",
    "suggested": "italic",
    "focused": "bold",
    "proposed": "bold italic",
    "linking": "bold",
    "linked": "bold",
    "cursor": "reverse bold",
    "hit": "bold",
}
#: States of any mark, then a search hit, the selection and the cursor.
STATES = ("focused", "proposed", "linking", "linked", "hit", "selection", "cursor")
#: The legend's groups: heading, the labels shown in it and their state.
LEGEND = (
    ("Entities:", ENTITY_LABELS, None),
    ("Annotations:", ANNOTATION_LABELS, None),
    ("Suggested:", SUGGESTION_LABELS, "suggested"),
)


@lru_cache(maxsize=256)
def style_key(label: str, state: str | None = None) -> str:
    """The key a mark is drawn with: its label for an entity or a saved annotation ("per"),
    "suggested-" and its label for a pending suggestion, "per-alt" for an entity right after
    another of its label, else its state."""
    if state is None:
        return label.lower()
    if state == "suggested":
        return f"suggested-{label.lower()}"
    if state == "alternate":
        return f"{label.lower()}-alt"
    return state


def mark_key(mark: Mark) -> str:
    """`style_key` of a session's mark."""
    return style_key(mark.label, mark.state)


#: Every key there is.
MARK_KEYS = frozenset(
    [
        *(style_key(label, state) for label in ENTITY_LABELS for state in (None, "alternate")),
        *(style_key(label) for label in ANNOTATION_LABELS),
        *(style_key(label, "suggested") for label in SUGGESTION_LABELS),
        *STATES,
    ]
)


def depth_of(color_system: ColorSystem | str | None) -> Depth:
    """The palette for a console's colour system (Rich's `ColorSystem` or its name)."""
    name = getattr(color_system, "name", color_system) or "standard"
    name = str(name).lower()
    if name in ("truecolor",):
        return "truecolor"
    if name in ("eight_bit", "256"):
        return "256"
    return "16"


@lru_cache(maxsize=1024)
def mark_style(keys: tuple[str, ...], depth: Depth = "truecolor") -> Style:
    """The Rich style of a run covered by marks with these keys, layered as the module says."""
    palette, present = PALETTES[depth], set(keys)
    styles: list[str] = []
    entity, alternate = _entity_of(present)
    analyst = [label for label in ANNOTATION_LABELS if label.lower() in present]
    behind = [label for label in analyst if label != BAR_LABEL] or analyst
    suggested = [label for label in SUGGESTION_LABELS if f"suggested-{label.lower()}" in present]
    colour = background = ""
    if behind:
        background = palette.backgrounds[behind[0]]
    elif suggested:
        background, colour = palette.suggested[suggested[0]]
    if entity:
        styles.append(_TEXT_STYLES["entity-alt" if alternate else "entity"])
        colour = palette.letters[entity]
        if alternate:
            over = palette.alternate_over if background else None
            colour = (over or palette.alternate_letters)[entity]
    if BAR_LABEL in analyst:
        styles.append(_TEXT_STYLES["bar"])
    if suggested:
        styles.append(_TEXT_STYLES["suggested"])
    if "focused" in present:
        styles.append(_TEXT_STYLES["focused"])
    for state in ("proposed", "linking", "linked"):
        if state in present:  # the other end of a link has the letters of a link's head
            styles.append(_TEXT_STYLES[state])
            colour = palette.proposed if state == "proposed" else palette.linking
    if "selection" in present:
        background = palette.selected[behind[0]] if behind else palette.selection
        colour = palette.dark_letters[entity] if entity else palette.selected_letters
    if "hit" in present:
        styles.append(_TEXT_STYLES["hit"])
        colour, background = "#000000", palette.hit
    if "cursor" in present:
        styles.append(_TEXT_STYLES["cursor"])
    return Style.parse(" ".join(s for s in styles if s) or "none") + Style(
        color=_colour(colour, depth), bgcolor=_colour(background, depth)
    )


def _entity_of(present: set[str]) -> tuple[str, bool]:
    """The entity label among the keys ("" if none), and whether it is an alternate."""
    for label in ENTITY_LABELS:
        if label.lower() in present:
            return label, False
        if f"{label.lower()}-alt" in present:
            return label, True
    return "", False


def _colour(value: str, depth: Depth) -> Color | None:
    if not value:
        return None
    colour = Color.parse(value)
    return colour.downgrade(ColorSystem.EIGHT_BIT) if depth == "256" else colour
