"""Speed of rawi's Arabic helpers beside pyarabic's nearest functions, on every word of the seeds.

Run by hand: `.venv/bin/python bench/bench_arabic.py`. rawi's `strip_marks` drops every combining
mark and tatweel with one regex; pyarabic's `strip_diacritics` drops the marks one at a time, and
its `strip_tashkeel` only the eight harakat (not the same result: shown for scale).
"""

from __future__ import annotations

import statistics
import timeit

from pyarabic import araby

from annotations.arabic import match_key, strip_marks, tokenize
from annotations.corpus import load_corpus

ROUNDS = 15


def main() -> None:
    texts = [article.text for article in load_corpus()]
    words = [token.text for text in texts for token in tokenize(text)]
    runs = {
        "rawi strip_marks": lambda: [strip_marks(w) for w in words],
        "pyarabic strip_diacritics + strip_tatweel": lambda: [
            araby.strip_diacritics(araby.strip_tatweel(w)) for w in words
        ],
        "pyarabic strip_tashkeel + strip_tatweel": lambda: [
            araby.strip_tashkeel(araby.strip_tatweel(w)) for w in words
        ],
        "rawi match_key": lambda: [match_key(w) for w in words],
        "rawi tokenize (per text)": lambda: [tokenize(t) for t in texts],
        "pyarabic tokenize_with_location": lambda: [araby.tokenize_with_location(t) for t in texts],
    }
    print(f"{len(words)} words of {len(texts)} seeds; median of {ROUNDS} runs")
    for name, run in runs.items():
        median = statistics.median(timeit.repeat(run, number=1, repeat=ROUNDS))
        print(f"{name:<44}{median * 1000:8.2f} ms{median * 1e9 / len(words):8.0f} ns/word")


if __name__ == "__main__":
    main()
