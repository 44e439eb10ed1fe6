"""Running one function over many tasks: in this process, or with Dask.

`sync` is a plain loop. `threads` and `processes` are Dask's local schedulers over a graph of
the tasks; `dask` is a `distributed` cluster: the one at `address`, else a local cluster of
`workers` processes on loopback. Every scheduler starts the tasks in the order given (the caller
puts the longest first) and calls `on_done` in this process, once per task, as results come in
(in any order).

`warm_up` loads what every task needs (the models): `processes` calls it here and then forks its
workers, which inherit it, when forking is safe (Linux, no other thread running); otherwise each
worker calls it once as it starts. The other schedulers leave it to the first task.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SCHEDULERS = ("sync", "threads", "processes", "dask")
INSTALL_HINT = "pip install 'rawi[cluster]'"
#: The local cluster without what costs CPU and serves only Dask's dashboard or long-lived
#: clusters (rawi shows no dashboard; a job's workers live as long as the job):
LOCAL_CLUSTER_CONFIG = {
    # the sampling profiler (each worker's stack every 10 ms);
    "distributed.worker.profile.enabled": False,
    # glibc returning freed memory at once, which Dask's Nanny asks for: the tagger's arrays
    # are then mapped afresh each time (36x the page faults, 15-25% more CPU per partition);
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # event-loop health checks every 20 ms and system samples every 500 ms (with the Nannies'
    # memory checks, below, 2.3 s of CPU per 30 s of an idle cluster of 2; 0.4 s without).
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


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
    warm_up: Callable[[], None] | None = None,
) -> None:
    """`work(task)` for every task, started in the order of `tasks`, each result given to
    `on_done` in this process."""
    if scheduler == "sync":
        for task in tasks:
            on_done(work(task))
        return
    if not tasks:
        return
    if scheduler == "dask":
        _run_distributed(work, tasks, on_done, workers, address)
    elif scheduler in ("threads", "processes"):
        _run_local(work, tasks, on_done, scheduler, workers, warm_up)
    else:
        raise ValueError(f"unknown scheduler {scheduler!r}")


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError as error:
        raise SchedulerMissing(f"this scheduler needs Dask: {INSTALL_HINT}") from error


def _run_local(
    work: Callable,
    tasks: Sequence[Any],
    on_done: Callable,
    scheduler: str,
    workers: int | None,
    warm_up: Callable[[], None] | None,
) -> None:
    """One graph node per task, keyed by its place; Dask's local scheduler pops its ready
    tasks from the end of a list, so that list is put in reverse order before it starts."""
    _require_dask()
    from dask.callbacks import Callback

    graph = {("task", number): (partial(work, task),) for number, task in enumerate(tasks)}
    keys = list(graph)
    reported: set[Any] = set()

    def in_order(_graph: Any, state: dict[str, Any]) -> None:
        state["ready"].sort(key=lambda key: key[1], reverse=True)

    def report(key: Any, result: Any, *_: Any) -> None:
        if key in graph and key not in reported:
            reported.add(key)
            on_done(result)

    # chunksize 1: one task per worker at a time (Dask hands out six at once otherwise).
    options = {"num_workers": workers, "chunksize": 1}
    with Callback(start_state=in_order, posttask=report):
        if scheduler == "threads":
            from dask.threaded import get

            results = get(graph, keys, **options)
        else:
            from dask.multiprocessing import get

            with _process_pool(workers, warm_up) as pool:
                results = get(graph, keys, pool=pool, **options)
    for key, result in zip(keys, results, strict=True):
        report(key, result)


@contextmanager
def _process_pool(workers: int | None, warm_up: Callable[[], None] | None) -> Iterator[Any]:
    """Worker processes that start with `warm_up` done: forked after it where that is safe,
    else started by Dask's configured method, calling it first."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from dask.multiprocessing import get_context

    count = workers or os.cpu_count() or 1
    if not (sys.platform == "linux" and threading.active_count() == 1):
        with ProcessPoolExecutor(count, mp_context=get_context(), initializer=warm_up) as pool:
            yield pool
        return
    if warm_up:
        warm_up()
    gc.freeze()  # what the workers inherit stays shared: no collection touches its pages
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool  # the workers are forked when the first task is sent
    finally:
        gc.unfreeze()


def _run_distributed(
    work: Callable,
    tasks: Sequence[Any],
    on_done: Callable,
    workers: int | None,
    address: str | None,
) -> None:
    """One future per task, submitted in order with falling priorities (the scheduler runs
    the highest first)."""
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise SchedulerMissing(f"--scheduler dask needs distributed: {INSTALL_HINT}") from error
    if address:
        client, cluster = Client(address), None
    else:
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(
                n_workers=workers or 2,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address=None,
                memory_limit=0,  # no memory checks every 100 ms
            )
            client = Client(cluster)
    try:
        futures = [
            client.submit(work, task, priority=len(tasks) - number, pure=False)
            for number, task in enumerate(tasks)
        ]
        for future in as_completed(futures):
            on_done(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
