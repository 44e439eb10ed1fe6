"""The annotation store at scale, each figure against its comparison in the same run.

    python bench/bench_store.py                 # 1k, 10k, 100k annotations, every part
    python bench/bench_store.py --sizes 1000    # quicker
    python bench/bench_store.py --parts session open    # some parts only
    python bench/bench_store.py --kills 1000    # kill -9 loop (tests/store/saver.py as the child)

Parts: `saves` (single durable saves and reads vs stock TinyDB and sqlite3 WAL FULL; a span as
`to_dict` makes it, ~0.7 kB of JSON, 100 per article), `session` (a long session of saves with
folds past 1 MB of journal: the slowest save against the fold it no longer waits for),
`import` (`import_native` of N spans, 100 per line, against an orjson parse of the same lines
plus one sqlite3 transaction inserting them; then one more line against an open), `open`
(`Store.open(read_only=True)` against orjson and json parses of the same file and journal),
`stats` (`rawi stats`, the whole process, against a process that starts python and parses the
same file and journal with orjson: wall and CPU time, peak memory; `--before DIR` also times the
code checked out in DIR, e.g. `git archive main | tar -x -C DIR`) and `counts` (the article
list's counts).
"""

from __future__ import annotations

import argparse
import gc
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

import orjson
from tinydb import Query, TinyDB

from annotations.arabic import tokenize
from annotations.exchange.importing import import_native
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


def prefill(store: Store, size: int) -> None:
    """`size` spans, 100 per article, saved in batches of 2,000."""
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


def bench_rawi(folder: Path, size: int, saves: int, reads: int) -> None:
    path = folder / "rawi.json"
    store = Store.open(path)
    start = time.perf_counter()
    prefill(store, size)
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


