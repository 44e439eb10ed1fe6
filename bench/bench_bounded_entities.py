"""Bounded entity recognition: `rawi entities` on one huge single-paragraph article.

Run by hand: `.venv/bin/python bench/bench_bounded_entities.py [--sizes 0.5,1,2,3] [--rawi PATH]`.
Prints numbers and the issue's targets beside them (<= 60 s and <= 1 GB for 3 MB, linear in
size), asserts nothing.

- Data: the texts of ANT v2.1 (`ant-v2.1.jsonl.gz` in `$RAWI_CORPORA_DIR`, else
  `../shared/corpora` beside the checkout) joined into one paragraph (newlines as spaces) until the
  article has the size asked (MB of UTF-8 text); the seeds repeated when ANT is missing. Two
  shapes: `paragraph` (punctuation kept: sentences end at . ! ?) and `no punctuation` (every
  character that is not a letter, digit or space removed: one sentence of the whole article).
- Each run is a whole `rawi --corpus FILE entities ID` process (output thrown away), after
  `rawi --corpus FILE list` has indexed the file; its wall time and max RSS (the child's) are
  printed, and the ratio of time per MB to that of the smallest size (1.0 when linear). `--vs
  PATH` times another installation's `rawi` (e.g. an older checkout's) on the same articles, the
  two in turn, with the ratio of their times.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = "ant-v2.1.jsonl.gz"
MB = 1_000_000
RAWI = str(Path(sys.executable).with_name("rawi"))
TARGET_SECONDS = 60
TARGET_MB = 1024
#: What makes the corpus cleaner drop a line as a news ticker or a footer (see
#: annotations/corpus/cleaning.py): fine in an article, fatal in a one-line one.
LATIN = re.compile("[A-Za-z]")
BOILERPLATE = re.compile(
    r"©|جميع الحقوق محفوظة|لا مانع من ال[إا]قتباس|تعبر عن رأي أصحابها|لن يتم نشر عنوان بريدك"
)


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


def source_texts() -> Iterator[str]:
    """Article texts, endlessly: ANT v2.1 when present, else the seeds."""
    ant = corpora_dir() / ANT
    while True:
        if ant.exists():
            with gzip.open(ant, "rt", encoding="utf-8") as lines:
                for line in lines:
                    yield json.loads(line)["text"]
        else:
            for path in sorted((ROOT / "seeds").glob("*.txt")):
                yield path.read_text(encoding="utf-8")


def no_punctuation(text: str) -> str:
    """`text` with every character that is not a letter, a mark, a digit or a space removed."""
    return "".join(c for c in text if c.isspace() or unicodedata.category(c)[0] in "LMN")


def article(megabytes: float, shape: str) -> str:
    """One paragraph of `megabytes` MB of UTF-8 text (cut at a word)."""
    parts, size = [], 0
    for text in source_texts():
        text = " ".join(text.split())
        if LATIN.search(text) or BOILERPLATE.search(text):
            continue  # on one line, the cleaner would drop the whole paragraph
        if shape == "no punctuation":
            text = " ".join(no_punctuation(text).split())
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
        if size >= megabytes * MB:
            break
    joined = " ".join(parts).encode("utf-8")[: int(megabytes * MB)].decode("utf-8", "ignore")
    return joined.rsplit(" ", 1)[0]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, max RSS in MB) of one run of `command` (its output thrown away)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,3", help="article sizes in MB (UTF-8)")
    parser.add_argument("--shapes", default="paragraph,no punctuation")
    parser.add_argument("--vs", help="another `rawi` to compare with, on the same articles")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    ant = corpora_dir() / ANT
    source = f"the texts of {ant.name}" if ant.exists() else "the seeds, repeated"
    print(f"rawi entities on one single-paragraph article made of {source}")
    if args.vs:
        print(f"  B: {args.vs}")
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "RAWI_CACHE": folder, "RAWI_DB": str(Path(folder) / "db.json")}
        for shape in args.shapes.split(","):
            first_rate = None
            for megabytes in sizes:
                corpus = Path(folder) / f"{shape[:2]}{megabytes}.jsonl"
                text = article(megabytes, shape)
                record = {"id": "big", "text": text}
                corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
                base = ["--corpus", str(corpus)]
                run([RAWI, *base, "list"], env)
                wall, rss = run([RAWI, *base, "entities", "big"], env)
                rate = wall / megabytes
                first_rate = first_rate or rate
                line = (
                    f"  {shape:<15} {megabytes:4.1f} MB ({len(text.split()):7,} words)"
                    f"  {wall:6.1f} s  max RSS {rss:6.0f} MB"
                    f"  s/MB ratio to {sizes[0]} MB: {rate / first_rate:4.2f}"
                )
                if args.vs:
                    run([args.vs, *base, "list"], env)
                    wall_b, rss_b = run([args.vs, *base, "entities", "big"], env)
                    line += f"  | B {wall_b:6.1f} s  {rss_b:6.0f} MB  A/B {wall / wall_b:4.2f}"
                print(line)
    print(f"targets for 3 MB: <= {TARGET_SECONDS} s, <= {TARGET_MB} MB, ratios about 1")


if __name__ == "__main__":
    main()
