"""Bringing a corpus index up to date with the corpus files: only what changed is read again.

A file is known by its path, size, modification time and the per-article size limit it was read
with; a file that differs is re-indexed alone, in one transaction. Large reads clean their
articles in worker processes (the order of articles is kept).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from annotations.corpus.index import ArticleIndex, SourceFile
from annotations.corpus.records import Prepared, prepare
from annotations.corpus.sources import RawRecord, corpus_files, read_records

#: Called with (bytes read, bytes to read) while files are indexed.
Progress = Callable[[int, int], None]
Warn = Callable[[str], None]

#: Below this many bytes to read, cleaning in worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
_BATCH = 128
#: Articles added in one refresh above which the search index is merged into one segment.
_OPTIMIZE_MIN_ARTICLES = 1000


def refresh(
    index: ArticleIndex,
    roots: list[Path],
    limit: int,
    warn: Warn,
    progress: Progress | None = None,
) -> None:
    """Index what changed under `roots` since the index last saw them, then report every
    warning the corpus files gave (those of unchanged files too, as a fresh load would)."""
    current = _stat(corpus_files(roots, warn), limit, warn)
    if _changed(index.files(), current):
        with index.locked():
            stored = index.files()
            if _changed(stored, current):
                _update(index, stored, current, limit, progress)
    stored = index.files()
    for path in current:
        for warning in stored[path].warnings:
            warn(warning)


def stale_files(index: ArticleIndex, roots: list[Path], limit: int, warn: Warn) -> list[str]:
    """The corpus files that `refresh` would read again or forget, without doing it."""
    current = _stat(corpus_files(roots, warn), limit, warn)
    stored = index.files()
    return sorted(
        path
        for path in stored.keys() | current.keys()
        if path not in stored
        or path not in current
        or _fresh_key(stored[path]) != _fresh_key(current[path])
    )


def articles_from_files(roots: list[Path], limit: int, warn: Warn) -> Iterator[Prepared]:
    """The articles under `roots` as they are read, without an index (ids not yet unique)."""
    for file in corpus_files(roots, warn):
        for _record, result in prepared(read_records(file, limit, warn), limit):
            if isinstance(result, str):
                warn(result)
            else:
                yield result


def prepared(
    records: Iterable[RawRecord], limit: int, pool: Executor | None = None
) -> Iterator[tuple[RawRecord, Prepared | str]]:
    """Each record with its `prepare` result, in order; in the `pool`'s processes if given."""
    batches = iter(lambda: list(islice(records, _BATCH)), [])
    if pool is None:
        for batch in batches:
            yield from zip(batch, _prepare_batch(batch, limit), strict=True)
        return
    pending: deque[tuple[list[RawRecord], Future[list[Prepared | str]]]] = deque()
    for batch in batches:
        pending.append((batch, pool.submit(_prepare_batch, batch, limit)))
        if len(pending) > 2 * _cpu_count():
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
    for done, future in pending:
        yield from zip(done, future.result(), strict=True)


@contextmanager
def _workers(wanted: bool) -> Iterator[Executor | None]:
    """A pool of worker processes when `wanted` and there is more than one processor."""
    if not wanted or _cpu_count() < 2:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(_cpu_count(), mp_context=get_context("spawn")) as pool:
        yield pool


def _prepare_batch(batch: list[RawRecord], limit: int) -> list[Prepared | str]:
    return [prepare(record, limit) for record in batch]


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _stat(files: list[Path], limit: int, warn: Warn) -> dict[str, SourceFile]:
    current = {}
    for file in files:
        try:
            stat = file.stat()
        except OSError as error:
            warn(f"{file}: skipped, cannot read it ({error.strerror or error})")
            continue
        path = str(file.resolve())
        current.setdefault(path, SourceFile(path, stat.st_size, stat.st_mtime_ns, limit))
    return current


def _changed(stored: dict[str, SourceFile], current: dict[str, SourceFile]) -> bool:
    return stored.keys() != current.keys() or any(
        _fresh_key(stored[path]) != _fresh_key(source) for path, source in current.items()
    )


def _fresh_key(source: SourceFile) -> tuple[int, int, int]:
    return source.size, source.mtime_ns, source.max_bytes


def _update(
    index: ArticleIndex,
    stored: dict[str, SourceFile],
    current: dict[str, SourceFile],
    limit: int,
    progress: Progress | None,
) -> None:
    with index.writing():
        for path in stored.keys() - current.keys():
            index.remove_file(path)
        index.set_positions(list(current))
    stale = [
        (position, source)
        for position, (path, source) in enumerate(current.items())
        if path not in stored or _fresh_key(stored[path]) != _fresh_key(source)
    ]
    total = sum(source.size for _position, source in stale)
    done = added = 0
    with _workers(total >= PARALLEL_MIN_BYTES) as pool:
        for position, source in stale:
            for read, count in _read_file(index, source, position, limit, pool):
                added += count
                if progress:
                    progress(done + read, total)
            done += source.size
    if added >= _OPTIMIZE_MIN_ARTICLES:
        index.optimize()


def _read_file(
    index: ArticleIndex, source: SourceFile, position: int, limit: int, pool: Executor | None
) -> Iterator[tuple[int, int]]:
    """Index one file again, in one transaction; yields (bytes read, articles added) as it
    goes."""
    with index.writing():
        index.remove_file(source.path)
        file = index.add_file(source, position)
        warnings: list[str] = []
        records = read_records(Path(source.path), limit, warnings.append)
        added = 0
        for record, result in prepared(records, limit, pool):
            if isinstance(result, str):
                warnings.append(result)
                continue
            article_id = index.add(result, file, record.seq)
            added += 1
            if article_id != result.article.id:
                warnings.append(
                    f"{record.source}: id {result.article.id!r} is taken, loaded as {article_id!r}"
                )
            if added % _BATCH == 0:
                yield record.end, _BATCH
        index.set_file_warnings(file, warnings)
    yield source.size, added % _BATCH
