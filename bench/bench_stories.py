"""Stories benchmark: story grouping on ANT v2.1 (31,523 articles) against the hand-judged pairs.

Run by hand: `.venv/bin/python bench/bench_stories.py [--threshold T ...] [--window DAYS]`.
Prints figures and the issue's targets beside them, asserts nothing.

- Data: `ant-v2.1.jsonl.gz` in `$RAWI_CORPORA_DIR`, else `../shared/corpora` beside the checkout;
  the corpus index is made in `$RAWI_BENCH_DIR` (else a temporary folder) on the first run.
- Quality: on tests/data/story_pairs/pairs.jsonl, a pair is predicted same when both articles end
  up in one story of the whole corpus. Pair precision and recall are printed for all pairs and for
  the even- and odd-numbered halves (the score's weights were chosen on the even half only), and
  the near-duplicate checks (same outlet: true ones in one story, look-alikes apart).
- Incremental: the corpus grouped without its `--added` newest articles, then those grouped in,
  timed against a full grouping of the whole in the same run, and the judged pairs compared.
- Time and memory: the leads (reading and folding every article) and the grouping, in process;
  then whole `rawi stories --json` processes, cold (no stories cache; the corpus index made
  beforehand) and warm (cached), and `rawi compare` of two articles of one story as a process
  and in process (`compare()` alone, the entity model loaded), with each process's peak RSS.
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT))
PAIRS = ROOT / "tests" / "data" / "story_pairs" / "pairs.jsonl"
ANT = "ant-v2.1.jsonl.gz"


def corpora_dir() -> Path:
    return Path(os.environ.get("RAWI_CORPORA_DIR") or ROOT.parent / "shared" / "corpora")


RAWI = [sys.executable, "-c", "from tui.cli import main; main()"]


def run(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, max RSS in MB, CPU seconds) of one run of `command` in the checkout (output
    dropped). On a shared machine the CPU time says what the wall time would be on idle cores."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, usage.ru_maxrss / 1024, cpu


def processes(corpus: Path, index: Path, runs: int) -> None:
    """Whole `rawi stories` (cold, warm) and `rawi compare` runs."""
    from annotations.corpus import load_corpus
    from annotations.stories import cached_stories, compare

    base = [*RAWI, "--corpus", str(corpus)]
    cold = []
    for _ in range(runs):
        for old in index.parent.glob(f"{index.stem}.stories-*"):
            old.unlink()
        cold.append(run([*base, "stories", "--json"]))
    warm = [run([*base, "stories", "--json"]) for _ in range(runs)]
    for label, samples, target in (("cold", cold, 60), ("warm", warm, 2)):
        walls = [wall for wall, _, _ in samples]
        print(f"rawi stories {label}: median {statistics.median(walls):.2f} s "
              f"(min {min(walls):.2f}, max {max(walls):.2f}, n={runs}), "
              f"CPU median {statistics.median(c for _, _, c in samples):.1f} s, "
              f"max RSS {max(r for _, r, _ in samples):.0f} MB, load {os.getloadavg()[0]:.1f}  "
              f"target <= {target} s")
    loaded = load_corpus([corpus])
    story = max(cached_stories(loaded), key=lambda s: len(s.outlets))
    pair = list(story.articles[:2])
    whole = [run([*base, "compare", *pair, "--json"]) for _ in range(runs)]
    wall = statistics.median(w for w, _, _ in whole)
    print(f"rawi compare {' '.join(pair)}: median {wall:.2f} s as a process, "
          f"max RSS {max(r for _, r, _ in whole):.0f} MB")
    articles = [loaded[i] for i in pair]
    compare(articles)  # loads the entity model
    inside = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        compare(articles)
        inside.append(time.perf_counter() - start)
    print(f"compare() of the two, in process: median {statistics.median(inside) * 1000:.0f} ms "
          f"(min {min(inside) * 1000:.0f})  target <= 300 ms")


class _Without:
    """A corpus without some of its articles (what `regroup` reads of one)."""

    def __init__(self, corpus, left_out: set[str]) -> None:
        self.corpus, self.left_out = corpus, left_out

    def infos(self):
        return [info for info in self.corpus.infos() if info.id not in self.left_out]

    def __getitem__(self, article_id: str):
        return self.corpus[article_id]

    def __iter__(self):
        return (a for a in self.corpus if a.id not in self.left_out)


def incremental(corpus, pairs: list[dict], added: int, options) -> None:
    """The `added` newest articles grouped in against a full grouping, in the same run."""
    from annotations.stories.incremental import regroup

    newest = sorted(corpus.infos(), key=lambda info: info.published or "")[-added:]
    start = time.perf_counter()
    earlier = regroup(_Without(corpus, {info.id for info in newest}), options, None)
    print(f"grouping without the {added} newest (setup): {time.perf_counter() - start:.1f} s")
    timings = {}
    for label, previous in (("added", earlier), ("full", None)):
        start, cpu = time.perf_counter(), time.process_time()
        grouping = regroup(corpus, options, previous)
        timings[label] = (time.perf_counter() - start, time.process_time() - cpu, grouping)
        print(f"  {label}: {grouping.how}, {timings[label][0]:.1f} s wall, "
              f"{timings[label][1]:.1f} s CPU, load {os.getloadavg()[0]:.1f}")
    (wall, _, by_adding), (full_wall, _, full) = timings["added"], timings["full"]
    print(f"adding the {added} newest: {wall:.1f} s against {full_wall:.1f} s for a full "
          f"grouping ({wall / full_wall:.2f}x)")
    ids = [{a: s.id for s in g.stories for a in s.articles} for g in (by_adding, full)]
    differ = sum(together(ids[0], p) != together(ids[1], p) for p in pairs)
    stories = [{s.articles for s in g.stories} for g in (by_adding, full)]
    print(f"  judged pairs decided otherwise: {differ} of {len(pairs)}; stories not in both: "
          f"{len(stories[0] ^ stories[1])} (of {len(stories[1])})")


def together(story_of: dict[str, str], pair: dict) -> bool:
    """Whether the pair's two articles are in one story."""
    return story_of.get(pair["a"], "-a") == story_of.get(pair["b"], "-b")


