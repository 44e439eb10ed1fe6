"""Every scheduler gives each task's result to the driver exactly once, however Dask fuses."""

from __future__ import annotations

import importlib.util

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
