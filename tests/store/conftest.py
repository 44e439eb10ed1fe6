"""Fixtures for the store tests: a short Arabic news text (`news.txt`) and a fresh database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotations.corpus.article import Article
from annotations.store import Store

TEXT = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").strip()


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
