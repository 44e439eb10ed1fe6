"""The cue lexicon expanded into matching keys, and the lookup of a cue at a token.

Every form is keyed with `annotations.arabic.match_key`, so hamza, harakat and tatweel variants
match; a leading و or ف (and, so) is tried off as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from annotations.arabic import match_key
from annotations.attribution import lexicon_data as data
from annotations.attribution.suggestion import CueClass

CueKind = Literal["verb", "participle", "noun", "source_first", "verb_first", "pronoun", "frame",
                  "narrator"]
_PERFECT_SUFFIXES = ("", "ت", "ا", "تا", "وا")
_PARTICIPLE_SUFFIXES = ("ا", "ة", "ين", "ان", "تين", "تان")
_PROCLITICS = "وف"


@dataclass(frozen=True, slots=True)
class CueEntry:
    """What a form of the lexicon is: its kind, class and whether it needs أن or a quotation."""

    kind: CueKind
    cls: CueClass
    lemma: str
    weak: bool = False


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found at token `first`, `length` tokens long."""

    first: int
    length: int
    entry: CueEntry


def _verb_forms(perfect: str, imperfect: str) -> Iterable[str]:
    yield from (perfect + suffix for suffix in _PERFECT_SUFFIXES)
    if imperfect:
        feminine = "ت" + imperfect[1:]
        yield from (imperfect, feminine, imperfect + "ان", feminine + "ان", imperfect + "ون")


def _word_table() -> dict[str, CueEntry]:
    table: dict[str, CueEntry] = {}
    for stem, cls in data.PARTICIPLES:
        for suffix in _PARTICIPLE_SUFFIXES:
            table[match_key(stem + suffix)] = CueEntry("participle", cls, stem)
    for noun, cls in data.NOUNS:
        table[match_key(noun)] = CueEntry("noun", cls, noun, weak=True)
    for forms, cls, weak in data.DEFECTIVE_VERBS:
        for form in forms:
            table[match_key(form)] = CueEntry("verb", cls, forms[0], weak)
    for perfect, imperfect, cls, weak in data.VERBS:
        for form in _verb_forms(perfect, imperfect):
            table[match_key(form)] = CueEntry("verb", cls, perfect, weak)
    return table


def _phrase_table() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    groups: tuple[tuple[Sequence[str], CueKind, CueClass], ...] = (
        (data.SOURCE_FIRST_PHRASES, "source_first", "prepositional"),
        (data.VERB_FIRST_PHRASES, "verb_first", "prepositional"),
        (data.PRONOUN_PHRASES, "pronoun", "prepositional"),
        (data.FRAME_PHRASES, "frame", "prepositional"),
        (data.NARRATOR_PHRASES, "narrator", "statement"),
    )
    table: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
    for phrases, kind, cls in groups:
        for phrase in phrases:
            keys = tuple(match_key(word) for word in phrase.split())
            table.setdefault(keys[0], []).append((keys, CueEntry(kind, cls, phrase)))
    for candidates in table.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return table


WORD_CUES = _word_table()
PHRASE_CUES = _phrase_table()


def key_set(words: Iterable[str]) -> frozenset[str]:
    """The matching keys of `words`."""
    return frozenset(match_key(word) for word in words)


def without_proclitic(key: str) -> str | None:
    """`key` without a leading و or ف, when something word-like is left."""
    return key[1:] if len(key) > 2 and key[0] in _PROCLITICS else None


def cue_at(keys: Sequence[str], first: int) -> CueMatch | None:
    """The longest cue starting at token `first` of a text whose token keys are `keys`."""
    head = keys[first]
    for candidate in (head, without_proclitic(head)):
        if candidate is None:
            continue
        for phrase, phrase_entry in PHRASE_CUES.get(candidate, ()):
            rest = phrase[1:]
            if tuple(keys[first + 1 : first + 1 + len(rest)]) == rest:
                return CueMatch(first, len(phrase), phrase_entry)
        if word_entry := WORD_CUES.get(candidate):
            return CueMatch(first, 1, word_entry)
    return None
