"""`rawi annotate`: the same output with every scheduler, resumable after kill -9, and used by
`rawi entities`, `rawi suggest` and the reader."""

from __future__ import annotations

import importlib.util
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from annotations.batch import Job, Precomputed, run_job
from annotations.batch.job import Done, JobError, Task, compute_partition
from annotations.batch.manifest import Manifest, PacedWrites
from annotations.batch.partition_files import read_partition
from annotations.corpus import load_corpus
from annotations.entities import recognise
from annotations.session import precomputed_recogniser
from annotations.stories.leads import lead_of
from annotations.stories.naming import namings
from annotations.stories.statements import statements_of
from tui.cli import cli
from tui.cli.progress import annotating_bar

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen_news" / "articles.jsonl"
needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask is not installed (pip install 'rawi[cluster]'; make test installs it)",
)


def annotate(*args: str) -> str:
    result = CliRunner().invoke(cli, ["annotate", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Twelve unseen-news articles: enough for six partitions of two."""
    path = tmp_path / "small.jsonl"
    path.write_bytes(b"".join(UNSEEN.read_bytes().splitlines(keepends=True)[:12]))
    return path


@needs_dask
def test_every_scheduler_writes_the_same_files(small_corpus: Path, tmp_path: Path) -> None:
    outputs = {}
    for scheduler in ("sync", "processes", "dask"):
        out = tmp_path / scheduler
        annotate(
            "--corpus",
            str(small_corpus),
            "-o",
            str(out),
            "--partition-size",
            "2",
            "--scheduler",
            scheduler,
            "--workers",
            "2",
        )
        outputs[scheduler] = folder_bytes(out)
    assert len(outputs["sync"]) == 7  # six partitions and the manifest
    assert outputs["processes"] == outputs["sync"]
    assert outputs["dask"] == outputs["sync"]


def test_records_hold_what_the_commands_print(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    annotate("--corpus", str(small_corpus), "-o", str(out), "--partition-size", "5")
    records = [r for part in sorted(out.glob("part-*.jsonl.gz")) for r in read_partition(part)]
    corpus = load_corpus([small_corpus])
    assert [r["id"] for r in records] == corpus.ids()
    first = corpus[records[0]["id"]]
    assert records[0]["sha256"] == first.sha256
    assert records[0]["entities"] == [e.record(first.id) for e in recognise(first.text)]
    assert set(records[0]["versions"]) == {
        "rawi", "entities", "attribution", "stories", "decisions"
    }


def test_story_features_are_what_stories_and_compare_read(
    small_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    annotate("--corpus", str(small_corpus), "-o", str(out))
    records = [r for part in sorted(out.glob("part-*.jsonl.gz")) for r in read_partition(part)]
    corpus = load_corpus([small_corpus])
    quoted = 0
    for record in records:
        article = corpus[record["id"]]
        entities = recognise(article.text)
        story, lead = record["story"], lead_of(article)
        assert (story["keys"], story["wide_keys"], story["day"]) == (
            lead.keys, lead.wide_keys, lead.day
        )
        statements = statements_of(article, entities)
        assert [(s["start"], s["end"], s["cue"], s["suggested"]) for s in story["statements"]] == [
            (s.start, s.end, s.cue, s.suggested) for s in statements
        ]
        for found in [*story["statements"], *story["namings"]]:
            assert article.text[found["start"] : found["end"]] == found["text"]
        assert [n["actor"] for n in story["namings"]] == [
            n.actor for n in namings(article.id, article.text, entities)
        ]
        quoted += len(statements)
    assert quoted > len(records)  # news quotes: the features are not empty


def test_rawi_entities_and_suggest_use_the_results_and_equal_a_fresh_run(
    small_corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    fresh = {
        command: runner.invoke(cli, [command, "--corpus", str(small_corpus)]).output
        for command in ("entities", "suggest")
    }
    annotate("--corpus", str(small_corpus), "-o", str(tmp_path / "out"))
    results = Precomputed.open(tmp_path / "out")
    assert results is not None
    corpus = load_corpus([small_corpus])
    assert corpus.results_folder == (tmp_path / "out").resolve()
    for command in ("entities", "suggest"):
        assert runner.invoke(cli, [command, "--corpus", str(small_corpus)]).output == fresh[command]


def test_results_are_read_not_computed_when_registered(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotate("--corpus", str(small_corpus), "-o", str(tmp_path / "out"))
    monkeypatch.setattr("annotations.entities.find_entities", _never)
    result = CliRunner().invoke(cli, ["entities", "--corpus", str(small_corpus)])
    assert result.exit_code == 0 and result.output.count("\n") > 50


def test_the_reader_takes_entities_from_the_results(small_corpus: Path, tmp_path: Path) -> None:
    corpus = load_corpus([small_corpus])
    job = Job(corpus_paths=(str(small_corpus),), out_dir=tmp_path / "out")
    run_job(job, corpus)
    results = Precomputed.open(tmp_path / "out")
    assert results is not None
    recognise_from_results = precomputed_recogniser(results, compute=_never)
    article = next(iter(corpus))
    assert recognise_from_results(article.text, []) == recognise(article.text)
    # Other decisions than the run's: computed again.
    with pytest.raises(AssertionError, match="computed"):
        recognise_from_results(article.text, [_decision()])


def test_a_rerun_skips_complete_partitions_and_redoes_changed_ones(
    small_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    annotate("--corpus", str(small_corpus), "-o", str(out), "--partition-size", "4")
    before = folder_bytes(out)
    assert "(0 computed, 3 already done)" in annotate(
        "--corpus", str(small_corpus), "-o", str(out), "--partition-size", "4"
    )
    lines = small_corpus.read_bytes().splitlines(keepends=True)
    record = orjson.loads(lines[5])
    record["text"] += "\nوقال المتحدث إن الاجتماع انتهى."
    lines[5] = orjson.dumps(record) + b"\n"
    small_corpus.write_bytes(b"".join(lines))
    assert "(1 computed, 2 already done)" in annotate(
        "--corpus", str(small_corpus), "-o", str(out), "--partition-size", "4"
    )
    after = folder_bytes(out)
    assert after["part-00000.jsonl.gz"] == before["part-00000.jsonl.gz"]
    assert after["part-00001.jsonl.gz"] != before["part-00001.jsonl.gz"]


def test_kill_9_mid_run_then_rerun_loses_and_duplicates_nothing(
    small_corpus: Path, tmp_path: Path
) -> None:
    clean = tmp_path / "clean"
    annotate("--corpus", str(small_corpus), "-o", str(clean), "--partition-size", "1")
    out = tmp_path / "killed"
    command = [
        sys.executable,
        "-c",
        "from tui.cli import main; main()",
        "annotate",
        "--corpus",
        str(small_corpus),
        "-o",
        str(out),
        "--partition-size",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(out.glob("part-*"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 3 <= len(list(out.glob("part-*"))) < 12, "the kill came too late to test a resume"
    annotate("--corpus", str(small_corpus), "-o", str(out), "--partition-size", "1")
    assert folder_bytes(out) == folder_bytes(clean)  # no leftover temporary file either


def test_a_folder_of_other_files_is_refused(small_corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    result = CliRunner().invoke(
        cli, ["annotate", "--corpus", str(small_corpus), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "holds files but no rawi manifest" in result.output
    assert (tmp_path / "out" / "notes.txt").read_text() == "mine"


def test_a_damaged_manifest_is_refused(small_corpus: Path, tmp_path: Path) -> None:
    corpus = load_corpus([small_corpus])
    job = Job(corpus_paths=(str(small_corpus),), out_dir=tmp_path / "out")
    run_job(job, corpus)
    (tmp_path / "out" / "manifest.json").write_text("{")
    with pytest.raises(JobError, match="remove it to start again"):
        run_job(job, corpus)
    assert Precomputed.open(tmp_path / "out") is None


def test_dask_missing_says_how_to_install(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.setitem(sys.modules, "dask.callbacks", None)
    result = CliRunner().invoke(
        cli,
        [
            "annotate",
            "--corpus",
            str(small_corpus),
            "-o",
            str(tmp_path / "out"),
            "--scheduler",
            "processes",
        ],
    )
    assert result.exit_code == 1
    assert "pip install 'rawi[cluster]'" in result.output


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow not installed")
def test_parquet_partitions_hold_the_same_records(small_corpus: Path, tmp_path: Path) -> None:
    annotate("--corpus", str(small_corpus), "-o", str(tmp_path / "j"), "--partition-size", "6")
    annotate(
        "--corpus",
        str(small_corpus),
        "-o",
        str(tmp_path / "p"),
        "--partition-size",
        "6",
        "--format",
        "parquet",
    )
    for number in range(2):
        jsonl = list(read_partition(tmp_path / "j" / f"part-{number:05d}.jsonl.gz"))
        parquet = list(read_partition(tmp_path / "p" / f"part-{number:05d}.parquet"))
        assert parquet == jsonl


def _never(*_args: object, **_kwargs: object) -> list:
    raise AssertionError("computed instead of read from the results")


def _decision():
    from annotations.entities import AnalystRule

    return AnalystRule("مصر", None)


def test_a_rerun_removes_the_temporary_files_a_kill_left(
    small_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    annotate("--corpus", str(small_corpus), "-o", str(out), "--partition-size", "4")
    finished = folder_bytes(out)
    (out / ".manifest.json.tmp-4242").write_bytes(b'{"half')
    (out / ".part-00001.jsonl.gz.tmp-4243").write_bytes(b"\x1f\x8b")
    annotate("--corpus", str(small_corpus), "-o", str(out), "--partition-size", "4")
    assert folder_bytes(out) == finished


def test_the_longest_partitions_are_computed_first(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last partitions to finish are then the short ones: no worker waits long at the end."""
    started: list[int] = []

    def recorded(task: Task) -> Done:
        started.append(task.number)
        return compute_partition(task)

    monkeypatch.setattr("annotations.batch.job.compute_partition", recorded)
    corpus = load_corpus([small_corpus])
    run_job(Job((str(small_corpus),), tmp_path / "out", partition_size=3), corpus)
    words = [sum(info.words for info in corpus.infos()[n * 3 : n * 3 + 3]) for n in range(4)]
    assert started == sorted(range(4), key=lambda n: -words[n])
    assert started != sorted(started)  # the sample's partitions are not already in that order


def test_the_progress_bar_draws_without_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--scheduler processes` forks its workers only when no other thread runs."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    before = threading.active_count()
    with annotating_bar() as update:
        update(5, 10)
        assert threading.active_count() == before


def blas_threads(pools: list[dict]) -> list[int]:
    return [pool["num_threads"] for pool in pools if pool["user_api"] == "blas"]


def test_each_worker_computes_on_one_blas_thread(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tagger's matrices are small: BLAS's own threads would only wait for each other."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from annotations.batch import article_results

    threads: list[int] = []

    def counted(*args: object) -> dict:
        threads.extend(blas_threads(threadpool_info()))
        return article_results.article_record(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("annotations.batch.job.article_record", counted)
    corpus = load_corpus([small_corpus])
    with threadpool_limits(limits=2, user_api="blas"):  # what numpy takes on 2 cores
        run_job(Job((str(small_corpus),), tmp_path / "out", partition_size=6), corpus)
        assert set(blas_threads(threadpool_info())) == {2}
    assert threads and set(threads) == {1}


def test_compare_reads_the_stored_entities(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compare = ["compare", "--corpus", str(small_corpus), "--json"]
    compare += load_corpus([small_corpus]).ids()[:4]
    fresh = CliRunner().invoke(cli, compare)
    annotate("--corpus", str(small_corpus), "-o", str(tmp_path / "out"))
    monkeypatch.setattr("annotations.stories.comparison.recognise", _never)
    stored = CliRunner().invoke(cli, compare, catch_exceptions=False)
    assert stored.exit_code == 0, stored.output
    assert stored.output == fresh.output
    assert '"quotes": [' in stored.output


def test_the_manifest_is_written_at_most_a_tenth_of_the_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million articles' manifest takes seconds to write: after each partition it would
    keep the driver busy."""
    writes: list[float] = []

    def slow_write(_manifest: Manifest, _folder: Path) -> None:
        writes.append(time.monotonic())
        time.sleep(0.02)

    monkeypatch.setattr(Manifest, "write", slow_write)
    paced = PacedWrites(Manifest([], "jsonl", 100, {}), tmp_path)
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:
        paced()
        time.sleep(0.001)
    gaps = [later - earlier for earlier, later in itertools.pairwise(writes)]
    assert len(writes) >= 2 and min(gaps) >= 0.2


def test_partitions_done_before_a_failure_stay_in_the_manifest(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails_on_the_third(task: Task) -> Done:
        if len(list((tmp_path / "out").glob("part-*"))) == 2:
            raise RuntimeError("worker lost")
        return compute_partition(task)

    monkeypatch.setattr("annotations.batch.job.compute_partition", fails_on_the_third)
    monkeypatch.setattr(PacedWrites, "SHARE", 1e-9)  # no write after the first partition
    corpus = load_corpus([small_corpus])
    with pytest.raises(RuntimeError, match="worker lost"):
        run_job(Job((str(small_corpus),), tmp_path / "out", partition_size=3), corpus)
    manifest = Manifest.read(tmp_path / "out")
    assert manifest is not None and len(manifest.partitions) == 2
