"""Hand-checked layouts: shaping, ligatures, direction, mirroring, wrapping and the two modes."""

from __future__ import annotations

from tui.layout import ArticleLayout, render_article


def _lines(text: str, width: int, mode: str = "visual", hide_harakat: bool = False) -> list[str]:
    layout = ArticleLayout(text, mode, hide_harakat)
    layout.wrap(width)
    return [layout.line(y).plain for y in range(layout.line_count)]


def test_repeated_letters_map_right_to_left() -> None:
    layout = ArticleLayout("ليبيا")
    layout.wrap(10)
    assert [layout.locate(i) for i in range(5)] == [(0, 9 - i, 1) for i in range(5)]
    assert _lines("ليبيا", 10) == ["     ﺎﻴﺒﻴﻟ"]


def test_lam_alef_is_one_cell_for_both_letters() -> None:
    layout = ArticleLayout("السلام")
    layout.wrap(6)
    assert layout.line(0).plain == " ﻡﻼﺴﻟﺍ"
    assert layout.locate(3)[1:] == layout.locate(4)[1:] == (2, 1)
    assert layout.index_at(0, 2) == 3


def test_a_lam_with_a_haraka_still_joins_its_alef_and_keeps_the_mark() -> None:
    layout = ArticleLayout("لَا")
    layout.wrap(3)
    assert layout.line(0).plain == "  \ufefb\u064e"  # the ligature, then the lam's fatha
    assert layout.locate(0)[1:] == layout.locate(1)[1:] == layout.locate(2)[1:] == (2, 1)


def test_paragraph_starting_with_latin_is_still_right_to_left() -> None:
    assert _lines("G7 قمة (مجموعة السبع) عام 2019", 40) == [
        "          2019 ﻡﺎﻋ (ﻊﺒﺴﻟﺍ ﺔﻋﻮﻤﺠﻣ) ﺔﻤﻗ G7"
    ]


def test_wraps_in_logical_order_first_words_on_first_line() -> None:
    assert _lines("واحد اثنان ثلاثة", 11) == [" ﻥﺎﻨﺛﺍ ﺪﺣﺍﻭ", "       ﺔﺛﻼﺛ"]


def test_nbsp_is_not_a_break_and_long_words_are_cut() -> None:
    assert _lines("ab\u00a0cd ef", 5) == ["ab\u00a0cd", "   ef"]
    assert _lines("abcdefgh", 3) == ["abc", "def", " gh"]


def test_harakat_stay_in_their_letter_cell_or_hide() -> None:
    layout = ArticleLayout("كَتَبَ")
    layout.wrap(3)
    assert [layout.locate(i) for i in range(6)] == [(0, 2, 1)] * 2 + [(0, 1, 1)] * 2 + [
        (0, 0, 1)
    ] * 2
    assert _lines("كَتَبَ", 3, hide_harakat=True) == ["ﺐﺘﻛ"]


def test_terminal_mode_is_logical_passthrough() -> None:
    text = "مصر تساند G7\n\nليبيا"
    assert _lines(text, 80, "terminal") == ["مصر تساند G7", "", "ليبيا"]
    assert "\n".join(render_article(text, width=80, mode="terminal")) == text


def test_spans_are_coloured_and_controls_never_written() -> None:
    lines = render_article("مصر \x1b[31m ليبيا", [(0, 3, "misc")], width=20, color=True)
    assert "\x1b[31m" not in "".join(lines)
    assert "\x1b[1;93mﺮﺼﻣ\x1b[0m" in lines[0]
