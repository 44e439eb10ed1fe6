"""Where decision keys occur in a text: the places `apply_decisions` labels (clitics allowed)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from annotations.arabic import surface_offset
from annotations.entities.propagation import find_forms, index_forms
from annotations.entities.words import split_text


class Occurrence(NamedTuple):
    """One occurrence of a name: its token start (clitic included), where the name itself
    starts, and its end."""

    start: int
    name_start: int
    end: int


def occurrences(text: str, keys: Iterable[str]) -> dict[str, list[Occurrence]]:
    """Each key (a `surface_key`) and its occurrences in `text`, in order (none for an empty
    key)."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, list[Occurrence]] = {key: [] for key in wanted}
    forms = index_forms((tuple(key.split()), key) for key in wanted if key.split())
    if not forms:
        return found
    words = split_text(text).words
    for first, end, clitic, key in find_forms(words, forms):
        token = words[first].token
        name_start = token.start + surface_offset(token.text, clitic)
        found[str(key)].append(Occurrence(token.start, name_start, words[end - 1].token.end))
    return found
