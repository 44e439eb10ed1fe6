"""The shipped gazetteer (`data/gazetteer.json`, built by `build_gazetteers`), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.json"


@dataclass(frozen=True)
class Gazetteer:
    """Word keys to the lists holding them, and multi-word phrases by their first key."""

    kinds: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]

    def has(self, key: str, kind: str) -> bool:
        """Whether the single word `key` is in list `kind`."""
        return kind in self.kinds.get(key, ())

    def longest_phrase(
        self, keys: list[str], start: int, kinds: tuple[str, ...]
    ) -> tuple[int, str] | None:
        """(words, kind) of the longest phrase of `kinds` starting at `keys[start]`, if any."""
        best = None
        for words, kind in self.phrases.get(keys[start], ()):
            matches = kind in kinds and tuple(keys[start : start + len(words)]) == words
            if matches and (best is None or len(words) > best[0]):
                best = (len(words), kind)
        return best


@cache
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Read the gazetteer file (cached)."""
    lists = json.loads(path.read_text(encoding="utf-8"))["lists"]
    kinds: dict[str, list[str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, keys in lists.items():
        for key in keys:
            words = tuple(key.split())
            if len(words) == 1:
                kinds.setdefault(key, []).append(kind)
            phrases.setdefault(words[0], []).append((words, kind))
    return Gazetteer(
        {key: tuple(value) for key, value in kinds.items()},
        {key: tuple(value) for key, value in phrases.items()},
    )
