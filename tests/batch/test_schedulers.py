"""Every scheduler gives each task's result to the driver exactly once and starts the tasks in
the order given; `processes` forks its workers after the warm-up."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.batch.schedulers import run_tasks

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask is not installed (pip install 'rawi[cluster]'; make test installs it)",
)


def square(number: int) -> int:
    return number * number


@pytest.mark.parametrize(
    "scheduler",
    [
        "sync",
        pytest.param("threads", marks=needs_dask),
        pytest.param("processes", marks=needs_dask),
    ],
)
@pytest.mark.parametrize("count", [1, 2, 5])
def test_each_result_arrives_once(scheduler: str, count: int) -> None:
    results: list[int] = []
    run_tasks(square, list(range(count)), results.append, scheduler=scheduler, workers=2)
    assert sorted(results) == [n * n for n in range(count)]


def test_no_tasks_no_results() -> None:
    results: list[int] = []
    run_tasks(square, [], results.append, scheduler="threads")
    assert results == []


def pid_after_a_while(_: int) -> int:
    time.sleep(0.3)
    return os.getpid()


@needs_dask
def test_processes_share_the_tasks_among_the_workers() -> None:
    """Dask's processes scheduler hands tasks out in chunks of six by default: four partitions
    would all run in one worker."""
    pids: list[int] = []
    run_tasks(pid_after_a_while, list(range(4)), pids.append, scheduler="processes", workers=2)
    assert len(set(pids)) == 2


def started_at(number: int) -> tuple[int, int]:
    return number, time.monotonic_ns()


@pytest.mark.parametrize(
    "scheduler",
    [
        "sync",
        pytest.param("threads", marks=needs_dask),
        pytest.param("processes", marks=needs_dask),
        pytest.param("dask", marks=needs_dask),
    ],
)
def test_tasks_start_in_the_order_given(scheduler: str) -> None:
    """Dask orders independent tasks its own way (for 20: 9, 8, ..., 2, 19, 18, ...); the
    longest partitions must go first whatever it would choose."""
    tasks = [7, 3, 19, 0, 12, *range(20, 35), 1, 2]
    results: list[tuple[int, int]] = []
    run_tasks(started_at, tasks, results.append, scheduler=scheduler, workers=1)
    assert [number for number, _ in sorted(results, key=lambda pair: pair[1])] == tasks


FORKED_AFTER_WARM_UP = """
import os, sys, threading
from annotations.batch.schedulers import run_tasks

warmed_up = []

def warm_up():
    warmed_up.append(os.getpid())

def warmed_up_in(_):  # Dask sends this function by value: it reads the module's list
    return os.getpid(), list(sys.modules["__main__"].warmed_up)

if __name__ == "__main__":
    if sys.argv[1] == "another thread":
        threading.Thread(target=threading.Event().wait, daemon=True).start()
    results = []
    run_tasks(warmed_up_in, [1, 2, 3, 4], results.append, scheduler="processes", workers=2,
              warm_up=warm_up)
    print(repr((os.getpid(), warmed_up, results)))
"""


def run_with_warm_up(
    folder: Path, threads: str
) -> tuple[int, list[int], list[tuple[int, list[int]]]]:
    """(the driver's pid, who warmed up in the driver, (pid, who warmed up) per task), from a
    fresh process: one that ran Dask's thread pool or a cluster has threads left over."""
    script = folder / "warm_up.py"
    script.write_text(FORKED_AFTER_WARM_UP)
    done = subprocess.run(
        [sys.executable, str(script), threads],
        capture_output=True, text=True, check=True,
    )
    return ast.literal_eval(done.stdout)


@needs_dask
@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_processes_fork_after_the_warm_up(tmp_path: Path) -> None:
    """The warm-up runs once, in the driver, before the workers start: they inherit it."""
    driver, warmed_up, results = run_with_warm_up(tmp_path, "no other thread")
    assert warmed_up == [driver]
    assert all(pid != driver and seen == [driver] for pid, seen in results)


@needs_dask
def test_with_another_thread_running_each_worker_warms_up_itself(tmp_path: Path) -> None:
    """Forking while another thread runs could copy a lock it holds: the workers are then
    started afresh and each calls the warm-up as it starts."""
    driver, warmed_up, results = run_with_warm_up(tmp_path, "another thread")
    assert warmed_up == []
    assert all(pid != driver and seen == [pid] for pid, seen in results)


def worker_settings(_: int) -> tuple[str | None, bool]:
    import dask

    profiling = dask.config.get("distributed.worker.profile.enabled")
    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), profiling


@needs_dask
def test_the_local_cluster_runs_without_profiler_or_memory_trimming() -> None:
    """Dask's Nanny has glibc return freed memory at once (the tagger's arrays are then mapped
    afresh each time: 15-25% more CPU) and its workers sample their stacks every 10 ms."""
    results: list[tuple[str | None, bool]] = []
    run_tasks(worker_settings, [1, 2], results.append, scheduler="dask", workers=2)
    assert results == [(None, False), (None, False)]
