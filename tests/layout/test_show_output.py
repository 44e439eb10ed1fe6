"""`rawi show` through the layout layer: visual lines when piped, colours only when asked."""

from __future__ import annotations

import re

from click.testing import CliRunner
from rich.cells import cell_len

from tui.cli import cli
from tui.layout import ArticleLayout

ARTICLE = "000_fddd474ca5b3a723"


def _show(*args: str) -> str:
    result = CliRunner().invoke(cli, ["show", ARTICLE, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_piped_visual_output_is_the_plain_layout(seeds) -> None:
    layout = ArticleLayout(seeds[ARTICLE].text)
    layout.wrap(60)
    expected = [layout.line(y).plain for y in range(layout.line_count)]
    output = _show("--width", "60")
    assert "\x1b" not in output
    assert output.splitlines() == expected
    assert all(cell_len(line) <= 60 for line in expected)


def test_color_is_written_only_when_asked_and_terminal_mode_stays_logical(seeds) -> None:
    plain = _show("--width", "60", "--no-color")
    assert "\x1b" not in plain
    colored = _show("--width", "60", "--color")
    assert "\x1b[" in colored and _strip_sgr(colored) == plain
    lines = _strip_sgr(_show("--bidi", "terminal", "--width", "60", "--color")).splitlines()
    assert "".join(lines) == seeds[ARTICLE].text.replace("\n", "")


def test_entities_are_coloured_on_their_words() -> None:
    terminal = _show("--bidi", "terminal", "--width", "200", "--color")
    coloured = re.findall(r"\x1b\[[0-9;]+m([^\x1b]+)\x1b\[0m", terminal)
    assert "ماكرون" in coloured and "عبد الفتاح السيسي" in coloured


def test_hide_harakat_leaves_out_vowel_marks() -> None:
    shown = _show("--bidi", "terminal", "--width", "200", "--color", "--hide-harakat")
    assert "اتصالا" in _strip_sgr(shown) and "\u064b" not in shown


def _strip_sgr(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)
