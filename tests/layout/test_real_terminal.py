"""`rawi show` in a real terminal (tmux), read back cell by cell with pyte.

Seed 000 is printed at width 100 in a 100x30 tmux pane, once through `rawi show --color` and once
with a few highlighted words (entities are not wired into `show` yet, so the test passes its own
spans to the same renderer). Every highlighted word must sit on exactly the cells the layout gives
it, read right to left into its logical text, with no colour on any other cell.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pyte
import pytest

from annotations.arabic import tokenize
from annotations.corpus import load_corpus
from tui.layout import ArticleLayout

ROOT = Path(__file__).resolve().parents[2]
RAWI = Path(sys.executable).parent / "rawi"
WIDTH = 100
DONE = "__done__"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _seed_000() -> tuple[str, str]:
    article = next(a for a in load_corpus() if a.id.startswith("000_"))
    return article.id, article.text


def _in_tmux(command: list[str], ready: str = DONE) -> pyte.Screen:
    """Run `command` in a 100x30 tmux server; once `ready` shows, its output on a pyte screen."""
    socket = f"rawi-test-{os.getpid()}"
    # COLUMNS/LINES (which the pane inherits under pytest) would override the pane's real size.
    shell = "env -u COLUMNS -u LINES " + " ".join(_quote(part) for part in command)
    shell += f"; echo {DONE}; sleep 60"
    tmux = ["tmux", "-L", socket]
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "100", "-y", "30", shell], check=True, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            plain = _capture(tmux, colours=False)
            if ready in plain or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert ready in plain, plain
        time.sleep(0.5)
        captured = _capture(tmux, colours=True)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    rows = captured.rstrip("\n").split("\n")
    screen = pyte.Screen(WIDTH, len(rows))
    pyte.Stream(screen).feed("\r\n".join(rows))
    return screen


def _capture(tmux: list[str], colours: bool) -> str:
    flags = ["-p", "-S", "-", "-E", "-"] + (["-e"] if colours else [])
    return subprocess.run(
        [*tmux, "capture-pane", *flags], check=True, capture_output=True, text=True
    ).stdout


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def _expected(text: str) -> ArticleLayout:
    layout = ArticleLayout(text)
    layout.wrap(WIDTH)
    return layout


def _test_spans(text: str) -> list[tuple[int, int]]:
    """Four single words and one two-word name of seed 000."""
    tokens = tokenize(text)
    spans = [
        next((t.start, t.end) for t in tokens if t.text == word)
        for word in ("السيسي", "الليبي", "ليبيا", "مصر")
    ]
    name = text.index("إيمانويل ماكرون")
    return [*spans, (name, name + len("إيمانويل ماكرون"))]


def _assert_highlights(
    screen: pyte.Screen, layout: ArticleLayout, text: str, spans: list[tuple[int, int]], rows: int
) -> None:
    """Each span reads back right to left on its cells; exactly those cells are bold."""
    highlighted = set()
    for start, end in spans:
        assert layout.span_cells(start, end)
        read_back = ""
        for y, x0, x1 in layout.span_cells(start, end):
            highlighted.update((y, x) for x in range(x0, x1))
            read_back += "".join(screen.buffer[y][x].data for x in range(x1 - 1, x0 - 1, -1))
        assert _nfkc(read_back) == _nfkc(text[start:end])
    for y in range(rows):
        assert screen.display[y].rstrip() == layout.line(y).plain.rstrip(), y
        for x in range(WIDTH):
            assert screen.buffer[y][x].bold == ((y, x) in highlighted), (y, x, screen.buffer[y][x])


@pytest.mark.skipif(not RAWI.exists(), reason="the rawi console script is not installed")
def test_rawi_show_prints_the_layout_rows() -> None:
    article_id, text = _seed_000()
    screen = _in_tmux([str(RAWI), "show", article_id, "--color", "--width", str(WIDTH)])
    layout = _expected(text)
    for y in range(layout.line_count):
        assert screen.display[y].rstrip() == layout.line(y).plain.rstrip(), y
    assert screen.display[layout.line_count].startswith(DONE)


def test_highlighted_words_sit_on_their_cells_without_spill(tmp_path: Path) -> None:
    _article_id, text = _seed_000()
    spans = _test_spans(text)
    script = (
        "import json, sys; from tui.layout.terminal_output import terminal_text;"
        "text, spans = json.load(sys.stdin); spans = [(s, e, 'misc') for s, e in spans];"
        f"print(terminal_text(text, spans, {WIDTH}, 'visual', True, True))"
    )
    payload = tmp_path / "spans.json"
    payload.write_text(json.dumps([text, spans], ensure_ascii=False), encoding="utf-8")
    python = f"{_quote(sys.executable)} -c {_quote(script)} < {_quote(str(payload))}"
    screen = _in_tmux(["sh", "-c", python])
    layout = _expected(text)
    _assert_highlights(screen, layout, text, spans, layout.line_count)
    for y in range(layout.line_count):
        assert all(
            screen.buffer[y][x].bold == (screen.buffer[y][x].fg != "default") for x in range(WIDTH)
        )


def test_article_view_widget_draws_highlights_on_their_cells(tmp_path: Path) -> None:
    _article_id, text = _seed_000()
    spans = _test_spans(text)
    payload = tmp_path / "view.json"
    payload.write_text(
        json.dumps([text, [(s, e, "misc") for s, e in spans]], ensure_ascii=False),
        encoding="utf-8",
    )
    app = Path(__file__).with_name("article_view_app.py")
    layout = _expected(text)
    first_word = layout.line(0).plain.split()[-1]
    screen = _in_tmux([sys.executable, str(app), str(payload)], ready=first_word)
    rows = screen.lines  # the pane's rows below tmux's status line
    assert rows >= 20
    visible = [span for span in spans if layout.line_of(span[1] - 1) < rows]
    assert len(visible) >= 3
    _assert_highlights(screen, layout, text, visible, rows)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
