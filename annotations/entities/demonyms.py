"""Plural nationality nouns (السوريين، للفلسطينيين، الليبيون), which are no names."""

from __future__ import annotations

from annotations.entities.candidates import Candidate
from annotations.entities.clitics import splits
from annotations.entities.trained_model import Model
from annotations.entities.words import Word


def is_demonym(words: list[Word], candidate: Candidate, model: Model) -> bool:
    """A one-word candidate that is a listed demonym, with or without a proclitic."""
    if candidate.last - candidate.first != 1:
        return False
    key = words[candidate.first].key
    gazetteer = model.resources.gazetteer
    return any(gazetteer.has(rest, "DEMONYM") for _, rest in ((0, key), *splits(key)))
