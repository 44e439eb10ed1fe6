"""Entity-correction reach: how long counting an every-article correction's mentions takes.

Run by hand: `.venv/bin/python bench/bench_entity_reach.py [--corpus FILE] [NAME ...]`.
Prints figures, asserts nothing.

- Data: `ant-v1.1.jsonl.gz` (10,138 articles) in `$RAWI_CORPORA_DIR`, else `../shared/corpora`
  beside the checkout (or `--corpus`); the corpus index goes to `$RAWI_CACHE`, set to a temporary
  folder unless given, and is made on the first run (not timed).
- Per name: `corpus_reach` (the search index finds the candidate articles, then the name is
  counted in their text as the recogniser matches names), against counting it in every
  article's text, in the same run; the two counts must agree.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NAMES = ("تونس", "الحبيب الصيد", "بري")


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=corpora_dir() / "ant-v1.1.jsonl.gz")
    parser.add_argument("names", nargs="*", default=NAMES)
    options = parser.parse_args()
    os.environ.setdefault("RAWI_CACHE", tempfile.mkdtemp(prefix="rawi-reach-"))
    from annotations.corpus import load_corpus
    from annotations.entities import occurrences, surface_key
    from annotations.session import corpus_reach

    start = time.perf_counter()
    corpus = load_corpus([options.corpus])
    ids = corpus.ids()
    ready = time.perf_counter() - start
    print(f"{options.corpus.name}: {len(ids)} articles, index ready in {ready:.1f} s")
    for name in options.names:
        key = surface_key(name)
        start = time.perf_counter()
        reach = corpus_reach(corpus, key)
        indexed = time.perf_counter() - start
        start = time.perf_counter()
        counts = [len(occurrences(corpus[i].text, [key])[key]) for i in ids]
        scanned = time.perf_counter() - start
        agree = (sum(counts), sum(1 for c in counts if c)) == tuple(reach)
        print(
            f"{name}: {reach.mentions} mentions in {reach.articles} articles; "
            f"index + count {indexed:.2f} s, every article {scanned:.2f} s "
            f"(ratio {scanned / indexed:.1f}x); counts agree: {agree}"
        )


if __name__ == "__main__":
    main()
