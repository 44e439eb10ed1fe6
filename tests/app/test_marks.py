"""One vocabulary of mark styles: every label has one, layers never hide each other, three
palettes keep every category apart, and the legend draws what the reader draws."""

from __future__ import annotations

import asyncio
import itertools
import re

import pytest
from rich.color import Color, ColorSystem
from textual.app import App, ComposeResult

from annotations.model import LABELS
from annotations.session import Mark
from tui.config import Config
from tui.layout.terminal_output import render_article
from tui.marks import (
    ANNOTATION_LABELS,
    DEPTHS,
    ENTITY_LABELS,
    LEGEND,
    MARK_KEYS,
    SUGGESTION_LABELS,
    mark_key,
    mark_style,
    style_key,
)
from tui.widgets.article_view import ArticleView
from tui.widgets.legend import Legend
from tui.widgets.reader_view import with_boundaries


def test_every_label_and_state_has_a_style() -> None:
    assert {mark_key(Mark(0, 1, label)) for label in LABELS} <= MARK_KEYS
    for state in ("suggested", "focused", "proposed", "linking"):
        assert mark_key(Mark(0, 1, "SOURCE", state)) in MARK_KEYS
    assert mark_key(Mark(0, 1, "CUE", "focused")) == mark_key(Mark(0, 1, "SOURCE", "focused"))


def test_rawi_show_colours_every_entity_label_its_own_way() -> None:
    codes = set()
    for label in ENTITY_LABELS:
        line = render_article("مصر", [(0, 3, mark_key(Mark(0, 3, label)))], color=True)[0]
        codes.add(re.search(r"\x1b\[([0-9;]+)m", line)[1])
    assert len(codes) == len(ENTITY_LABELS) and all(code.startswith("1;9") for code in codes)


@pytest.mark.parametrize("depth", DEPTHS)
def test_a_claim_over_a_content_over_a_suggestion_shows_all_three(depth) -> None:
    claim = mark_style(("claim",), depth)
    content = mark_style(("content",), depth)
    both = mark_style(("suggested-content", "content", "claim"), depth)
    assert both.bgcolor == content.bgcolor != claim.bgcolor  # CONTENT's background
    assert both.underline and claim.underline and not content.underline  # CLAIM's bar
    assert both.italic  # the suggestion beneath still shows
    assert not mark_style(("source",), depth).underline  # underline means CLAIM alone


@pytest.mark.parametrize("depth", DEPTHS)
def test_every_category_stays_distinguishable(depth) -> None:
    keys = [style_key(label) for label in ENTITY_LABELS + ANNOTATION_LABELS]
    keys += [style_key(label, "suggested") for label in SUGGESTION_LABELS]
    looks = {key: mark_style((key,), depth) for key in keys}
    assert len(set(looks.values())) == len(keys)
    entity_colours = {looks[style_key(label)].color for label in ENTITY_LABELS}
    assert len(entity_colours) == len(ENTITY_LABELS)
    tag_backgrounds = {looks[style_key(label)].bgcolor for label in ANNOTATION_LABELS}
    assert len(tag_backgrounds) == len(ANNOTATION_LABELS)
    for label in SUGGESTION_LABELS:  # quieter than the analyst's own tag, and marked apart
        assert looks[style_key(label, "suggested")] != looks[style_key(label)]
        assert looks[style_key(label, "suggested")].italic


@pytest.mark.parametrize("depth", DEPTHS)
def test_selection_and_cursor_keep_the_tag_colour(depth) -> None:
    tag = mark_style(("content",), depth)
    selected = mark_style(("content", "selection"), depth)
    plain_selected = mark_style(("selection",), depth)
    assert selected.bgcolor not in (None, tag.bgcolor, plain_selected.bgcolor)
    other = mark_style(("source", "selection"), depth)
    assert other.bgcolor != selected.bgcolor  # two tags stay apart under the selection
    cursor = mark_style(("per", "content", "cursor"), depth)
    assert cursor.reverse and cursor.bgcolor == tag.bgcolor
    assert cursor.color == mark_style(("per",), depth).color


