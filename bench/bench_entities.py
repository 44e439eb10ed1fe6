"""Entity recogniser timings: model load, ms per 1,000-word article, memory, shipped file sizes.

Run by hand: `.venv/bin/python bench/bench_entities.py`.
Scores: `python -m annotations.entities.evaluate`.
"""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

from annotations.corpus import load_corpus


def main() -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    from annotations.entities import recognise
    from annotations.entities.model import DATA_DIR, load_model

    imported = time.perf_counter()
    load_model()
    loaded = time.perf_counter()
    print(f"import {1000 * (imported - started):.0f} ms")
    print(f"model and word lists load {1000 * (loaded - imported):.0f} ms")

    words = " ".join(article.text for article in load_corpus()).split(" ")
    text = " ".join(words[:1000])
    recognise(text)
    runs, cpu = [], []
    for _ in range(20):
        tick, cpu_tick = time.perf_counter(), time.process_time()
        recognise(text)
        runs.append(1000 * (time.perf_counter() - tick))
        cpu.append(1000 * (time.process_time() - cpu_tick))
    print(
        f"1,000-word article: median {statistics.median(runs):.1f} ms, best {min(runs):.1f} ms"
        f" (CPU time median {statistics.median(cpu):.1f} ms; other jobs on the machine slow"
        " the wall clock)"
    )
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"max RSS {rss_after / 1024:.0f} MB (before import {rss_before / 1024:.0f} MB)")
    for path in sorted(Path(DATA_DIR).glob("*.*")):
        print(f"  {path.name}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
