"""Load a corpus from files and folders: `.txt` pages and `.jsonl` article records (either may be
gzipped).

The first load of a corpus builds its index in the cache; later loads read only the files that
changed. Bad input never stops a load: each bad file or line is skipped with one warning naming
it, and every good article still loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotations.corpus.article import Article
from annotations.corpus.cache import index_path, open_index, remove_index
from annotations.corpus.corpus import Corpus
from annotations.corpus.indexing import Progress, articles_from_files, refresh, stale_files
from annotations.corpus.seeds import bundled_seeds_dir
from annotations.corpus.sources import max_article_bytes

Warn = Callable[[str], None]


@dataclass(frozen=True)
class IndexStatus:
    """A corpus's index in the cache: where, how big, and which corpus files it is behind."""

    path: Path
    exists: bool
    bytes: int = 0
    articles: int = 0
    #: Corpus files new, changed or gone since the index last read them.
    stale: tuple[str, ...] = ()


def load_corpus(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> Corpus:
    """The corpus of every article under `paths` (files or folders, recursively); None means
    the seeds.

    `max_bytes` is the size limit per article (UTF-8 text), by default `$RAWI_MAX_ARTICLE_MB`
    megabytes, else 10 MB. `progress` is called with (bytes read, bytes to read) while files are
    indexed; `rebuild` throws the cached index away first. Raises FileNotFoundError for a path
    that does not exist; everything else bad is a warning.
    """
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        if on_warning:
            on_warning(message)

    roots = _roots(paths)
    if rebuild:
        remove_index(roots)
    index = open_index(roots, warn)
    refresh(index, roots, max_bytes or max_article_bytes(warn), warn, progress)
    corpus = Corpus(index=index)
    corpus.warnings = warnings
    return corpus


def index_status(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
) -> IndexStatus:
    """The state of the index of the corpus under `paths` (see `load_corpus`), without
    building or refreshing it."""
    warn = on_warning or (lambda _message: None)
    roots = _roots(paths)
    path = index_path(roots)
    if not path.is_file():
        return IndexStatus(path, exists=False)
    index = open_index(roots, warn)
    if index.path is None:  # damaged, or the cache cannot be read: nothing is cached
        return IndexStatus(path, exists=False)
    stale = stale_files(index, roots, max_bytes or max_article_bytes(warn), warn)
    size = sum(
        file.stat().st_size
        for file in (path, path.with_name(path.name + "-wal"))
        if file.is_file()
    )
    return IndexStatus(path, True, size, index.count(), tuple(stale))


def iter_articles(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
) -> Iterator[Article]:
    """Yield the articles under `paths` one by one as they are read, without an index (ids not
    yet de-duplicated: see `Corpus.add`). `load_corpus` explains the arguments."""
    warn = on_warning or (lambda _message: None)
    limit = max_bytes or max_article_bytes(warn)
    for prepared in articles_from_files(_roots(paths), limit, warn):
        yield prepared.article


def _roots(paths: Iterable[Path | str] | None) -> list[Path]:
    roots = [Path(p) for p in paths] if paths is not None else [bundled_seeds_dir()]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"corpus path does not exist: {root}")
    return roots
