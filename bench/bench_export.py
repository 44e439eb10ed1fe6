"""Export benchmark: 100k annotations exported as native JSONL vs a bare orjson dump of the same
store records in the same run (target <= 2x), the same export as CoNLL BIO tags (tokens and
sentences of every article) against the native one, and peak memory as the export grows (flat).

Run by hand: `.venv/bin/python bench/bench_export.py [--annotations 100000]`.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import orjson

from annotations.arabic import tokenize
from annotations.corpus import Article, load_corpus
from annotations.exchange import ExportReport, native_records, write_export
from annotations.exchange.conll import write_conll
from annotations.model import Relation, new_span
from annotations.session import sentence_ranges
from annotations.store import Store

SPANS_PER_ARTICLE = 90
SPAN_KINDS = [("entity", "PER"), ("entity", "ORG"), ("entity", "LOC"), ("attribution", "SOURCE")]


def build(path: Path, annotations: int) -> dict[str, Article]:
    """A database of `annotations` records (90% spans, 10% relations) over copies of the seeds."""
    seeds = list(load_corpus(None))
    rng = random.Random(7)
    articles: dict[str, Article] = {}
    per_article = SPANS_PER_ARTICLE + SPANS_PER_ARTICLE // 9
    with Store.open(path) as store:
        for number in range(annotations // per_article):
            seed = seeds[number % len(seeds)]
            article = replace(seed, id=f"a{number:06d}")
            articles[article.id] = article
            words = rng.sample(tokenize(article.text), SPANS_PER_ARTICLE)
            spans = [
                new_span(article, *rng.choice(SPAN_KINDS), w.start, w.end, annotator="bench")
                for w in words
            ]
            relations = [
                Relation(f"r{number}-{n}", article.id, a.id, b.id, "rel", article.sha256, "bench")
                for n, (a, b) in enumerate(zip(spans[::2], spans[1::2], strict=False))
            ][: SPANS_PER_ARTICLE // 9]
            store.merge([*spans, *relations], annotator="bench")
    return articles


def time_export(store: Store, articles: dict[str, Article], out_path: Path) -> float:
    start = time.perf_counter()
    with out_path.open("wb") as out:
        write_export(native_records(store.records(), articles.get, ExportReport()), "native", out)
    return time.perf_counter() - start


def time_conll(store: Store, articles: dict[str, Article], out_path: Path) -> float:
    start = time.perf_counter()
    with out_path.open("wb") as out:
        natives = native_records(store.records(), articles.get, ExportReport())
        write_conll(natives, "entity", sentence_ranges, out, [])
    return time.perf_counter() - start


def time_orjson(store: Store, out_path: Path) -> float:
    start = time.perf_counter()
    with out_path.open("wb") as out:
        for record in store.records():
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    return time.perf_counter() - start


def peak_memory(store: Store, articles: dict[str, Article], limit: int, out_path: Path) -> int:
    """Peak bytes allocated while exporting the first `limit` articles."""
    ids = sorted(articles)[:limit]
    tracemalloc.start()
    with out_path.open("wb") as out:
        records = (r for a in ids for r in store.records(article_id=a))
        write_export(native_records(records, articles.get, ExportReport()), "native", out)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        started = time.perf_counter()
        articles = build(directory / "db.json", args.annotations)
        print(
            f"built {len(articles)} articles, ~{args.annotations} annotations "
            f"in {time.perf_counter() - started:.1f} s"
        )
        with Store.open(directory / "db.json") as store:
            store.compact()
            exports, dumps, conlls = [], [], []
            for _ in range(args.runs):
                exports.append(time_export(store, articles, directory / "export.jsonl"))
                dumps.append(time_orjson(store, directory / "dump.jsonl"))
                conlls.append(time_conll(store, articles, directory / "export.conll"))
            export_time, dump_time, conll_time = min(exports), min(dumps), min(conlls)
            size = os.path.getsize(directory / "export.jsonl") / 1e6
            print(f"native export : {export_time:6.2f} s ({size:.0f} MB)")
            print(f"orjson dump   : {dump_time:6.2f} s (the store's records, as they are)")
            print(f"ratio         : {export_time / dump_time:6.2f}x (target <= 2x)")
            conll_size = os.path.getsize(directory / "export.conll") / 1e6
            print(f"conll export  : {conll_time:6.2f} s ({conll_size:.0f} MB)")
            print(f"conll / native: {conll_time / export_time:6.2f}x")
            for fraction in (0.1, 0.3, 1.0):
                limit = max(1, int(len(articles) * fraction))
                peak = peak_memory(store, articles, limit, directory / "peak.jsonl")
                print(f"peak memory exporting {limit:5d} articles: {peak / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
