"""Layout of a 5,000-word article: full and re-wrap-only, beside python-bidi on the same lines.

Run by hand: `.venv/bin/python bench/bench_layout.py`. Targets: full <= 50 ms, re-wrap <= 10 ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import bidi
from arabic_reshaper import ArabicReshaper
from bidi import algorithm as pure_bidi

from annotations.corpus import load_corpus
from tui.layout import ArticleLayout

WORDS = 5_000
WIDTH, NEW_WIDTH, SCREEN = 100, 80, 30


def article(words: int = WORDS) -> str:
    """The seeds' paragraphs repeated until the text holds `words` words."""
    paragraphs = [p for a in load_corpus() for p in a.text.split("\n") if p]
    out, count, n = [], 0, 0
    while count < words:
        out.append(paragraphs[n % len(paragraphs)])
        count += len(out[-1].split())
        n += 1
    return "\n".join(out)


def timings_ms(work: Callable[[], object], repeat: int = 9) -> tuple[float, float]:
    """The best and the median of `repeat` timings of `work`, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    text = article()
    layout = ArticleLayout(text)
    layout.wrap(WIDTH)
    lines = [text[layout.line(y).start : layout.line(y).end] for y in range(layout.line_count)]
    print(f"article: {len(text.split())} words, {len(text)} code points, {layout.line_count} lines")

    def full() -> None:
        fresh = ArticleLayout(text)
        fresh.wrap(WIDTH)
        for y in range(fresh.line_count):
            fresh.line(y)

    def rewrap(width: int, placed: int) -> Callable[[], None]:
        def work() -> None:
            layout.wrap(width)
            for y in range(min(placed, layout.line_count)):
                layout.line(y)
            layout.wrap(WIDTH)

        return work

    reshaper = ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})
    rows = [
        ("rawi full layout (prepare + wrap + place every line)", full),
        ("rawi full layout, lines placed lazily (one screen)", lambda: _lazy(text)),
        ("rawi re-wrap only, one screen placed", rewrap(NEW_WIDTH, SCREEN)),
        ("rawi re-wrap, every line placed", rewrap(NEW_WIDTH, 10**9)),
        ("python-bidi get_display (Rust) per line", lambda: [bidi.get_display(s) for s in lines]),
        (
            "python-bidi pure-Python get_display per line",
            lambda: [pure_bidi.get_display(s) for s in lines],
        ),
        (
            "arabic-reshaper reshape + Rust get_display",
            lambda: [bidi.get_display(reshaper.reshape(s)) for s in lines],
        ),
    ]
    print(f"{'':<55} {'best':>8}    {'median':>8}")
    for name, work in rows:
        best, median = timings_ms(work)
        print(f"{name:<55} {best:8.2f} ms {median:8.2f} ms")


def _lazy(text: str) -> None:
    fresh = ArticleLayout(text)
    fresh.wrap(WIDTH)
    for y in range(SCREEN):
        fresh.line(y)


if __name__ == "__main__":
    main()
