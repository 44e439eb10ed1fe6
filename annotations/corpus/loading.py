"""Load a corpus from files and folders: `.txt` pages and `.jsonl` article records (either may be
gzipped).

The first load of a corpus builds its index in the cache; later loads read only the files that
changed. Bad input never stops a load: each bad file or line is skipped with one warning naming
it, and every good article still loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotations.corpus.article import Article
from annotations.corpus.cache import open_index
from annotations.corpus.corpus import Corpus
from annotations.corpus.indexing import Progress, articles_from_files, refresh
from annotations.corpus.seeds import bundled_seeds_dir
from annotations.corpus.sources import max_article_bytes

Warn = Callable[[str], None]


def load_corpus(
    paths: Iterable[Path | str] | None = None,
    *,
    max_bytes: int | None = None,
    on_warning: Warn | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """The corpus of every article under `paths` (files or folders, recursively); None means
    the seeds.

    `max_bytes` is the size limit per article (UTF-8 text), by default `$RAWI_MAX_ARTICLE_MB`
    megabytes, else 10 MB. `progress` is called with (bytes read, bytes to read) while files are
    indexed. Raises FileNotFoundError for a path that does not exist; everything else bad is a
    warning.
    """
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        if on_warning:
            on_warning(message)

    roots = _roots(paths)
    index = open_index(roots, warn)
    refresh(index, roots, max_bytes or max_article_bytes(warn), warn, progress)
    corpus = Corpus(index=index)
    corpus.warnings = warnings
    return corpus


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
