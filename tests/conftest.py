"""Shared fixtures: no test reads or writes the user's real data or config directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.corpus import Corpus, load_corpus

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, XDG dirs and rawi's env at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in ("RAWI_DB", "RAWI_ANNOTATOR", "RAWI_BIDI", "RAWI_MAX_FILE_MB"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The five bundled seed articles, loaded once."""
    return load_corpus([SEEDS_DIR])


@pytest.fixture(scope="session")
def seed_ids(seeds: Corpus) -> list[str]:
    return seeds.ids()
