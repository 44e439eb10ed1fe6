"""Archive benchmark: the corpus index and search on ANT v2.1 (31,523 articles), against the seeds.

Run by hand: `.venv/bin/python bench/bench_archive.py [--runs N] [--skip-x10]`. Prints numbers
and the issue's targets beside them, asserts nothing.

- Data: `ant-v2.1.jsonl.gz` in `$RAWI_CORPORA_DIR`, else `../shared/corpora` beside the checkout.
- Work folder: `$RAWI_BENCH_DIR` (else a temporary folder): the corpus indexes (`RAWI_CACHE` is
  pointed there) and ANT x10, made once (315,230 articles: every record ten times, ids renamed).
- Whole commands are timed as processes (the `rawi` next to this Python), each pair run A B A B...
  so that the ratios hold while the shared machine's speed drifts; peak memory is the child's
  max RSS; children write and use bytecode caches (`PYTHONDONTWRITEBYTECODE` dropped), as an
  installed rawi does. The app's first frame runs in a fresh process; the filter keystrokes
  (`TYPED`) are timed inside a headless app, from the key event to the field's repaint and to
  the repaint of the list filtered for it (`--keys-only`: only them, on an index already built;
  `--against CHECKOUT`: only them, in child processes taking turns with another checkout's
  code, e.g. an export of main, `--rounds` times each, each side with its own index).
- Every figure is printed with the load average: the machine may be shared.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAWI = str(Path(sys.executable).with_name("rawi"))
ANT = "ant-v2.1.jsonl.gz"
QUERY = "ترامب"


def load() -> str:
    """The load average of the last minute (the machine is shared: every figure says it)."""
    return f"load {os.getloadavg()[0]:.1f}"


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


def child_env() -> dict[str, str]:
    """This environment, with bytecode caches written and used as an installed rawi does."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], show_stderr: bool = False) -> tuple[float, float]:
    """(wall seconds, max RSS in MB) of one run of `command` (its output thrown away)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=None if show_stderr else subprocess.DEVNULL,
        env=child_env(),
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


def paired(label: str, a: list[str], b: list[str], runs: int) -> float:
    """Median of A/B ratios over `runs` interleaved pairs (after one warm-up of each)."""
    run(a), run(b)
    ratios, walls_a, walls_b, rss = [], [], [], []
    for _ in range(runs):
        wall_a, rss_a = run(a)
        wall_b, _ = run(b)
        ratios.append(wall_a / wall_b)
        walls_a.append(wall_a)
        walls_b.append(wall_b)
        rss.append(rss_a)
    ratio = statistics.median(ratios)
    print(
        f"  {label:<44} {statistics.median(walls_a) * 1000:7.0f} ms vs "
        f"{statistics.median(walls_b) * 1000:6.0f} ms  ratio {ratio:5.2f}  "
        f"max RSS {max(rss):5.0f} MB  (n={runs}, {load()})"
    )
    return ratio


def times_ten(source: Path, target: Path) -> Path:
    """ANT ten times over, ids renamed (`<id>~k`), as one JSONL file (made once)."""
    if target.exists():
        return target
    import orjson

    partial = target.with_suffix(".partial")
    with gzip.open(source, "rb") as lines, partial.open("wb") as out:
        records = [orjson.loads(line) for line in lines if line.strip()]
        for copy in range(10):
            for record in records:
                out.write(orjson.dumps({**record, "id": f"{record['id']}~{copy}"}) + b"\n")
    partial.rename(target)
    return target


def middle_article(corpus: Path) -> str:
    from annotations.corpus import load_corpus

    ids = load_corpus([corpus]).ids()
    return ids[len(ids) // 2]


CHILD = """
import sys, time
START = time.perf_counter()
from pathlib import Path
sys.path.insert(0, {root!r})
from annotations.corpus import load_corpus
from tui.app import RawiApp
paths, tmp = sys.argv[1:-1], Path(sys.argv[-1])
class Timed(RawiApp):
    def on_ready(self):
        print(time.perf_counter() - START)
        self.exit()
corpus = load_corpus([Path(p) for p in paths] or None)
Timed(corpus, tmp / "db.json", "bench", config_path=tmp / "c.toml").run(
    headless=True, size=(120, 36))
