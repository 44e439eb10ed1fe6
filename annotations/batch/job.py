"""A batch job: plan the partitions of a corpus, compute those not done, keep the manifest.

The driver (this process) reads the corpus index, skips every partition already complete for
the same articles and versions, and sends the rest to a scheduler; each task loads the corpus
from its index (shared storage on a cluster), computes its articles and writes its partition
file; the driver records each finished partition in the manifest as it comes in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from threadpoolctl import threadpool_limits

from annotations.batch.article_results import article_record, decisions_digest, model_versions
from annotations.batch.manifest import (
    Manifest,
    ManifestError,
    PacedWrites,
    PartitionEntry,
    partition_key,
)
from annotations.batch.partition_files import partition_name, remove_leftovers, write_partition
from annotations.batch.schedulers import run_tasks
from annotations.corpus import Article, Corpus, load_corpus
from annotations.corpus.corpus import Partition
from annotations.entities import AnalystRule

Progress = Callable[[int, int], None]
WARM_UP_ID = "warm-up"
WARM_UP_TEXT = (
    "القاهرة (رويترز) - قال الرئيس المصري عبد الفتاح السيسي يوم الاثنين في مؤتمر صحفي مع "
    "وزير الخارجية الأمريكي إن «المحادثات كانت مثمرة»، وأضاف أن الأمم المتحدة ستعقد اجتماعا."
)


class JobError(RuntimeError):
    """A job that cannot start or whose workers do not agree with the driver."""


@dataclass(frozen=True)
class Job:
    """What to compute and where: `corpus_paths` () means the bundled seeds."""

    corpus_paths: tuple[str, ...]
    out_dir: Path
    output_format: str = "jsonl"
    partition_size: int = 100
    decisions: tuple[AnalystRule, ...] = ()
    scheduler: str = "sync"
    workers: int | None = None
    address: str | None = None


@dataclass(frozen=True)
class Task:
    """One partition to compute, as sent to a worker (plain, picklable values)."""

    corpus_paths: tuple[str, ...]
    out_dir: str
    output_format: str
    number: int
    first: int
    stop: int | None
    decisions: tuple[AnalystRule, ...]
    versions: dict[str, str]


@dataclass(frozen=True)
class Done:
    number: int
    entry: PartitionEntry


@dataclass
class JobSummary:
    partitions: int = 0
    computed: int = 0
    skipped: int = 0
    articles: int = 0
    leftovers_removed: int = 0
    seconds: float = 0.0
    out_dir: Path = field(default_factory=Path)


def run_job(job: Job, corpus: Corpus, progress: Progress | None = None) -> JobSummary:
    """Compute every partition of `corpus` not already complete in `job.out_dir`."""
    started = time.perf_counter()
    out_dir = job.out_dir
    manifest = _manifest(job, out_dir)
    summary = JobSummary(out_dir=out_dir, leftovers_removed=len(remove_leftovers(out_dir)))
    versions = {**model_versions(), "decisions": decisions_digest(job.decisions)}
    fresh = Manifest(
        corpus=list(job.corpus_paths),
        output_format=job.output_format,
        partition_size=job.partition_size,
        versions=versions,
    )
    tasks: list[tuple[int, Task]] = []
    infos = corpus.infos()
    partitions = corpus.partitions(job.partition_size)
    for partition in partitions:
        first = partition.number * job.partition_size
        chunk = infos[first : first + job.partition_size]
        articles = [[info.id, info.sha256] for info in chunk]
        key = partition_key(articles, versions, job.output_format)
        name = f"{partition.number:05d}"
        if manifest is not None and manifest.done(out_dir, partition.number, key):
            fresh.partitions[name] = manifest.partitions[name]
            summary.skipped += 1
        else:
            words = sum(info.words for info in chunk)
            tasks.append((words, _task(job, partition, versions)))
    summary.partitions, summary.articles = len(partitions), len(infos)
    fresh.write(out_dir)
    done_articles = sum(len(e.articles) for e in fresh.partitions.values())
    if progress:
        progress(done_articles, len(infos))

    record_progress = PacedWrites(fresh, out_dir)

    def finished(done: Done) -> None:
        nonlocal done_articles
        fresh.partitions[f"{done.number:05d}"] = done.entry
        record_progress()
        summary.computed += 1
        done_articles += len(done.entry.articles)
        if progress:
            progress(done_articles, len(infos))

    try:
        run_tasks(
            compute_partition,
            longest_first(tasks),
            finished,
            scheduler=job.scheduler,
            workers=job.workers,
            address=job.address,
            warm_up=load_models,
        )
    finally:
        fresh.write(out_dir)
    if summary.computed != len(tasks):
        raise JobError(
            f"{len(tasks) - summary.computed} of {len(tasks)} partitions came back without a "
            "result: run again to compute them"
        )
    _remove_unlisted(out_dir, fresh)
    fresh.articles, fresh.complete = len(infos), True
    fresh.write(out_dir)
    corpus.register_results(out_dir)
    summary.seconds = time.perf_counter() - started
    return summary


def compute_partition(task: Task) -> Done:
    """Compute and write one partition (in a worker): its file, then what the manifest keeps."""
    versions = {**model_versions(), "decisions": decisions_digest(task.decisions)}
    if versions != task.versions:
        raise JobError(
            f"this worker computes with versions {versions}, the job with {task.versions}: "
            "run the same rawi version on every worker"
        )
    corpus = _worker_corpus(task.corpus_paths)
    partition = Partition(task.number, task.first, task.stop)
    with one_core():
        records = [
            article_record(article, task.decisions, versions)
            for article in corpus.articles_in(partition)
        ]
    name = partition_name(task.number, task.output_format)
    write_partition(Path(task.out_dir) / name, records, task.output_format)
    articles = [[r["id"], r["sha256"]] for r in records]
    key = partition_key(articles, versions, task.output_format)
    return Done(task.number, PartitionEntry(name, key, articles))


def longest_first(sized: list[tuple[int, Task]]) -> list[Task]:
    """The tasks, the most words first (ties in corpus order): the last ones to finish are
    then short, so no worker waits long for the others at the end."""
    return [task for _, task in sorted(sized, key=lambda pair: (-pair[0], pair[1].number))]


def load_models() -> None:
    """Load what computing a record loads on first use (models, lists, versions), by
    computing one for a short text."""
    versions = {**model_versions(), "decisions": decisions_digest(())}
    article_record(Article(WARM_UP_ID, WARM_UP_TEXT), (), versions)


def one_core() -> AbstractContextManager:
    """The neural tagger's matrix products on this thread alone: a worker is one core. Its
    matrices are small, so BLAS's own threads mostly wait for each other (on 2 busy cores,
    a partition took 3x the CPU with them)."""
    return threadpool_limits(limits=1, user_api="blas")


_corpora: dict[tuple[str, ...], Corpus] = {}
_corpora_lock = threading.Lock()


def _worker_corpus(paths: tuple[str, ...]) -> Corpus:
    """The corpus, opened once per worker process from its index."""
    with _corpora_lock:
        if paths not in _corpora:
            _corpora[paths] = load_corpus(paths or None)
        return _corpora[paths]


def _task(job: Job, partition: Partition, versions: dict[str, str]) -> Task:
    return Task(
        corpus_paths=job.corpus_paths,
        out_dir=str(job.out_dir),
        output_format=job.output_format,
        number=partition.number,
        first=partition.first,
        stop=partition.stop,
        decisions=job.decisions,
        versions=versions,
    )


def _manifest(job: Job, out_dir: Path) -> Manifest | None:
    """The folder's manifest (None for a new folder); JobError for a folder of other files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        manifest = Manifest.read(out_dir)
    except ManifestError as error:
        raise JobError(f"{error}: remove it to start again") from None
    if manifest is None and any(out_dir.iterdir()):
        raise JobError(f"{out_dir} holds files but no rawi manifest: choose an empty folder")
    return manifest


def _remove_unlisted(out_dir: Path, manifest: Manifest) -> None:
    """Partition files of an earlier run that this corpus no longer has."""
    listed = {entry.file for entry in manifest.partitions.values()}
    for path in [*out_dir.glob("part-*.jsonl.gz"), *out_dir.glob("part-*.parquet")]:
        if path.name not in listed:
            path.unlink()
