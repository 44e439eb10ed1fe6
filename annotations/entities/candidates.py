"""Candidate spans over word indices, and the lookups that decide where a name starts in a word."""

from __future__ import annotations

from dataclasses import dataclass

from annotations.arabic import is_arabic_letter
from annotations.entities.clitics import splits
from annotations.entities.features import STOP_SURFACES
from annotations.entities.gazetteer import Lookup
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

NAME_LISTS = {"LOC": "LOC", "PER": "PER", "ORG": "ORG", "SURNAME": "PER"}
#: Lists of words that are never names themselves.
NOT_NAMES = ("NATIONALITY", "ORG_MODIFIER", "ORG_DESCRIPTIVE", "DEMONYM")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Words [first, last) as a `label` entity; `clitic`: key letters of the first word's clitic."""

    first: int
    last: int
    label: str
    origin: str
    confidence: float
    clitic: int = 0


#: A word's index and what the gazetteer knows of it.
Listed = tuple[int, Lookup]


def listed_words(words: list[Word], model: Model) -> list[Listed]:
    """The words one of whose readings starts a listed phrase, with their lookups: all that the
    gazetteer rules visit."""
    lookup = model.resources.gazetteer.lookup
    return [(i, found) for i, word in enumerate(words) if (found := lookup(word.key)).readings]


def listed_label(key: str, model: Model) -> str | None:
    """The type of a single-word name in the gazetteer, if any."""
    for kind in model.resources.gazetteer.kinds.get(key, ()):
        if kind in NAME_LISTS:
            return NAME_LISTS[kind]
    return None


def known_label(key: str, model: Model) -> str | None:
    """The type of a single-word name the gazetteer or the training data know, if any."""
    return listed_label(key, model) or model.entity_words.get(key)


def is_name_word(word: Word, model: Model) -> bool:
    """Whether a word may belong to a name (not a function word, not a common word)."""
    return word.plain not in STOP_SURFACES and word.key not in model.common_words


def is_arabic_word(word: Word) -> bool:
    """Whether the word's key is Arabic letters only."""
    return bool(word.key) and all(is_arabic_letter(char) for char in word.key)


def rare_name(word: Word, label: str, model: Model) -> bool:
    """Whether the word reads as a rare or foreign name of type `label`: a known name of that
    type, or an Arabic word without the article that is no function or common word, no adjective
    or demonym, and unseen in the text the word clusters were learned from."""
    key = word.key
    gazetteer = model.resources.gazetteer
    if not is_arabic_word(word) or not is_name_word(word, model):
        return False
    if any(gazetteer.has(key, kind) for kind in NOT_NAMES):
        return False
    known = known_label(key, model)
    if known:
        return known == label
    return (
        not key.startswith(("ال", "لل"))
        and not (len(key) >= 5 and key.endswith("يه"))
        and key not in model.resources.clusters
    )


def clitic_reading(key: str, model: Model) -> tuple[int, str] | None:
    """(clitic letters, type) when `key` or its remainder after a proclitic is a known name.

    A listed whole word is never cut (ليبيا، بوتين); a known remainder beats a whole word known
    only from the training data, whose tokens keep their clitics (وفرنسا).
    """
    whole = listed_label(key, model)
    if whole:
        return 0, whole
    for clitic, rest in splits(key):
        label = known_label(rest, model)
        if label:
            return clitic, label
    whole = model.entity_words.get(key)
    return (0, whole) if whole else None


def model_clitic(key: str, label: str, model: Model) -> int:
    """Clitic letters of a word the model tagged `label`.

    A known reading first; else a given name after the clitic for a person; else the clitic
    before an article (والجزائر); else none.
    """
    reading = clitic_reading(key, model)
    if reading:
        return reading[0]
    gazetteer = model.resources.gazetteer
    if label == "PER":
        for clitic, rest in splits(key):
            if gazetteer.has(rest, "GIVEN"):
                return clitic
    for clitic in ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل"):
        if key.startswith(clitic) and len(key) > len(clitic) + 1:
            return len(clitic) - (1 if clitic.endswith("لل") else 2)
    return 0