"""


def first_frame(paths: list[str], work: Path, runs: int) -> list[float]:
    script = CHILD.format(root=str(ROOT))
    samples = []
    for _ in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", script, *paths, str(work)],
            capture_output=True,
            text=True,
            check=True,
            env=child_env(),
        )
        samples.append(float(out.stdout.split()[-1]))
    return samples[1:]


#: What is typed into the list's filter, each after `/` and followed by Escape: a name, a
#: definite word (its ال is common to all) and two words (the first letter of the second).
#: The first letter of each matches almost every title.
TYPED = ("ترامب", "الرئيس", "البيت الأبيض")
#: Time between two keys typed (a fast typist's).
KEY_GAP = 0.15


Keystroke = tuple[str, float, float, float]


async def filter_keystrokes(corpus_path: Path, work: Path) -> list[Keystroke]:
    """Each key of the `TYPED` words typed into `/` on the whole corpus (every row read,
    entities being counted in the background): milliseconds from the key to the first repaint
    (the field echoes it) and to the repaint that shows the list filtered for the text so far,
    and the processor time the app's process used meanwhile (all its threads)."""
    from textual import events

    from annotations.corpus import load_corpus
    from tui.app import RawiApp

    app = RawiApp(
        load_corpus([corpus_path]), work / "db.json", "bench", config_path=work / "c.toml"
    )
    results = []
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        while screen.arriving:
            await asyncio.sleep(0.01)
        #: Repaint times since the key, and the time of the first that showed `wanted`.
        painted: list[float] = []
        wanted: list[str] = [""]
        done = asyncio.Event()
        repaint = screen._compositor_refresh

        def timed_repaint() -> None:  # no polling: a busy bench would slow the app's threads
            repaint()
            painted.append(time.perf_counter())
            if screen.shown == (wanted[0], None) and not done.is_set():
                done.set()

        screen._compositor_refresh = timed_repaint
        for word in TYPED:
            await pilot.press("slash")
            for index, key in enumerate(word):
                await asyncio.sleep(KEY_GAP)
                painted.clear()
                done.clear()
                wanted[0] = word[: index + 1].strip()
                cpu, start = time.process_time(), time.perf_counter()
                app.post_message(events.Key("space" if key == " " else key, key))
                await asyncio.wait_for(done.wait(), 30)
                results.append(
                    (
                        key,
                        (painted[0] - start) * 1000,
                        (painted[-1] - start) * 1000,
                        (time.process_time() - cpu) * 1000,
                    )
                )
            await pilot.press("escape")
            await asyncio.sleep(KEY_GAP)
    return results


