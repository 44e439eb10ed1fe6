"""Fixtures for the store tests: a short Arabic news text (`news.txt`) and a fresh database."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import annotations.store.fold as fold_module
from annotations.corpus.article import Article
from annotations.store import Store

TEXT = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").strip()
HELD_WRITER = Path(__file__).with_name("held_writer.py")


def find_word(article: Article, surface: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of `surface` in the article."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(surface, start + 1)
    return start, start + len(surface)


@pytest.fixture
def word() -> Callable[..., tuple[int, int]]:
    """`word(article, surface, occurrence=0)`: where a surface form stands."""
    return find_word


@pytest.fixture
def article() -> Article:
    return Article("news-001", TEXT)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """`writer(mode)`: background folds write through `held_writer.py` in that mode; returns
    the folder it signals in (`writing` holds the held writer's pid; create `release`)."""

    def use(mode: str) -> Path:
        folder = tmp_path / f"writer-{mode}"
        folder.mkdir()
        command = [sys.executable, str(HELD_WRITER), mode, str(folder)]
        monkeypatch.setattr(fold_module, "WRITER", command)
        return folder

    return use


def _appears(path: Path, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def appears() -> Callable[..., bool]:
    """`appears(path, timeout=60)`: whether `path` exists within `timeout` seconds."""
    return _appears
