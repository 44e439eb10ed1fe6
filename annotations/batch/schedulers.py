"""Running one function over many tasks: in this process, or with Dask.

`sync` is a plain loop. `threads` and `processes` are Dask's local schedulers over a `dask.bag`
of the tasks; `dask` is a `distributed` cluster: the one at `address`, else a local cluster of
`workers` processes on loopback. Every scheduler calls `on_done` in this process, once per task,
as results come in (in any order).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SCHEDULERS = ("sync", "threads", "processes", "dask")
INSTALL_HINT = "pip install 'rawi[cluster]'"


class SchedulerMissing(RuntimeError):
    """The scheduler asked for needs a package that is not installed."""


def run_tasks(
    work: Callable[[T], R],
    tasks: Sequence[T],
    on_done: Callable[[R], None],
    *,
    scheduler: str = "sync",
    workers: int | None = None,
    address: str | None = None,
) -> None:
    """`work(task)` for every task, each result given to `on_done` in this process."""
    if scheduler == "sync":
        for task in tasks:
            on_done(work(task))
        return
    if not tasks:
        return
    if scheduler == "dask":
        _run_distributed(_bag(tasks).map(work), on_done, workers, address)
    elif scheduler in ("threads", "processes"):
        _run_local(work, tasks, on_done, scheduler, workers)
    else:
        raise ValueError(f"unknown scheduler {scheduler!r}")


def _bag(tasks: Sequence[Any]) -> Any:
    try:
        import dask.bag
    except ImportError as error:
        raise SchedulerMissing(f"this scheduler needs Dask: {INSTALL_HINT}") from error
    return dask.bag.from_sequence(tasks, npartitions=len(tasks))


def _run_local(
    work: Callable, tasks: Sequence[Any], on_done: Callable, scheduler: str, workers: int | None
) -> None:
    """Each result as its task finishes (a Dask callback), and any the callback missed (Dask
    may fuse or rename tasks) from the computed bag at the end: each exactly once."""
    bag = _bag(list(enumerate(tasks))).map(partial(_numbered, work))
    from dask.callbacks import Callback

    reported: set[int] = set()

    def report(number: int, result: Any) -> None:
        if number not in reported:
            reported.add(number)
            on_done(result)

    def posttask(_key: Any, result: Any, *_: Any) -> None:
        if isinstance(result, list):
            for item in result:
                if isinstance(item, _Numbered):
                    report(item.number, item.result)

    with Callback(posttask=posttask):  # chunksize 1: Dask hands out six tasks at a time else
        results = bag.compute(scheduler=scheduler, num_workers=workers, chunksize=1)
    for item in results:
        report(item.number, item.result)


class _Numbered(NamedTuple):
    number: int
    result: Any


def _numbered(work: Callable, numbered_task: tuple[int, Any]) -> _Numbered:
    number, task = numbered_task
    return _Numbered(number, work(task))


def _run_distributed(bag: Any, on_done: Callable, workers: int | None, address: str | None) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise SchedulerMissing(f"--scheduler dask needs distributed: {INSTALL_HINT}") from error
    if address:
        client, cluster = Client(address), None
    else:
        cluster = LocalCluster(
            n_workers=workers or 2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        for future in as_completed(client.compute(bag.to_delayed())):
            for item in future.result():
                on_done(item)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
