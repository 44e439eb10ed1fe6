"""`ArabicInput`: Arabic joined and right to left as typed, Latin and digits in their order,
logical cursor, Backspace, Delete and selection."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

from textual.app import App, ComposeResult

from tui.layout import ArticleLayout
from tui.widgets.arabic_input import ArabicInput

WIDTH = 30


class Field(App[None]):
    def compose(self) -> ComposeResult:
        yield ArabicInput(id="field", compact=True)


def screen_text(app: App) -> str:
    """The field's cells as drawn."""
    strip = app.query_one(ArabicInput).render_line(0)
    return "".join(segment.text for segment in strip)


def shaped(text: str) -> str:
    layout = ArticleLayout(text)
    layout.wrap(200)
    return "".join(layout.line(0).texts)


def play(keys: list[str], check) -> None:
    async def run() -> None:
        app = Field()
        async with app.run_test(size=(WIDTH, 3)) as pilot:
            field = app.query_one(ArabicInput)
            field.cursor_blink = False
            await pilot.press(*keys)
            await pilot.pause()
            check(app, field)

    asyncio.run(run())


def test_typed_arabic_is_shaped_right_to_left_at_the_right_edge() -> None:
    def check(app, field) -> None:
        drawn = screen_text(app)
        assert field.value == "مصر"
        assert drawn.rstrip().endswith(shaped("مصر"))
        assert drawn.strip() == shaped("مصر")
        assert drawn.startswith(" " * (WIDTH - 5))  # right-aligned (caret cell on its left)
        assert "ﻣ" in drawn  # initial form of meem: joined, not the isolated letter

    play(list("مصر"), check)


def test_latin_and_digits_keep_their_order_inside_arabic() -> None:
    def check(app, field) -> None:
        assert field.value == "قمة G7 في 2024"
        drawn = screen_text(app)
        assert "G7" in drawn and "2024" in drawn
        assert drawn.index("2024") < drawn.index("G7")  # later words further left

    play(["ق", "م", "ة", "space", "G", "7", "space", "ف", "ي", "space", "2", "0", "2", "4"], check)


def test_backspace_delete_and_cursor_act_on_logical_characters() -> None:
    def check(app, field) -> None:
        assert field.value == "مر"
        assert field.cursor_position == 1

    play(["م", "ص", "ر", "left", "backspace"], check)

    def check_delete(app, field) -> None:
        assert field.value == "صر"

    play(["م", "ص", "ر", "home", "delete"], check_delete)


def test_cursor_cell_follows_the_logical_position() -> None:
    def check(app, field) -> None:
        # at the start of an RTL value the caret is on its rightmost (first) letter
        assert field.cursor_position == 0
        assert field.cursor_screen_offset.x == WIDTH - 1
        field.action_end()
        assert field.cursor_screen_offset.x == WIDTH - 4  # the caret cell left of the text

    play(["م", "ص", "ر", "home"], check)


def test_selection_covers_the_selected_logical_characters() -> None:
    def check(app, field) -> None:
        assert field.selected_text == "مص"
        field.delete_selection()
        assert field.value == "ر"

    play(["م", "ص", "ر", "home", "shift+right", "shift+right"], check)


def test_click_puts_the_cursor_on_the_letter_clicked() -> None:
    async def run() -> None:
        app = Field()
        async with app.run_test(size=(WIDTH, 3)) as pilot:
            field = app.query_one(ArabicInput)
            await pilot.press(*"مصر")
            await pilot.click(ArabicInput, offset=(WIDTH - 1, 0))  # rightmost letter: م
            assert field.cursor_position == 0
            await pilot.click(ArabicInput, offset=(WIDTH - 3, 0))  # leftmost letter: ر
            assert field.cursor_position == 2

    asyncio.run(run())


def test_every_field_the_app_types_into_is_an_arabic_input() -> None:
    """No screen builds Textual's Input or TextArea itself: what an analyst types (the list
    filter, the find bar, the note, and every field to come) goes through ArabicInput."""
    tui = Path(__file__).resolve().parents[2] / "tui"
    built = [
        f"{path.relative_to(tui)}:{node.lineno}"
        for path in tui.rglob("*.py")
        if path.name != "arabic_input.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("Input", "TextArea")
    ]
    assert built == []
    assert any("ArabicInput(" in path.read_text(encoding="utf-8") for path in tui.rglob("*.py"))
