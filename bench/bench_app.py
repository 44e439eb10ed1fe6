"""App benchmark: keystroke-to-repaint on a 20,000-word article; time to first frame.

Run by hand: `.venv/bin/python bench/bench_app.py [--quick]`. Prints numbers, asserts nothing.

- keystroke: the reader's work for one key (session + redraw + rendering every visible line;
  wall time, and this process's CPU time, which the machine's other jobs do not inflate),
  and the same key through Textual's event loop with Pilot (press until the app is idle), on
  the 20,000-word article, then on it again with 100,000 annotations in the database and, for
  comparison in the same run, on seed 000 (422 words): the ratios say what the database's
  size and the article's length cost, whatever the machine's load.
- first frame: a fresh Python process per case, from interpreter start to the first frame of the
  article list (`Ready`), for the 5 seeds, a 10,000-article synthetic corpus already in memory,
  the same corpus loaded from a JSONL file by the app's loader, the 5 seeds with a database of
  100,000 annotations (`bench_store.py`'s), and a bare Textual hello world; then when every
  article is listed and the database open (the list's counts shown).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (120, 36)
#: The keys measured, each a cycle of keys that always moves (so always repaints): a word on,
#: a line down then up (no scrolling), a page down then up (the screen scrolls), a tag.
KEYS = {
    "w (next word)": ["w"],
    "down/up (line)": ["down"] * 10 + ["up"] * 10,
    "pagedown/pageup (scroll)": ["pagedown", "pageup"],
    "s (tag SOURCE, durable save)": ["s"],
}
STARTED = time.perf_counter()
#: Annotations in the database of the "annotated" first-frame case.
ANNOTATED = 100_000


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):6.2f} ms  p95 {p95:6.2f} ms  (n={len(ordered)})"


def big_article(words: int = 20_000):
    """Seed paragraphs repeated until the article has `words` words."""
    from annotations.corpus import Article, load_corpus

    paragraphs = [p for a in load_corpus() for p in a.text.split("\n") if p.strip()]
    text, count, n = [], 0, 0
    while count < words:
        paragraph = paragraphs[n % len(paragraphs)]
        text.append(paragraph)
        count += len(paragraph.split())
        n += 1
    return Article(id="big", text="\n\n".join(text), title="مقال طويل")


async def keystrokes(presses: int, article, annotations: int = 0) -> dict[str, float]:
    """Median milliseconds from a key to the repaint, by key, on `article`, with a database of
    `annotations` annotations (`bench_store.py`'s) open."""
    from bench_store import make_database
    from textual import events

    from annotations.corpus import Corpus
    from tui.app import RawiApp

    tmp = Path(tempfile.mkdtemp())
    if annotations:
        make_database(tmp / "db.json", annotations)
    app = RawiApp(Corpus([article]), tmp / "db.json", "bench", config_path=tmp / "c.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        view = screen.view
        print(
            f"article: {article.words:,} words, {len(screen.session.entities):,} entities, "
            f"{view.line_count:,} screen lines"
        )
        height = view.scrollable_content_region.height
        actions = {
            "w": lambda: screen.action_move(1),
            "down": lambda: screen.action_line(1),
            "up": lambda: screen.action_line(-1),
            "pagedown": lambda: screen.action_page(1),
            "pageup": lambda: screen.action_page(-1),
            "s": lambda: screen.action_tag("SOURCE"),
        }
        for label, keys in KEYS.items():
            samples, cpu = [], []
            for n in range(presses):
                start, start_cpu = time.perf_counter(), time.process_time()
                actions[keys[n % len(keys)]]()
                for y in range(height):
                    view.render_line(y)
                samples.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            print(f"  work per key  {label:<30} {percentiles(samples)}")
            print(f"    (CPU time of this process: median {statistics.median(cpu):.2f} ms)")
        painted: list[float] = []
        repaint = screen._compositor_refresh

        def timed_repaint() -> None:
            repaint()
            painted.append(time.perf_counter())

        screen._compositor_refresh = timed_repaint
        medians = {}
        for label, keys in KEYS.items():
            samples = []
            for n in range(presses):
                key = keys[n % len(keys)]
                await pilot.pause()
                start = time.perf_counter()
                app.post_message(events.Key(key, key if len(key) == 1 else None))
                while not painted or painted[-1] < start:
                    await asyncio.sleep(0.0002)
                samples.append((painted[-1] - start) * 1000)
            print(f"  key to repaint {label:<29} {percentiles(samples)}")
            medians[label] = statistics.median(samples)
        return medians


CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
case, tmp = sys.argv[1], Path(sys.argv[2])
if case == "hello":
    from textual.app import App
    from textual.widgets import Static
    class Hello(App):
        def compose(self):
            yield Static("Hello, world")
        def on_ready(self):
            print(time.perf_counter() - START); self.exit()
    Hello().run(headless=True, size=(120, 36))
    raise SystemExit
from annotations.corpus import Article, Corpus, load_corpus
from tui.app import RawiApp
if case in ("seeds", "annotated"):
    corpus = load_corpus()
elif case == "synthetic":
    seeds = list(load_corpus())
    corpus = Corpus([Article(id=f"a{{n:05}}", text=seeds[n % 5].text, title=seeds[n % 5].title,
                             outlet=seeds[n % 5].outlet) for n in range(10_000)])
elif case == "jsonl":
    corpus = load_corpus([tmp / "corpus"])
else:
    from annotations.corpus import iter_articles
    corpus = iter_articles([tmp / "corpus"])
EXPECTED = 5 if case in ("seeds", "annotated") else 10_000
DB = tmp / ("annotated.json" if case == "annotated" else "db.json")
class Timed(RawiApp):
    def on_ready(self):
        self.first = time.perf_counter() - START
        self.set_interval(0.005, self.check)
    def check(self):
        if len(self.corpus.ids()) >= EXPECTED and self.store is not None:
            listed = time.perf_counter() - START
            print(self.first, type(self.screen).__name__, EXPECTED, listed)
            self.exit()
app = Timed(corpus, DB, "bench", config_path=tmp / "c.toml")
app.run(headless=True, size=(120, 36))
"""


def first_frames(runs: int) -> None:
    from bench_store import make_database

    from annotations.corpus import load_corpus

    tmp = Path(tempfile.mkdtemp())
    make_database(tmp / "annotated.json", ANNOTATED)
    seeds = list(load_corpus())
    (tmp / "corpus").mkdir()
    for part in range(10):
        with (tmp / "corpus" / f"part{part}.jsonl").open("w", encoding="utf-8") as out:
            for n in range(part * 1000, part * 1000 + 1000):
                seed = seeds[n % 5]
                record = {
                    "id": f"a{n:05}",
                    "text": seed.text,
                    "title": seed.title,
                    "outlet": seed.outlet,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    script = "import time; START = time.perf_counter()\n" + CHILD.format(root=str(ROOT))
    cases = {
        "hello": "bare Textual hello world",
        "seeds": "rawi, 5 seeds",
        "annotated": f"rawi, 5 seeds, {ANNOTATED:,} annotations",
        "synthetic": "rawi, 10,000 articles in memory",
        "jsonl": "rawi, 10,000 articles loaded from JSONL",
        "streamed": "rawi, 10,000 JSONL articles streamed in",
    }
    results = {}
    for case, label in cases.items():
        samples, listed = [], []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", script, case, str(tmp)],
                capture_output=True,
                text=True,
                cwd=tmp,
            )
            if out.returncode:
                raise SystemExit(f"{case} failed:\n{out.stderr[-3000:]}")
            out = out.stdout.split()
            samples.append(float(out[0]) * 1000)
            listed.append(float(out[3]) * 1000 if len(out) > 3 else 0)
        results[case] = statistics.median(samples)
        shown = ""
        if len(out) > 3:
            shown = (
                f"all {int(out[2]):,} listed, database open at {statistics.median(listed):.0f} ms"
            )
        print(f"  {label:<40} median {results[case]:7.1f} ms  (n={runs})  {shown}")
    print(
        f"  10,000 in memory / 5 seeds: {results['synthetic'] / results['seeds']:.2f}x; "
        f"{ANNOTATED:,} annotations / none: {results['annotated'] / results['seeds']:.2f}x; "
        f"seeds / hello world: {results['seeds'] / results['hello']:.2f}x"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    from annotations.corpus import load_corpus

    presses = 20 if quick else 100
    print("Keystroke to repaint, 20,000-word article, 120x36 terminal")
    big = asyncio.run(keystrokes(presses, big_article()))
    print(f"The same article with {ANNOTATED:,} annotations in the database")
    loaded = asyncio.run(keystrokes(presses, big_article(), ANNOTATED))
    print(f"  {ANNOTATED:,} annotations / none, key to repaint:")
    for label in big:
        print(f"    {label:<30} {loaded[label] / big[label]:.2f}x")
    print("The same keys on seed 000 (422 words), for comparison")
    small = asyncio.run(keystrokes(presses, next(iter(load_corpus()))))
    print("  20,000 words / 422 words, key to repaint:")
    for label in big:
        print(f"    {label:<30} {big[label] / small[label]:.2f}x")
    print("Time to first frame (fresh process: interpreter start to first frame)")
    first_frames(1 if quick else 3)


if __name__ == "__main__":
    main()
