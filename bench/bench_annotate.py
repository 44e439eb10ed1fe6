"""Batch benchmark: `rawi annotate` on ANT v2.1 with each scheduler, against `sync`.

Run by hand: `.venv/bin/python bench/bench_annotate.py [--articles N] [--workers 2] [--runs 1]`.
Prints numbers and the issue's targets beside them, asserts nothing. Needs `rawi[cluster]`.

- Data: `ant-v2.1.jsonl.gz` in `$RAWI_CORPORA_DIR`, else `../shared/corpora` beside the checkout;
  `--articles N` takes every k-th article (all outlets, all months) instead of the whole archive.
- Work folder: `$RAWI_BENCH_DIR` (else a temporary folder): the sample, its index (`RAWI_CACHE` is
  pointed there, the index is built before any timing) and one results folder per run.
- Each run is a whole `rawi annotate` process from an empty results folder; the schedulers take
  turns (sync, processes, dask, sync, ...) so that the ratios to sync hold while the shared
  machine's speed drifts; the load averages are printed beside each run. Peak memory is the
  largest max RSS of the process and its children (the workers of `processes` and of the local
  Dask cluster are its children): the memory of one worker.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAWI = str(Path(sys.executable).with_name("rawi"))
ANT = "ant-v2.1.jsonl.gz"
SCHEDULERS = ("sync", "processes", "dask")
TARGET_CORES, TARGET_ARTICLES = 64, 10_000_000


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


def write_sample(source: Path, target: Path, articles: int | None) -> tuple[int, int]:
    """Every k-th line of `source` into `target` (all of them when `articles` is None):
    (articles, words)."""
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        every = list(lines)
    step = 1 if articles is None else max(1, len(every) // articles)
    chosen = every[::step][:articles]
    target.write_text("".join(chosen), encoding="utf-8")
    words = sum(len(json.loads(line).get("text", "").split()) for line in chosen)
    return len(chosen), words


def annotate(
    corpus: Path, out_dir: Path, scheduler: str, workers: int
) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run, CPU and memory counting the
    process and its children (the workers)."""
    shutil.rmtree(out_dir, ignore_errors=True)
    command = [RAWI, "annotate", "--corpus", str(corpus), "-o", str(out_dir)]
    command += ["--scheduler", scheduler, "--workers", str(workers)]
    script = (
        "import resource, subprocess, sys\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *command], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    cpu, peak = done.stdout.split()
    return wall, float(cpu), int(peak) / 1024


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), as `uptime` prints them."""
    return "load " + ", ".join(f"{average:.2f}" for average in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="a sample of N articles (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help="turns of every scheduler")
    args = parser.parse_args()
    source = corpora_dir() / ANT
    if not source.exists():
        raise SystemExit(f"{source} is missing: set RAWI_CORPORA_DIR")
    work = Path(os.environ.get("RAWI_BENCH_DIR") or tempfile.mkdtemp(prefix="rawi-annotate-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["RAWI_CACHE"] = str(work / "cache")
    corpus = work / "sample.jsonl"
    articles, words = write_sample(source, corpus, args.articles)
    subprocess.run([RAWI, "index", "--corpus", str(corpus)], check=True, capture_output=True)
    print(
        f"{articles:,} articles, {words:,} words of {ANT}; "
        f"{args.workers} workers; {os.cpu_count()} cores; {load()}"
    )
    walls: dict[str, list[float]] = {name: [] for name in SCHEDULERS}
    cpus: dict[str, list[float]] = {name: [] for name in SCHEDULERS}
    peaks: dict[str, list[float]] = {name: [] for name in SCHEDULERS}
    for _ in range(args.runs):
        for name in SCHEDULERS:
            wall, cpu, peak = annotate(corpus, work / f"out-{name}", name, args.workers)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name].append(peak)
            rate = articles / wall
            print(
                f"  {name:9} {wall:7.1f} s  {rate:6.1f} articles/s  "
                f"CPU {cpu:6.1f} s  {peak:5.0f} MB  {load()}"
            )
    sync = statistics.median(walls["sync"])
    sync_cpu = statistics.median(cpus["sync"])
    print(
        "\nscheduler  median s  articles/s  x sync  CPU s  CPU x sync  CPU ms/article  "
        "peak MB (a process)"
    )
    for name in SCHEDULERS:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:10} {wall:8.1f} {articles / wall:11.1f} {wall / sync:7.2f} {cpu:6.1f} "
            f"{cpu / sync_cpu:11.2f} {1000 * cpu / articles:14.1f} {max(peaks[name]):8.0f}"
        )
    print(f"target: processes with {args.workers} workers <= 0.6x sync")
    per_core = articles / statistics.median(cpus["sync"])
    hours = TARGET_ARTICLES / (per_core * TARGET_CORES) / 3600
    projection = f"{TARGET_ARTICLES:,} articles on {TARGET_CORES} cores in {hours:.1f} h"
    print(
        f"projection: {per_core:.1f} articles per CPU second (sync) -> {projection} "
        "(perfect scaling; reading and writing on shared storage not counted)"
    )
    identical = len(
        {
            tuple(sorted(p.read_bytes() for p in (work / f"out-{name}").glob("part-*")))
            for name in SCHEDULERS
        }
    )
    print(f"partition files identical across schedulers: {identical == 1}")


if __name__ == "__main__":
    main()
