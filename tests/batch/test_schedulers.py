"""Every scheduler gives each task's result to the driver exactly once, however Dask fuses."""

from __future__ import annotations

import importlib.util
import os
import time

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
