"""Agreement benchmark: 10 annotators x 1,000 articles x 50 spans each (500,000 spans, 5
attributions per record), every pair and all ten at once, every measure: time and peak memory.
In the same run, the comparison: on the entity layer of the first 100 articles, `rawi`'s agreement
(45 pairs and all, every measure) against the `krippendorff` library's one nominal alpha over the
code points of the same continua (the reliability matrix it needs built beforehand, not timed).

Records are built in memory from copies of the bundled seeds (what `Store.records()` would
yield), so the figures are the agreement's own, not the database's.

Run by hand: `.venv/bin/python bench/bench_agreement.py [--annotators 10] [--articles 1000]
[--spans 50]`.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from dataclasses import replace

import krippendorff
import numpy as np

from annotations.agreement import agreement
from annotations.agreement.coding import Text, coding
from annotations.arabic import tokenize
from annotations.corpus import Article, load_corpus
from annotations.model import LAYER_OF, ArticleRecord, Attribution, new_span

LABELS = ["PER"] * 4 + ["ORG"] * 3 + ["LOC"] * 3 + ["SOURCE", "CUE", "CONTENT", "CLAIM"]


def truth(article: Article, spans: int, rng: random.Random) -> list[tuple[str, int, int]]:
    """`spans` labelled words of `article` (one or two words long)."""
    words = tokenize(article.text)
    picked = sorted(rng.sample(range(len(words) - 1), spans))
    return [
        (rng.choice(LABELS), words[i].start, words[i + rng.randint(0, 1)].end) for i in picked
    ]


def annotator_record(
    article: Article, who: str, gold: list[tuple[str, int, int]], rng: random.Random
) -> ArticleRecord:
    """`gold` as one annotator makes it: 10% relabelled, 10% with another end, 5% left out."""
    spans = []
    for number, (label, start, end) in enumerate(gold):
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.15:
            label = rng.choice(LABELS)
        elif roll < 0.25:
            end = max(start + 1, end - rng.randint(1, 3))
        spans.append(
            new_span(article, LAYER_OF[label], label, start, end, annotator=who, id=f"s{number}")
        )
    ids = [s.id for s in spans]
    attributions = tuple(
        Attribution(f"a{n}", article.id, ids[3 * n], ids[3 * n + 1], (ids[3 * n + 2],), "", who)
        for n in range(5)
    )
    sha = article.sha256
    return ArticleRecord(article.id, who, sha, "done", "", "", tuple(spans), (), attributions, ())


def build(annotators: int, articles: int, spans: int) -> tuple[list[ArticleRecord], dict]:
    seeds = list(load_corpus(None))
    rng = random.Random(14)
    records, texts = [], {}
    for number in range(articles):
        article = replace(seeds[number % len(seeds)], id=f"a{number:06d}")
        texts[article.id] = article
        gold = truth(article, spans, rng)
        records.extend(annotator_record(article, f"n{k:02d}", gold, rng) for k in range(annotators))
    return records, texts


def library_alpha(records: list[ArticleRecord], texts: dict, annotators: int) -> float:
    """The `krippendorff` library's nominal alpha over the entity layer's code points."""
    rows: list[list[np.ndarray]] = [[] for _ in range(annotators)]
    for number, record in enumerate(records):
        text = Text.of(texts[record.article_id].text)
        rows[number % annotators].append(coding(record, text, ("entity",)).points.ravel())
    data = np.array([np.concatenate(row) for row in rows], dtype=float)
    start = time.perf_counter()
    value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotators", type=int, default=10)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--spans", type=int, default=50)
    options = parser.parse_args()
    records, texts = build(options.annotators, options.articles, options.spans)
    print(f"{len(records)} records, {sum(len(r.spans) for r in records)} spans")

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start, cpu = time.perf_counter(), time.process_time()
    result = agreement(records, texts.get)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pairs = result["pairs"]
    print(f"agreement, {len(pairs)} pairs + all: {seconds:.2f} s wall, {cpu:.2f} s CPU "
          f"({cpu / options.articles * 1000:.1f} ms CPU per article); max RSS {before:.0f} MiB "
          f"with the records built, {after:.0f} MiB after")  # fmt: skip
    print(f"  first pair overall: {pairs[0]['overall']}; all: {result['all']}")
    for articles in (options.articles // 10, options.articles // 5):
        tracemalloc.start()
        agreement(records[: articles * options.annotators], texts.get)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  traced peak over {articles} articles: {peak / 2**20:.1f} MiB")

    sample = records[: 100 * options.annotators]
    start = time.perf_counter()
    ours = agreement(sample, texts.get, layers=("entity",))["all"]["alpha"]
    ours_seconds = time.perf_counter() - start
    theirs, theirs_seconds = library_alpha(sample, texts, options.annotators)
    print(f"100 articles, entity layer: rawi every measure {ours_seconds:.2f} s (unitized alpha "
          f"{ours:.4f}); krippendorff.alpha nominal over code points {theirs_seconds:.2f} s "
          f"({theirs:.4f}); ratio {ours_seconds / theirs_seconds:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
