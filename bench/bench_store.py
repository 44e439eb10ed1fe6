"""Save and read latency of the annotation store vs stock TinyDB and sqlite3 (WAL, FULL sync).

    python bench/bench_store.py                 # 1k, 10k, 100k annotations
    python bench/bench_store.py --sizes 1000    # quicker
    python bench/bench_store.py --kills 1000    # kill -9 loop (tests/store/saver.py as the child)

Each engine holds the same documents (a span as `to_dict` makes it, ~0.7 kB of JSON), 100 per
article, and then does single durable saves; reads are "the annotations of one article".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tinydb import Query, TinyDB

from annotations.arabic import tokenize
from annotations.model import new_span, to_dict
from annotations.store import Store, open_tinydb

TEXT = (
    "قال وزير الخارجية المصري سامح شكري إن القاهرة ترفض أي تهجير للفلسطينيين، وأضاف في مؤتمر "
    "صحفي أن «الحل الوحيد هو إقامة الدولة الفلسطينية». وذكرت وكالة رويترز أن الاجتماع استمر. "
) * 8
WORDS = tokenize(TEXT)
PER_ARTICLE = 100


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    sha256: str


def article(n: int) -> Article:
    return Article(f"article-{n:06d}", TEXT, hashlib.sha256(TEXT.encode()).hexdigest())


def document(n: int) -> dict:
    token = WORDS[n % len(WORDS)]
    span = new_span(
        article(n // PER_ARTICLE), "entity", "PER", token.start, token.end, annotator="bench"
    )
    return to_dict(span)


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"p50 {statistics.median(ms):7.3f} ms  p95 {p95:7.3f} ms  (n={len(ms)})"


def timed(action: Callable[[int], object], count: int) -> list[float]:
    samples = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        samples.append(time.perf_counter() - start)
    return samples


def bench_fsync(folder: Path, saves: int) -> None:
    """The floor: append ~1 kB to a file and fsync it, nothing else."""
    line = json.dumps(document(0), ensure_ascii=False).encode() + b"\n"

    def append(_: int) -> None:
        fd = os.open(folder / "floor.log", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        os.write(fd, line)
        os.fsync(fd)
        os.close(fd)

    print(f"  floor   fsync   {percentiles(timed(append, saves))}")


def bench_rawi(folder: Path, size: int, saves: int, reads: int) -> None:
    path = folder / "rawi.json"
    store = Store.open(path)
    start = time.perf_counter()
    for first in range(0, size, 2000):
        with store.batch("bench", "prefill", undoable=False):
            for n in range(first, min(size, first + 2000)):
                token = WORDS[n % len(WORDS)]
                store.add_span(
                    article(n // PER_ARTICLE),
                    "entity",
                    "PER",
                    token.start,
                    token.end,
                    annotator="bench",
                )
    store.compact()
    megabytes = path.stat().st_size / 1e6
    print(f"  rawi    prefill {time.perf_counter() - start:6.1f} s, file {megabytes:.1f} MB")
    articles = size // PER_ARTICLE

    def save(i: int) -> None:
        token = WORDS[i % len(WORDS)]
        store.add_span(
            article(i % articles), "entity", "ORG", token.start, token.end, annotator="bench"
        )

    print(f"  rawi    save    {percentiles(timed(save, saves))}")
    read = timed(lambda i: store.spans(article(i * 7 % articles).id), reads)
    print(f"  rawi    read    {percentiles(read)}")
    bench_open_tinydb(path, articles)
    start = time.perf_counter()
    store.compact()
    print(f"  rawi    compact {time.perf_counter() - start:6.3f} s (on close, export, past 16 MB)")
    store.close()
    start = time.perf_counter()
    Store.open(path).close()
    print(f"  rawi    open    {time.perf_counter() - start:6.3f} s")


def bench_open_tinydb(path: Path, articles: int) -> None:
    """The scripting view: open (the journal of the saves above replayed), then queries."""
    start = time.perf_counter()
    view = open_tinydb(path)
    print(f"  rawi    open_tinydb {time.perf_counter() - start:6.3f} s (journal replayed)")
    by_article = Query().article_id
    queries = min(articles, 20)  # distinct queries: TinyDB caches a repeated one
    read = timed(lambda i: view.table("spans").search(by_article == article(i).id), queries)
    print(f"  rawi    tinydb read {percentiles(read)}")


def bench_sqlite(folder: Path, size: int, saves: int, reads: int) -> None:
    connection = sqlite3.connect(folder / "bench.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE spans (id TEXT PRIMARY KEY, article_id TEXT, doc TEXT)")
    connection.execute("CREATE INDEX by_article ON spans(article_id)")
    connection.execute("BEGIN")
    for n in range(size):
        doc = document(n)
        connection.execute(
            "INSERT INTO spans VALUES (?, ?, ?)", (doc["id"], doc["article_id"], json.dumps(doc))
        )
    connection.execute("COMMIT")
    articles = size // PER_ARTICLE

    def save(i: int) -> None:
        doc = document(i)
        connection.execute(
            "INSERT INTO spans VALUES (?, ?, ?)", (doc["id"], doc["article_id"], json.dumps(doc))
        )

    def read(i: int) -> list:
        rows = connection.execute(
            "SELECT doc FROM spans WHERE article_id = ?", (article(i * 7 % articles).id,)
        )
        return [json.loads(doc) for (doc,) in rows]

    print(f"  sqlite  save    {percentiles(timed(save, saves))}")
    print(f"  sqlite  read    {percentiles(timed(read, reads))}")
    connection.close()


def bench_tinydb(folder: Path, size: int) -> None:
    saves = {1_000: 100, 10_000: 30}.get(size, 5)
    database = TinyDB(folder / "stock.json")
    database.insert_multiple(document(n) for n in range(size))
    articles = size // PER_ARTICLE
    print(f"  tinydb  save    {percentiles(timed(lambda i: database.insert(document(i)), saves))}")
    by_article = Query().article_id
    read = timed(
        lambda i: database.search(by_article == article(i * 7 % articles).id), min(saves, 20)
    )
    print(f"  tinydb  read    {percentiles(read)}")
    database.close()


def crash_loop(kills: int) -> None:
    """kill -9 a saving child `kills` times; check every acknowledged tag after each kill."""
    saver = Path(__file__).resolve().parents[1] / "tests" / "store" / "saver.py"
    env = {**os.environ, "PYTHONPATH": str(saver.parents[2])}
    rng = random.Random(1)
    acknowledged: set[str] = set()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "crash.json"
        for kill in range(kills):
            compact = rng.choice([4_000, 40_000, 1 << 24])
            command = [sys.executable, str(saver), str(db), f"k{kill}", "1000000", str(compact)]
            child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
            time.sleep(rng.uniform(0.12, 0.5))
            child.send_signal(signal.SIGKILL)
            lines = child.communicate()[0].split("\n")[:-1]
            acknowledged.update(lines)
            with Store.open(db) as store:
                missing = acknowledged - {s.id for s in store.spans("crash")}
            if missing:
                raise SystemExit(f"kill {kill}: {len(missing)} acknowledged tags LOST")
            if (kill + 1) % 50 == 0:
                print(
                    f"  {kill + 1} kills, {len(acknowledged)} acknowledged tags, none lost",
                    flush=True,
                )
        torn = len(list(Path(folder).glob("*.torn-*")))
        print(
            f"{kills} kills: {len(acknowledged)} acknowledged tags present; {torn} torn tails cut"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--kills", type=int, default=0)
    args = parser.parse_args()
    if args.kills:
        crash_loop(args.kills)
        return
    for size in args.sizes:
        print(f"{size:,} annotations in the database")
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as folder:
            bench_fsync(Path(folder), args.saves)
            bench_rawi(Path(folder), size, args.saves, args.saves)
            bench_sqlite(Path(folder), size, args.saves, args.saves)
            bench_tinydb(Path(folder), size)


if __name__ == "__main__":
    main()
