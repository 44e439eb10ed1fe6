"""Our levels and reordering against the Unicode conformance file BidiCharacterTest.txt.

Every line is checked: explicit LTR and RTL paragraphs, and auto-direction ones (field 1 = 2)
through rules P2-P3 (`base_level`), which the layout itself does not use (a paragraph with Arabic
in it is RTL by decision).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.layout.bidi_levels import REMOVED, base_level, bidi_class, paragraph_levels
from tui.layout.bidi_reorder import line_levels, visual_order

TEST_FILE = Path("/usr/share/unicode/BidiCharacterTest.txt")

pytestmark = pytest.mark.skipif(
    not TEST_FILE.exists(), reason=f"{TEST_FILE} absent: apt-get install unicode-data"
)


def _cases() -> list[tuple[str, int, list[str], list[int]]]:
    cases = []
    for line in TEST_FILE.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        codes, direction, _level, levels, order = line.split(";")
        text = "".join(chr(int(code, 16)) for code in codes.split())
        paragraph_level = base_level(text) if direction == "2" else int(direction)
        cases.append((text, paragraph_level, levels.split(), [int(i) for i in order.split()]))
    return cases


def _resolve(text: str, paragraph_level: int) -> tuple[list[str], list[int]]:
    classes = [bidi_class(c) for c in text]
    levels = line_levels(classes, paragraph_levels(text, paragraph_level), paragraph_level)
    kept = [i for i, kind in enumerate(classes) if kind not in REMOVED]
    shown = [str(levels[i]) if classes[i] not in REMOVED else "x" for i in range(len(text))]
    return shown, [kept[n] for n in visual_order([levels[i] for i in kept])]


def test_every_line_matches() -> None:
    cases = _cases()
    failures = []
    for text, direction, levels, order in cases:
        got_levels, got_order = _resolve(text, direction)
        if got_levels != levels or got_order != order:
            failures.append((text, direction, levels, got_levels, order, got_order))
    assert len(cases) > 90_000
    assert not failures, f"{len(failures)} of {len(cases)} lines differ, first: {failures[:3]}"