def p95(values: list[float]) -> float:
    """The 95th percentile (the nearest rank)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(len(ordered) * 0.95) - 1, 0)]


def summary(keys: list[Keystroke]) -> str:
    walls = [shown for _key, _echo, shown, _cpu in keys]
    cpus = [cpu for _key, _echo, _shown, cpu in keys]
    return (
        f"to the filtered list median {statistics.median(walls):.0f} ms, p95 {p95(walls):.0f} "
        f"ms, worst {max(walls):.0f} ms, {sum(wall <= 100 for wall in walls)} of {len(walls)} "
        f"within 100 ms; processor median {statistics.median(cpus):.0f} ms, p95 "
        f"{p95(cpus):.0f} ms"
    )


def type_keys(ant: Path, work: Path) -> None:
    """Time the filter keystrokes and print them."""
    keys = asyncio.run(filter_keystrokes(ant, work))
    print(
        f"  filter keystrokes, {KEY_GAP * 1000:.0f} ms apart ({load()}): to the echo / to the "
        "filtered list (target <= 100 ms) / processor time"
    )
    for key, echo, shown, cpu in keys:
        print(f"    {key}  {echo:4.0f} / {shown:4.0f} / {cpu:4.0f} ms")
    print(f"    {summary(keys)}")


def keys_against(ant: Path, work: Path, other: Path, rounds: int) -> None:
    """The filter keystrokes with this checkout's code and `other`'s, taking turns in child
    processes (the bench's own typing for both), each side with its own index."""
    sides = {"this": ROOT, "other": other.resolve()}
    keys: dict[str, list[Keystroke]] = {side: [] for side in sides}
    for round_ in range(rounds):
        for side, code in sides.items():
            env = {**child_env(), "RAWI_BENCH_DIR": str(work), "RAWI_CACHE": str(work / side)}
            out = subprocess.run(
                [sys.executable, __file__, "--keys-json", "--code", str(code)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            typed = [tuple(key) for key in json.loads(out.stdout.splitlines()[-1])]
            keys[side] += typed
            print(f"  round {round_ + 1}, {side} ({code}, {load()}): {summary(typed)}")
    for side, code in sides.items():
        print(f"  {side} ({code}), all rounds: {summary(keys[side])}")
    per_key = len(keys["this"]) // rounds
    print("  each key, median over the rounds: to the filtered list / processor time, this | other")
    for n in range(per_key):
        cells = []
        for side in sides:
            typed = keys[side][n::per_key]
            walls = [shown for _key, _echo, shown, _cpu in typed]
            cpus = [cpu for _key, _echo, _shown, cpu in typed]
            cells.append(f"{statistics.median(walls):4.0f} / {statistics.median(cpus):3.0f} ms")
        print(f"    {keys['this'][n][0]}  {cells[0]}  |  {cells[1]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-x10", action="store_true")
    parser.add_argument("--keys-only", action="store_true")
    parser.add_argument("--against", type=Path, help="another checkout to type keys with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keys-json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.code:  # a child of --against: the app's code from that checkout
        sys.path.insert(0, str(args.code))
    ant = corpora_dir() / ANT
    if not ant.is_file():
        raise SystemExit(f"{ant} not found: set RAWI_CORPORA_DIR")
    work = Path(os.environ.get("RAWI_BENCH_DIR") or tempfile.mkdtemp())
    if args.keys_json:  # its index is the one `keys_against` chose
        print(json.dumps(asyncio.run(filter_keystrokes(ant, work))))
        return
    os.environ["RAWI_CACHE"] = str(work / "cache")
    with_ant = [RAWI, "--corpus", str(ant)]
    if args.against:
        keys_against(ant, work, args.against, args.rounds)
        return
    print(f"ANT v2.1: {ant.name}, index in {work / 'cache'}")
    if args.keys_only:
        type_keys(ant, work)
        return
    wall, rss = run([*with_ant, "index", "--rebuild"], show_stderr=True)
    print(
        f"  cold index build (rawi index --rebuild)      {wall:7.1f} s  max RSS {rss:.0f} MB"
        f"  (target <= 60 s, {load()})"
    )
    run([RAWI, "list"])  # the seeds' index
    seed = "004_071c99c05025decd"
    middle = middle_article(ant)
    list_ratio = paired("warm list: ANT vs seeds", [*with_ant, "list"], [RAWI, "list"], args.runs)
    show_ratio = paired(
        "warm show ID: ANT vs seeds",
        [*with_ant, "show", middle],
        [RAWI, "show", seed],
        args.runs,
    )
    search_ratio = paired(
        f"search {QUERY}: ANT vs seeds' list",
        [*with_ant, "search", QUERY],
        [RAWI, "list"],
        args.runs,
    )
    print(
        f"  targets: list <= 10x and RSS <= 150 MB ({list_ratio:.2f}x), "
        f"show <= 1.3x ({show_ratio:.2f}x), search <= 3x ({search_ratio:.2f}x)"
    )

    frames_ant = first_frame([str(ant)], work, args.runs)
    frames_seeds = first_frame([], work, args.runs)
    ratio = statistics.median(frames_ant) / statistics.median(frames_seeds)
    print(
        f"  app first frame: ANT {statistics.median(frames_ant) * 1000:.0f} ms, seeds "
        f"{statistics.median(frames_seeds) * 1000:.0f} ms, ratio {ratio:.2f} (target <= 1.5, "
        f"{load()})"
    )
    type_keys(ant, work)

    if args.skip_x10:
        return
    big = times_ten(ant, work / "ant-x10.jsonl")
    with_big = [RAWI, "--corpus", str(big)]
    wall, rss = run([*with_big, "index"], show_stderr=True)
    print(f"ANT x10 (315,230 articles): index {wall:.1f} s, max RSS {rss:.0f} MB ({load()})")
    big_middle = f"{middle}~5"
    for label, big_command, small_command in (
        ("show ID", [*with_big, "show", big_middle], [*with_ant, "show", middle]),
        (f"search {QUERY}", [*with_big, "search", QUERY], [*with_ant, "search", QUERY]),
        (
            "list --limit 100",
            [*with_big, "list", "--limit", "100"],
            [*with_ant, "list", "--limit", "100"],
        ),
    ):
        paired(f"warm {label}: x10 vs ANT (target <= 2)", big_command, small_command, args.runs)


if __name__ == "__main__":
    main()
