"""Entity recogniser timings: model load, ms per 1,000-word article, memory, shipped file sizes.

Run by hand: `.venv/bin/python bench/bench_entities.py`. Articles are distinct 1,000-word slices of
the seeds and ANERcorp train (timing only), so the per-word caches meet mostly unseen text; the
same slice timed again and again is shown for comparison. Scores:
`python -m annotations.entities.training.evaluate`.

`--against DIR` compares this checkout with another one (a worktree of main, say): one process
per checkout, each text given to both one after the other (which goes first alternates), the CPU
time of each and their ratio; the entities of both must be the same on every slice and on the
unseen-news dev articles, and any difference is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from annotations.corpus import load_corpus

HERE = Path(__file__).resolve().parents[1]
DEV_ARTICLES = HERE / "tests" / "data" / "unseen_news" / "articles.jsonl"

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


def serve() -> None:
    """Worker for `--against`: a JSON text per line in; its entities and CPU ms out."""
    from annotations.entities import recognise
    from annotations.entities.trained_model import load_model

    started = time.perf_counter()
    load_model()
    recognise("تمهيد")
    print(json.dumps({"load_ms": 1000 * (time.perf_counter() - started)}), flush=True)
    for line in sys.stdin:
        text = json.loads(line)
        tick = time.process_time()
        found = recognise(text)
        cpu = 1000 * (time.process_time() - tick)
        entities = [asdict(entity) for entity in found]
        print(json.dumps({"cpu": cpu, "entities": entities}, ensure_ascii=False), flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss_mb": rss}), flush=True)


class Worker:
    """A `serve` process running the code of checkout `root`."""

    def __init__(self, root: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(root), "OPENBLAS_NUM_THREADS": "1"}
        self.root = root
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.load_ms = self._read()["load_ms"]

    def _read(self) -> dict:
        assert self.process.stdout is not None
        return json.loads(self.process.stdout.readline())

    def run(self, text: str) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> float:
        """Ends the worker; its max RSS in MB."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        rss = self._read()["rss_mb"]
        self.process.wait()
        return rss


def against(other: Path) -> None:
    """This checkout and `other`, each text to both; timings of the slices, output compared."""
    texts = slices()
    dev = [article.text for article in load_corpus([DEV_ARTICLES])]
    this, that = Worker(HERE), Worker(other)
    cpu: dict[Path, list[float]] = {HERE: [], other: []}
    differ = 0
    for n, text in enumerate(texts + dev):
        pair = (this, that) if n % 2 == 0 else (that, this)
        results = {worker.root: worker.run(text) for worker in pair}
        if results[HERE]["entities"] != results[other]["entities"]:
            differ += 1
            print(f"text {n}: entities differ")
        if n < len(texts):
            for root, result in results.items():
                cpu[root].append(result["cpu"])
    ratios = [a / b for a, b in zip(cpu[HERE], cpu[other], strict=True)]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(texts)} slices of {WORDS:,} words, {len(dev)} dev articles; load average {load}")
    for worker in (this, that):
        rss = worker.close()
        print(
            f"{worker.root}: CPU median {statistics.median(cpu[worker.root]):.1f} ms,"
            f" load {worker.load_ms:.0f} ms, max RSS {rss:.0f} MB"
        )
    medians = statistics.median(cpu[HERE]) / statistics.median(cpu[other])
    print(
        f"ratio this / other: of the medians {medians:.3f},"
        f" median of per-text ratios {statistics.median(ratios):.3f}"
    )
    print(f"texts whose entities differ: {differ} of {len(texts) + len(dev)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
    elif args.against:
        against(args.against.resolve())
    else:
        alone()


def alone() -> None:
    """Timings of this checkout alone."""
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