def bench_session(folder: Path, size: int, saves: int) -> None:
    """Saves in a long session, a fold every MB of journal: no save waits for one. The same
    saves without folds, in the same run, say what the machine's load alone costs."""
    path = folder / "session.json"
    with Store.open(path) as store, store.folds_deferred():
        prefill(store, size)
        store.compact()
    articles = max(1, size // PER_ARTICLE)
    for label, compact_bytes in (("folds", 1 << 20), ("no folds", 1 << 40)):
        store = Store.open(path, compact_bytes=compact_bytes)
        folds = 0

        def save(i: int, store: Store = store) -> None:
            nonlocal folds
            sealed = store._fold
            token = WORDS[i % len(WORDS)]
            store.add_span(
                article(i % articles), "entity", "ORG", token.start, token.end, annotator="bench"
            )
            folds += store._fold is not None and store._fold is not sealed

        samples = timed(save, saves)
        store.wait_for_fold()
        slowest = max(samples)
        print(
            f"  session {label:8} {percentiles(samples)}  max {slowest * 1000:7.2f} ms, "
            f"{folds} folds started"
        )
        store.close()
    store = Store.open(path)
    start = time.perf_counter()
    store.compact()
    fold = time.perf_counter() - start
    store.close()
    print(f"  session fold    {fold:6.3f} s (a fold of the whole database here and now)")


def native_lines(size: int) -> list[bytes]:
    """`size` spans as native import lines, 100 per article, the text on the line."""
    lines = []
    for first in range(0, size, PER_ARTICLE):
        spans = []
        for n in range(first, min(size, first + PER_ARTICLE)):
            token = WORDS[n % len(WORDS)]
            spans.append(
                {
                    "id": f"s{n}",
                    "layer": "entity",
                    "label": "PER",
                    "start": token.start,
                    "end": token.end,
                }
            )
        line = {
            "article_id": article(first // PER_ARTICLE).id,
            "annotator": "bench",
            "text": TEXT,
            "spans": spans,
        }
        lines.append(orjson.dumps(line))
    return lines


def bench_import(folder: Path, size: int) -> None:
    """Import N spans into an empty database (one run), against a parse plus one sqlite3
    transaction of the same spans; then one more line into it, against an open."""
    lines = native_lines(size)
    path = folder / "import.json"
    start = time.perf_counter()
    with Store.open(path) as store:
        import_native(store, lines, lambda _: None)
    rawi = time.perf_counter() - start
    start = time.perf_counter()
    connection = sqlite3.connect(folder / "import.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE spans (id TEXT PRIMARY KEY, article_id TEXT, doc TEXT)")
    connection.execute("BEGIN")
    for line in lines:
        record = orjson.loads(line)
        for span in record["spans"]:
            key = f"{record['article_id']}/{span['id']}"
            connection.execute(
                "INSERT INTO spans VALUES (?, ?, ?)",
                (key, record["article_id"], orjson.dumps(span)),
            )
    connection.execute("COMMIT")
    connection.close()
    floor = time.perf_counter() - start
    print(
        f"  import  {size:,} spans {rawi:7.3f} s; orjson + sqlite3 {floor:6.3f} s; "
        f"ratio {rawi / floor:5.1f}x ({size / rawi:,.0f} spans/s)"
    )
    extra = native_lines(size + PER_ARTICLE)[-1]
    start = time.perf_counter()
    with Store.open(path) as store:
        import_native(store, [extra], lambda _: None)
    one_line = time.perf_counter() - start
    start = time.perf_counter()
    Store.open(path, read_only=True).close()
    opened = time.perf_counter() - start
    print(
        f"  import  one more line {one_line:6.3f} s; open {opened:6.3f} s; "
        f"ratio {one_line / opened:4.2f}x"
    )


def bench_open(folder: Path, size: int, rounds: int = 5) -> None:
    """Open read-only (what `rawi stats`, `export` and `doctor` do) against plain parses of the
    same file and journal, in turns; medians of `rounds` (wall and this process's CPU time,
    which the machine's other jobs inflate less)."""
    path = folder / "open.json"
    make_database(path, size)
    journal = path.with_name(path.name + ".journal")

    def parse(loads: Callable[[bytes], object]) -> None:
        loads(path.read_bytes())
        for line in journal.read_bytes().splitlines():
            loads(line)

    sides = {
        "open": lambda: Store.open(path, read_only=True).close(),
        "orjson parse": lambda: parse(orjson.loads),
        "json parse": lambda: parse(json.loads),
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, action in sides.items():
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            action()
            runs[name].append((time.perf_counter() - start, time.process_time() - cpu))
    wall, cpu = (
        {name: statistics.median(sample[i] for sample in samples) for name, samples in runs.items()}
        for i in (0, 1)
    )
    print(f"  open    file {path.stat().st_size / 1e6:.1f} MB, medians of {rounds}:")
    base_wall, base_cpu = wall["orjson parse"], cpu["orjson parse"]
    for name in sides:
        print(
            f"  open    {name:12} wall {wall[name]:6.3f} s ({wall[name] / base_wall:4.2f}x)"
            f"  cpu {cpu[name]:6.3f} s ({cpu[name] / base_cpu:4.2f}x)"
        )


def make_database(path: Path, size: int) -> None:
    """`size` spans folded into the file, then a journal of 300 saves, as a session leaves it."""
    with Store.open(path) as store:
        prefill(store, size)
        store.compact()
        for i in range(300):
            token = WORDS[i % len(WORDS)]
            store.add_span(
                article(i % max(1, size // PER_ARTICLE)),
                "entity",
                "ORG",
                token.start,
                token.end,
                annotator="bench",
            )


#: Prepended to each timed process: at exit it writes its peak memory (VmHWM, KiB) to the file
#: `$BENCH_PEAK`. (The rusage of a child counts the parent's peak it was forked from.)
PEAK = """
import atexit, os
def _peak():
    with open("/proc/self/status") as status, open(os.environ["BENCH_PEAK"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))
atexit.register(_peak)
"""
BARE_PARSE = """
import sys, orjson
path = sys.argv[1]
orjson.loads(open(path, "rb").read())
with open(path + ".journal", "rb") as journal:
    for line in journal:
        orjson.loads(line)
"""
RAWI_STATS = "from tui.cli import main; main()"


def run_process(code: str, args: list[str], checkout: Path | None) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system) and peak memory (MiB) of `python -c code args`;
    `checkout`: where its `annotations` and `tui` are imported from (None: this one)."""
    peak = Path(tempfile.mkstemp()[1])
    env = dict(os.environ, BENCH_PEAK=str(peak))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once, not per run
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    command = [sys.executable, "-c", PEAK + code, *args]
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed")
    kib = int(peak.read_text())
    peak.unlink()
    return wall, usage.ru_utime + usage.ru_stime, kib / 1024


def bench_stats(folder: Path, size: int, before: Path | None, rounds: int = 3) -> None:
    """`rawi stats` as a whole process against a bare python + orjson parse process, in turns;
    medians of `rounds` runs each."""
    path = folder / "stats.json"
    make_database(path, size)
    stats = ["stats", "--db", str(path)]
    sides: dict[str, tuple[str, list[str], Path | None]] = {
        "bare parse": (BARE_PARSE, [str(path)], None),
        "rawi stats": (RAWI_STATS, stats, None),
    }
    if before is not None:
        sides["rawi stats before"] = (RAWI_STATS, stats, before)
    for side in sides.values():  # untimed: compiles the modules, warms the caches
        run_process(*side)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, side in sides.items():
            runs[name].append(run_process(*side))
    bare = [statistics.median(values) for values in zip(*runs["bare parse"], strict=True)]
    for name, samples in runs.items():
        wall, cpu, peak = (statistics.median(values) for values in zip(*samples, strict=True))
        print(
            f"  stats   {name:17} wall {wall:6.3f} s ({wall / bare[0]:4.2f}x)  cpu {cpu:6.3f} s "
            f"({cpu / bare[1]:4.2f}x)  peak {peak:6.0f} MiB ({peak / bare[2]:4.2f}x)"
        )


def bench_counts(folder: Path, size: int) -> None:
    """The article list's counts, after a save (as when coming back from the reader)."""
    path = folder / "counts.json"
    with Store.open(path) as store:
        prefill(store, size)

        def counts(i: int) -> object:
            token = WORDS[i % len(WORDS)]
            store.add_span(article(0), "entity", "LOC", token.start, token.end, annotator="bench")
            start = time.perf_counter()
            result = store.counts_by_article("bench")
            return time.perf_counter() - start, result

        samples = [counts(i)[0] for i in range(20)]
    print(f"  counts  by article {percentiles(samples)}")


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
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--before", type=Path, help="a checkout to time `rawi stats` of too")
    args = parser.parse_args()
    if args.kills:
        crash_loop(args.kills)
        return
    for size in args.sizes:
        print(f"{size:,} annotations in the database")
        for part in args.parts:
            with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as folder:
                run_part(part, Path(folder), size, args.saves, args.before)


PARTS = ("saves", "session", "import", "open", "stats", "counts")


def run_part(part: str, folder: Path, size: int, saves: int, before: Path | None) -> None:
    if part == "saves":
        bench_fsync(folder, saves)
        bench_rawi(folder, size, saves, saves)
        bench_sqlite(folder, size, saves, saves)
        bench_tinydb(folder, size)
    elif part == "session":
        bench_session(folder, size, max(saves, 2000))
    elif part == "import":
        bench_import(folder, size)
    elif part == "open":
        bench_open(folder, size)
    elif part == "stats":
        bench_stats(folder, size, before)
    else:
        bench_counts(folder, size)


if __name__ == "__main__":
    main()