def _luminance(colour: Color) -> float:
    """WCAG relative luminance."""

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.get_truecolor()
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _contrast(one: Color, other: Color) -> float:
    """WCAG contrast ratio: 1 (the same) to 21 (black on white)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


#: The app's own letters and background where a mark sets none (Textual's dark theme; in 16
#: colours the nearest ANSI colours), and the least contrast of letters on any background.
DEFAULTS = {
    "truecolor": ("#e0e0e0", "#1e1e1e"),
    "256": ("#e0e0e0", "#1e1e1e"),
    "16": ("#ffffff", "#000000"),
}
LEAST_CONTRAST = {"truecolor": 3.0, "256": 3.0, "16": 2.0}


@pytest.mark.parametrize("depth", DEPTHS)
def test_letters_stay_legible_on_every_background(depth) -> None:
    """Every entity (and an alternate, and none) on every tag, suggestion, selection and tag
    under the selection, in every state: the letters never melt into their background (16
    colours have few light ones, hence a lower bound there)."""
    entities = [()] + [
        (style_key(label, state),) for label in ENTITY_LABELS for state in (None, "alternate")
    ]
    grounds = [(), ("content", "claim")] + [(style_key(label),) for label in ANNOTATION_LABELS]
    grounds += [(style_key(label, "suggested"),) for label in SUGGESTION_LABELS]
    states = [(), ("selection",), ("focused",), ("proposed",), ("linking",), ("hit",)]
    letters, ground = (Color.parse(value) for value in DEFAULTS[depth])
    worst = min(
        (
            _contrast(style.color or letters, style.bgcolor or ground),
            keys,
        )
        for parts in itertools.product(entities, grounds, states)
        for keys in [sum(parts, ())]
        for style in [mark_style(keys, depth)]
    )
    assert worst[0] >= LEAST_CONTRAST[depth], worst


def test_the_256_palette_has_no_saturated_suggestion() -> None:
    for label in SUGGESTION_LABELS:
        red, green, blue = mark_style(
            (style_key(label, "suggested"),), "256"
        ).bgcolor.get_truecolor()
        assert max(red, green, blue) <= 0x5F


def test_adjacent_entities_of_one_label_alternate() -> None:
    text = "بنغازي ودرنة وأجدابيا"
    marks = [Mark(0, 6, "LOC"), Mark(7, 12, "LOC"), Mark(13, 21, "LOC")]
    keys = [key for _s, _e, key in with_boundaries(text, marks)]
    assert keys == ["loc", "loc-alt", "loc"]
    for depth in DEPTHS:
        assert mark_style(("loc",), depth) != mark_style(("loc-alt",), depth)


class _Both(App):
    def compose(self) -> ComposeResult:
        yield Legend()
        yield ArticleView("مصر")


def test_the_legend_shows_each_label_as_the_reader_draws_it() -> None:
    asyncio.run(_compare())


async def _compare() -> None:
    app = _Both()
    async with app.run_test(size=(120, 10)):
        view, legend = app.query_one(ArticleView), app.query_one(Legend)
        text = legend.legend_text()
        for _heading, labels, state in LEGEND:
            for label in labels:
                key = style_key(label, state)
                start = text.plain.index(f" {label} ", text.plain.index(_heading))
                [span] = [s for s in text.spans if s.start == start]
                assert span.style == view.span_style((key,)), key


SYSTEMS = {
    "truecolor": ColorSystem.TRUECOLOR,
    "256": ColorSystem.EIGHT_BIT,
    "16": ColorSystem.STANDARD,
}


@pytest.mark.parametrize("depth", DEPTHS)
def test_the_legend_stands_on_the_article_background_and_every_tag_shows_on_it(
    build, drive, depth
) -> None:
    """In the terminal's own colours (16 colours merge near ones): the legend's background is
    the article's, and no tag's sample melts into it."""

    async def scenario(pilot, app) -> None:
        legend, view = app.screen.query_one(Legend), app.screen.view
        ground = legend.rich_style.bgcolor
        assert ground == view.rich_style.bgcolor
        system = SYSTEMS[depth]
        for label in ANNOTATION_LABELS:
            sample = mark_style((style_key(label),), depth).bgcolor
            assert sample.downgrade(system) != ground.downgrade(system), label

    drive(build(Config(colors=depth)), scenario, open_reader=True)
