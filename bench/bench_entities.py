"""Entity recogniser timings: model load, ms per 1,000-word article, memory, shipped file sizes.

Run by hand: `.venv/bin/python bench/bench_entities.py`. Articles are distinct 1,000-word slices of
the seeds and ANERcorp train (timing only), so the per-word caches meet mostly unseen text; the
same slice timed again and again is shown for comparison. Scores:
`python -m annotations.entities.training.evaluate`.
"""

from __future__ import annotations

import re
import resource
import statistics
import time
from collections.abc import Callable

from annotations.corpus import load_corpus

WORDS = 1000
REPEATS = 20


def slices() -> list[str]:
    """Consecutive 1,000-word texts: the seeds, then ANERcorp train sentences one per line."""
    from annotations.entities.training import conll  # here: main times the package import

    lines = [article.text for article in load_corpus()]
    lines += [" ".join(sentence.tokens) for sentence in conll.anercorp("train")]
    words = re.findall(r"\S+\s*", "\n".join(lines))
    return ["".join(words[i : i + WORDS]) for i in range(0, len(words) - WORDS + 1, WORDS)]


def timed(run: Callable[[str], object], texts: list[str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of `run` on each text."""
    wall, cpu = [], []
    for text in texts:
        tick, cpu_tick = time.perf_counter(), time.process_time()
        run(text)
        wall.append(1000 * (time.perf_counter() - tick))
        cpu.append(1000 * (time.process_time() - cpu_tick))
    return wall, cpu


def report(title: str, wall: list[float], cpu: list[float]) -> None:
    """Median and p95 of the wall clock, median CPU time."""
    p95 = statistics.quantiles(wall, n=20)[-1]
    print(
        f"{title}: median {statistics.median(wall):.1f} ms, p95 {p95:.1f} ms"
        f" (CPU median {statistics.median(cpu):.1f} ms; n = {len(wall)})"
    )


def main() -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    from annotations.entities import recognise
    from annotations.entities.trained_model import DATA_DIR, load_model

    imported = time.perf_counter()
    load_model()
    loaded = time.perf_counter()
    print(f"import {1000 * (imported - started):.0f} ms")
    print(f"model and word lists load {1000 * (loaded - imported):.0f} ms")

    texts = slices()
    recognise("تمهيد")  # first call outside the timing
    report(f"{WORDS:,}-word articles, each unseen", *timed(recognise, texts))
    recognise(texts[0])
    report(f"one {WORDS:,}-word article {REPEATS} times", *timed(recognise, texts[:1] * REPEATS))
    print("(other jobs on the machine slow the wall clock; CPU time is steadier)")
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"max RSS {rss_after / 1024:.0f} MB (before import {rss_before / 1024:.0f} MB)")
    for path in sorted(DATA_DIR.glob("*.*")):
        print(f"  {path.name}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
