"""Speed of `suggest_attributions`: milliseconds per 1,000-word article (target: <= 20 ms).

Run by hand: `.venv/bin/python bench/bench_attribution.py`. Entities are recognised once,
outside the timing, so only the suggester is measured.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from annotations.attribution import suggest_attributions
from annotations.corpus import load_corpus
from annotations.entities import recognise

REPEATS = 30


def best_ms(run: Callable[[], object]) -> float:
    """The median of `REPEATS` timings of `run`, in milliseconds."""
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    corpus = list(load_corpus())
    print(f"{'article':<24}{'words':>7}{'ms':>8}{'ms/1k words':>13}{'+entities':>11}")
    for article in corpus:
        text, words = article.text, article.words
        entities = recognise(text)
        plain = best_ms(lambda text=text: suggest_attributions(text))
        linked = best_ms(lambda text=text, e=entities: suggest_attributions(text, e))
        per_1k = plain * 1000 / words
        print(f"{article.id:<24}{words:>7}{plain:>8.2f}{per_1k:>13.2f}{linked:>11.2f}")
    joined = "\n\n".join(article.text for article in corpus)
    words = sum(article.words for article in corpus)
    total = best_ms(lambda: suggest_attributions(joined))
    print(f"{'all seeds as one text':<24}{words:>7}{total:>8.2f}{total * 1000 / words:>13.2f}")


if __name__ == "__main__":
    main()
