"""CPU cost of entities + suggestions on unseen news, this checkout against another, in turn.

Run by hand: `.venv/bin/python bench/bench_attribution_cost.py [--against DIR] [--articles N]
[--rounds R]`. Prints numbers and the issue's target (<= 20 ms per 1,000 words for entities and
suggestions) beside them, asserts nothing.

- Data: N articles of ANT v2.1 (`ant-v2.1.jsonl.gz` in `$RAWI_CORPORA_DIR`, else
  `../shared/corpora` beside the checkout), every article whose id is not in the unseen-news dev
  set (`tests/data/unseen_news/ids.txt`) taken in file order from a fixed stride, cleaned as
  `rawi` cleans them.
- Each round runs a fresh worker process per checkout, this one then `--against DIR` (e.g. `git
  archive main | tar -x -C DIR`), with one BLAS thread; a worker loads the models, warms up on
  one article, then times the CPU (`time.process_time`) of three passes over the articles:
  `suggest_attributions` alone, `recognise`, `suggest_attributions` with the entities; and reports
  its peak RSS. The ratio is taken round by round, so a machine whose load drifts still compares
  like with like; run `uptime` beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = "ant-v2.1.jsonl.gz"
DEV_IDS = ROOT / "tests" / "data" / "unseen_news" / "ids.txt"
STRIDE = 37
TARGET_MS = 20.0
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


def sample(count: int, path: Path) -> None:
    """Write `count` ANT v2.1 records outside the dev set, one in `STRIDE`, to `path` (JSONL)."""
    excluded = set(DEV_IDS.read_text(encoding="utf-8").split())
    kept: list[str] = []
    with gzip.open(corpora_dir() / ANT, "rt", encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index % STRIDE == 0 and json.loads(line)["id"] not in excluded:
                kept.append(line)
                if len(kept) == count:
                    break
    path.write_text("".join(kept), encoding="utf-8")


def worker(checkout: Path, texts: Path) -> None:
    """Time the checkout at `checkout` on the articles of `texts`; print the totals as JSON."""
    sys.path.insert(0, str(checkout))
    from annotations.attribution import suggest_attributions
    from annotations.corpus import load_corpus
    from annotations.entities import recognise

    articles = list(load_corpus([texts]))
    suggest_attributions(articles[0].text, recognise(articles[0].text))  # loads and warms
    totals = {"words": sum(article.words for article in articles)}
    tick = time.process_time()
    for article in articles:  # a pass each: no call meets the words its article just cached
        suggest_attributions(article.text)
    totals["plain"] = time.process_time() - tick
    tick = time.process_time()
    found = [recognise(article.text) for article in articles]
    totals["entities"] = time.process_time() - tick
    tick = time.process_time()
    for article, entities in zip(articles, found, strict=True):
        suggest_attributions(article.text, entities)
    totals["suggestions"] = time.process_time() - tick
    totals["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(totals))


def run(checkout: Path, texts: Path) -> dict[str, float]:
    """One worker's totals."""
    command = [sys.executable, __file__, "--worker", str(checkout), str(texts)]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env={**os.environ, **ONE_THREAD},
        cwd=checkout,
    )
    return json.loads(done.stdout.splitlines()[-1])


def per_1k(totals: dict[str, float], key: str) -> float:
    """CPU ms per 1,000 words of one pass, or of "together" (entities, then suggestions)."""
    if key == "together":
        return per_1k(totals, "entities") + per_1k(totals, "suggestions")
    return 1_000_000 * totals[key] / totals["words"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    with tempfile.TemporaryDirectory() as folder:
        texts = Path(folder) / "articles.jsonl"
        sample(args.articles, texts)
        sides = [("this", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
        results: dict[str, list[dict[str, float]]] = {name: [] for name, _ in sides}
        for round_ in range(args.rounds):
            for name, checkout in sides if round_ % 2 == 0 else sides[::-1]:
                results[name].append(run(checkout, texts))
    words = results["this"][0]["words"]
    print(f"{args.articles} ANT v2.1 articles, {words:,.0f} words, {args.rounds} rounds; CPU ms per"
          f" 1,000 words, median of rounds (target <= {TARGET_MS:.0f} for both together)")
    for name, rounds in results.items():
        parts = {key: statistics.median(per_1k(r, key) for r in rounds)
                 for key in ("entities", "suggestions", "plain")}
        both = statistics.median(per_1k(r, "together") for r in rounds)
        print(
            f"  {name:<8} entities {parts['entities']:.2f}"
            f"  suggestions {parts['suggestions']:.2f} (without entities {parts['plain']:.2f})"
            f"  together {both:.2f}; peak RSS {statistics.median(r['rss_mb'] for r in rounds):.0f}"
            " MB"
        )
    if args.against:
        for key in ("entities", "suggestions", "plain", "together"):
            ratios = [per_1k(a, key) / per_1k(b, key)
                      for a, b in zip(results["this"], results["against"], strict=True)]
            print(f"  this / against, {key}: median {statistics.median(ratios):.3f}"
                  f" (rounds {', '.join(f'{r:.3f}' for r in ratios)})")


if __name__ == "__main__":
    main()
