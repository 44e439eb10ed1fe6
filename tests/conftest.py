"""Shared fixtures: no test reads or writes the user's real data or config directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.corpus import Corpus, load_corpus

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Corpus indexes made by session fixtures (before any test's own folders exist) go here."""
    with pytest.MonkeyPatch.context() as patch:
        cache = tmp_path_factory.mktemp("cache")
        patch.setenv("RAWI_CACHE", str(cache))
        yield cache


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, XDG dirs and rawi's env (the corpus index cache too) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in ("RAWI_DB", "RAWI_ANNOTATOR", "RAWI_BIDI", "RAWI_MAX_ARTICLE_MB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RAWI_CACHE", str(home / "cache"))
    return home


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The five bundled seed articles, loaded once."""
    return load_corpus([SEEDS_DIR])


@pytest.fixture(scope="session")
def seed_ids(seeds: Corpus) -> list[str]:
    return seeds.ids()
