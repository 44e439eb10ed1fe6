"""Calibrate attribution suggestion confidences on half of the unseen-news dev set.

Run by hand: `.venv/bin/python bench/calibrate_suggestions.py [--write]`. Suggestions on the
even-numbered articles of `tests/data/unseen_news` (half A) are matched against the gold; each
evidence key (`annotations.attribution.confidence`) gets the share that matched, shrunk towards
its basis and origin, its basis and the overall share (a prior worth four suggestions at each
level). `--write` stores the table in `annotations/attribution/calibration.json`. The reliability
table printed for half B (the odd articles, not used to fit) says whether the numbers hold.

`--database DB [--corpus PATH ...]` learns from the analysts too: every suggestion an annotator
of DB accepted counts as right and every one rejected as wrong, beside half A.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from annotations.attribution import Suggestion, confidence, suggest_attributions
from annotations.attribution.evaluation import from_record, pairs
from annotations.corpus import load_corpus
from annotations.session import SuggestionReview
from annotations.store import Store

SET_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "unseen_news"
PRIOR = 4.0
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def outcomes(half: int) -> list[tuple[Suggestion, bool]]:
    """Every suggestion on one half of the dev set (0: even articles, 1: odd) and whether it
    matched a gold triple."""
    gold: dict[str, list[Suggestion]] = defaultdict(list)
    for line in (SET_DIR / "attribution_gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["article"]].append(from_record(record))
    found: list[tuple[Suggestion, bool]] = []
    for index, article in enumerate(load_corpus([SET_DIR / "articles.jsonl"])):
        if index % 2 != half:
            continue
        suggestions = suggest_attributions(article.text)
        right = {s for s, _ in pairs(suggestions, gold[article.id])}
        found.extend((s, at in right) for at, s in enumerate(suggestions))
    return found


def analyst_outcomes(database: Path, corpus_paths: list[Path]) -> list[tuple[Suggestion, bool]]:
    """Every suggestion an annotator of `database` accepted (True) or rejected (False), on the
    articles of the corpus (the seeds when no path is given)."""
    corpus = load_corpus(corpus_paths or None)
    with Store.open(database, read_only=True) as store:
        return [
            outcome
            for record in store.records()
            if record.article_id in corpus
            for outcome in SuggestionReview(
                store, corpus[record.article_id], record.annotator
            ).decided()
        ]


def fit(results: Iterable[tuple[Suggestion, bool]]) -> dict[str, float]:
    """Shrunk shares of right suggestions per evidence prefix (``, basis, basis/origin, key)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for suggestion, right in results:
        parts = suggestion.evidence.split("/")
        for size in range(len(parts) + 1):
            count = counts["/".join(parts[:size])]
            count[0] += right
            count[1] += 1
    table: dict[str, float] = {}
    for prefix in sorted(counts, key=lambda p: (p.count("/") + bool(p), p)):
        right, total = counts[prefix]
        parent = table.get(prefix.rpartition("/")[0] if "/" in prefix else "", right / total)
        table[prefix] = round((right + PRIOR * parent) / (total + PRIOR), 2)
    return table


def reliability(title: str, results: list[tuple[Suggestion, bool]]) -> None:
    print(f"{title}\n| confidence | suggestions | right | share right |\n|---|---|---|---|")
    for low, high in itertools.pairwise(BINS):
        inside = [right for s, right in results if low <= s.confidence < high]
        if inside:
            right, share = sum(inside), sum(inside) / len(inside)
            print(f"| {low:.1f}-{min(high, 1.0):.1f} | {len(inside)} | {right} | {share:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the table")
    parser.add_argument("--database", type=Path, help="learn from its accepted and rejected ones")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="its articles")
    args = parser.parse_args()
    analyst = analyst_outcomes(args.database, args.corpus) if args.database else []
    if args.write:
        table = fit([*outcomes(0), *analyst])
        confidence.CALIBRATION.write_text(
            json.dumps(
                {
                    "fitted_on": "tests/data/unseen_news, even-numbered articles (half A)"
                    + (f", and {len(analyst)} analyst decisions" if analyst else ""),
                    "date": date.today().isoformat(),
                    "prior": PRIOR,
                    "confidence": table,
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        confidence._table.cache_clear()  # score with the table just written
    reliability("half A (fitted)", outcomes(0))
    reliability("half B (held out)", outcomes(1))
    if analyst:
        reliability("the analysts' decisions", analyst)


if __name__ == "__main__":
    main()