def pair_scores(story_of: dict[str, str], pairs: list[dict]) -> tuple[float, float, int]:
    """(precision, recall, pairs predicted same) of `pairs` (positives and hard negatives)."""
    same = [p for p in pairs if together(story_of, p)]
    right = sum(p["same_event"] for p in same)
    positives = sum(p["same_event"] for p in pairs)
    return right / max(1, len(same)), right / max(1, positives), len(same)


def report(story_of: dict[str, str], pairs: list[dict]) -> None:
    scored = [(n, p) for n, p in enumerate(pairs) if p["kind"] != "near_duplicate"]
    for label, chosen in (
        ("all pairs", [p for _, p in scored]),
        ("even half (tuned on)", [p for n, p in scored if n % 2 == 0]),
        ("odd half (held out)", [p for n, p in scored if n % 2 == 1]),
    ):
        precision, recall, same = pair_scores(story_of, chosen)
        print(f"  {label:<22} precision {precision:.3f}  recall {recall:.3f}  "
              f"({same} predicted same of {len(chosen)})  target >= 0.95 / >= 0.80")
    checks = [p for p in pairs if p["kind"] == "near_duplicate"]
    right = sum(together(story_of, p) == p["same_event"] for p in checks)
    print(f"  near-duplicate checks  {right} of {len(checks)} right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, nargs="*", default=[])
    parser.add_argument("--window", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=3, help="Runs of each timed process.")
    parser.add_argument("--skip-processes", action="store_true", help="Only the pair figures.")
    parser.add_argument("--added", type=int, default=300,
                        help="Newest articles grouped in, against a full grouping (0: skip).")
    args = parser.parse_args()
    work = Path(os.environ.get("RAWI_BENCH_DIR") or tempfile.mkdtemp(prefix="rawi-bench-"))
    os.environ["RAWI_CACHE"] = str(work)
    from annotations.corpus import load_corpus
    from annotations.stories import StoryOptions, leads_of
    from annotations.stories.grouping import stories_of_leads

    corpus = load_corpus([corpora_dir() / ANT])
    if not args.skip_processes:
        processes(corpora_dir() / ANT, corpus.index.path, args.runs)
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    if args.added:
        incremental(corpus, pairs, args.added, StoryOptions(window=args.window))
    start = time.perf_counter()
    leads = leads_of(corpus)
    print(f"{len(leads)} articles; leads in {time.perf_counter() - start:.1f} s")
    for threshold in args.threshold or [StoryOptions().threshold]:
        options = StoryOptions(window=args.window, threshold=threshold)
        start = time.perf_counter()
        stories = stories_of_leads(leads, options)
        seconds = time.perf_counter() - start
        grouped = sum(len(story.articles) for story in stories)
        print(f"threshold {threshold}: {len(stories)} stories of {grouped} articles, "
              f"grouped in {seconds:.1f} s")
        report({a: story.id for story in stories for a in story.articles}, pairs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process {peak:.0f} MB")


if __name__ == "__main__":
    main()
