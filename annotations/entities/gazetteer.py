"""The shipped gazetteer (`data/gazetteer.json`, built by `build_gazetteers`), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from annotations.entities.clitics import splits

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.json"


class Lookup(NamedTuple):
    """What the lists know of one word key, found once and shared by every rule.

    `readings`: (clitic letters, first key) of each reading (the whole word, then after each
    proclitic) that starts a listed phrase, single words included; `starts`: the lists those
    phrases belong to; `clitics`: per list, the clitic letters of the first reading that is a
    single word of that list.
    """

    readings: tuple[tuple[int, str], ...]
    starts: frozenset[str]
    clitics: dict[str, int]


NOTHING = Lookup((), frozenset(), {})


@dataclass(frozen=True)
class Gazetteer:
    """Word keys to the lists holding them, and phrases by their first key (single words too).

    `pairs` indexes the multi-word phrases by their first two keys, longest first.
    """

    kinds: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    pairs: dict[tuple[str, str], tuple[tuple[tuple[str, ...], str], ...]] = field(
        default_factory=dict
    )
    _lookups: dict[str, Lookup] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, key: str) -> Lookup:
        """The `Lookup` of `key`, remembered (up to 200,000 keys)."""
        found = self._lookups.get(key)
        if found is None:
            found = self._find(key)
            if len(self._lookups) < 200_000:
                self._lookups[key] = found
        return found

    def _find(self, key: str) -> Lookup:
        readings = tuple((c, k) for c, k in ((0, key), *splits(key)) if k in self.phrases)
        if not readings:
            return NOTHING
        clitics: dict[str, int] = {}
        for clitic, first in readings:
            for kind in self.kinds.get(first, ()):
                clitics.setdefault(kind, clitic)
        starts = frozenset(kind for _, first in readings for _, kind in self.phrases[first])
        return Lookup(readings, starts, clitics)

    def clitic_of(self, key: str, kind: str) -> int | None:
        """Clitic letters of the first reading of `key` (the whole word first) in list `kind`."""
        return self.lookup(key).clitics.get(kind)

    def phrase_readings(self, key: str) -> tuple[tuple[int, str], ...]:
        """(clitic letters, first key) of each reading of `key` that starts a listed phrase."""
        return self.lookup(key).readings

    def has(self, key: str, kind: str) -> bool:
        """Whether the single word `key` is in list `kind`."""
        return kind in self.kinds.get(key, ())

    def longest_phrase(
        self, keys: list[str], start: int, kinds: tuple[str, ...]
    ) -> tuple[int, str] | None:
        """(words, kind) of the longest phrase of `kinds` starting at `keys[start]`, if any."""
        for words, kind in self.pairs.get(tuple(keys[start : start + 2]), ()):
            if kind in kinds and tuple(keys[start : start + len(words)]) == words:
                return len(words), kind
        return next(((1, kind) for kind in self.kinds.get(keys[start], ()) if kind in kinds), None)


@cache
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """Read the gazetteer file (cached)."""
    return gazetteer_from_lists(json.loads(path.read_text(encoding="utf-8"))["lists"])


def gazetteer_from_lists(lists: dict[str, list[str]]) -> Gazetteer:
    """A gazetteer of lists of keys (multi-word entries: word keys joined by spaces)."""
    kinds: dict[str, list[str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, keys in lists.items():
        for key in keys:
            words = tuple(key.split())
            if len(words) == 1:
                kinds.setdefault(key, []).append(kind)
            phrases.setdefault(words[0], []).append((words, kind))
    pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    for entries in phrases.values():
        for words, kind in entries:
            if len(words) > 1:
                pairs.setdefault(words[:2], []).append((words, kind))
    return Gazetteer(
        {key: tuple(value) for key, value in kinds.items()},
        {key: tuple(value) for key, value in phrases.items()},
        {pair: tuple(sorted(value, key=lambda p: -len(p[0]))) for pair, value in pairs.items()},
    )
