"""Where corpus indexes are kept, and opening one that can be trusted.

One index per corpus (its list of paths), in `$RAWI_CACHE` or else the user cache directory. An
index that is damaged, foreign or made by other code is rebuilt; when the directory cannot be
written, the index is kept in memory for this run (one warning).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from annotations import __version__
from annotations.corpus.index import ArticleIndex, IndexDamaged, IndexOutdated

CACHE_ENV = "RAWI_CACHE"
#: The modules whose code makes the texts, metadata and keys an index holds.
_TEXT_MAKERS = (
    "annotations.arabic",
    "annotations.corpus.article",
    "annotations.corpus.cleaning",
    "annotations.corpus.decoding",
    "annotations.corpus.index",
    "annotations.corpus.records",
    "annotations.corpus.sanitizing",
    "annotations.corpus.search_keys",
    "annotations.corpus.sources",
)


def cache_dir() -> Path:
    """`$RAWI_CACHE`, else rawi's folder in the user cache directory."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("rawi"))


def index_path(roots: Sequence[Path]) -> Path:
    """The index file of the corpus made of `roots` (in that order)."""
    names = json.dumps([str(root.resolve()) for root in roots], ensure_ascii=False)
    digest = hashlib.sha256(names.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / f"corpus-{digest}.sqlite"


@cache
def fingerprint() -> str:
    """A digest of rawi's version and of the code that makes what an index holds."""
    digest = hashlib.sha256(__version__.encode())
    for name in _TEXT_MAKERS:
        __import__(name)
        digest.update(Path(sys.modules[name].__file__ or "").read_bytes())
    return digest.hexdigest()


def open_index(roots: Sequence[Path], warn: Callable[[str], None]) -> ArticleIndex:
    """The index of `roots` in the cache (rebuilt if it cannot be trusted), else in memory."""
    path = index_path(roots)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with ArticleIndex.lock(path):
            try:
                return ArticleIndex.open(path, fingerprint())
            except IndexOutdated:
                pass
            except IndexDamaged as error:
                warn(f"{path}: the corpus index is damaged ({error}); rebuilding it")
            _remove(path)
            return ArticleIndex.open(path, fingerprint())
    except (OSError, IndexDamaged) as error:
        warn(
            f"cannot keep the corpus index in {path.parent} ({_reason(error)}); working without it"
        )
        return ArticleIndex.in_memory()


def remove_index(roots: Sequence[Path]) -> None:
    """Delete the index of `roots` from the cache (the next load builds it again)."""
    path = index_path(roots)
    if path.parent.is_dir():
        with ArticleIndex.lock(path):
            _remove(path)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _reason(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or str(error)
