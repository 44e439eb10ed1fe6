"""The cue lexicon expanded into matching keys, and the lookup of a cue at a token.

Every form is keyed with `annotations.arabic.match_key`, so hamza, harakat and tatweel variants
match; a leading و or ف (and, so) is tried off as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from annotations.arabic import match_key
from annotations.attribution import lexicon_data as data
from annotations.attribution.suggestion import CueClass

CueKind = Literal["verb", "participle", "noun", "source_first", "verb_first", "pronoun", "frame",
                  "narrator", "saying"]
#: Agreement is "m"/"f" (masculine/feminine singular), "d" (dual) or "p" (plural).
Agreement = Literal["m", "f", "d", "p"]
_PERFECT_SUFFIXES: tuple[tuple[str, Agreement], ...] = (
    ("", "m"), ("ت", "f"), ("ا", "d"), ("تا", "d"), ("وا", "p")
)
_PARTICIPLE_SUFFIXES: tuple[tuple[str, Agreement], ...] = (
    ("ا", "m"), ("ة", "f"), ("ين", "p"), ("ان", "d"), ("تين", "d"), ("تان", "d")
)
_PROCLITICS = "وف"
_OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """What a form of the lexicon is: its kind, class and whether it needs أن or a quotation."""

    kind: CueKind
    cls: CueClass
    lemma: str
    weak: bool = False
    agreement: Agreement | None = None
    with_object: bool = False  # the word carries an object pronoun (وصفتها)


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found at token `first`, `length` tokens long."""

    first: int
    length: int
    entry: CueEntry


def _verb_forms(perfect: str, imperfect: str) -> Iterable[tuple[str, Agreement]]:
    yield from ((perfect + suffix, agreement) for suffix, agreement in _PERFECT_SUFFIXES)
    if imperfect:
        feminine = "ت" + imperfect[1:]
        yield from (
            (imperfect, "m"), (feminine, "f"), (imperfect + "ان", "d"), (feminine + "ان", "d"),
            (imperfect + "ون", "p"),
        )


def _defective_agreement(form: str, forms: Sequence[str]) -> Agreement | None:
    """The agreement of a spelled-out form of a weak-final verb (نفت، نفوا، تنفي ...)."""
    if form.endswith(("وا", "ون")):
        return "p"
    if form.endswith("ان") or (form.endswith("ا") and form != forms[0]):
        return "d"
    if form.startswith("ت") or form.endswith("ت"):
        return "f"
    return "m"


def _word_table() -> dict[str, CueEntry]:
    table: dict[str, CueEntry] = {}
    for stem, cls in data.PARTICIPLES:
        for suffix, agreement in _PARTICIPLE_SUFFIXES:
            table[match_key(stem + suffix)] = CueEntry("participle", cls, stem, False, agreement)
    for form in data.SAYINGS:
        table[match_key(form)] = CueEntry("saying", "statement", form)
    for noun, cls in data.NOUNS:
        table[match_key(noun)] = CueEntry("noun", cls, noun, weak=True)
    for forms, cls, weak in data.DEFECTIVE_VERBS:
        for form in forms:
            agreement = _defective_agreement(form, forms)
            table[match_key(form)] = CueEntry("verb", cls, forms[0], weak, agreement)
    for perfect, imperfect, cls, weak in data.VERBS:
        for form, agreement in _verb_forms(perfect, imperfect):
            table[match_key(form)] = CueEntry("verb", cls, perfect, weak, agreement)
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
#: The keys that start a listed cue, word or phrase.
_LISTED_HEADS = frozenset(WORD_CUES).union(PHRASE_CUES)


def key_set(words: Iterable[str]) -> frozenset[str]:
    """The matching keys of `words`."""
    return frozenset(match_key(word) for word in words)


def without_proclitic(key: str) -> str | None:
    """`key` without a leading و or ف, when something word-like is left."""
    return key[1:] if len(key) > 2 and key[0] in _PROCLITICS else None


def cue_at(keys: Sequence[str], first: int) -> CueMatch | None:
    """The longest cue starting at token `first` of a text whose token keys are `keys`."""
    head = keys[first]
    bare = without_proclitic(head)
    if head in _LISTED_HEADS or bare in _LISTED_HEADS:  # most words: neither
        for candidate in (head, bare):
            if candidate is None:
                continue
            for phrase, phrase_entry in PHRASE_CUES.get(candidate, ()):
                rest = phrase[1:]
                if tuple(keys[first + 1 : first + 1 + len(rest)]) == rest:
                    return CueMatch(first, len(phrase), phrase_entry)
            if word_entry := WORD_CUES.get(candidate):
                return CueMatch(first, 1, word_entry)
    entry = _object_cue(head)
    return None if entry is None else CueMatch(first, 1, entry)


@lru_cache(maxsize=1 << 14)
def _object_cue(head: str) -> CueEntry | None:
    """The verb cue of `head` or `head` without its proclitic carrying an object pronoun
    (looked up once per word: the same words come back in every article)."""
    for candidate in (head, without_proclitic(head)):
        entry = _verb_with_object(candidate or "")
        if entry is not None:
            return entry
    return None


def _verb_with_object(key: str) -> CueEntry | None:
    """The verb cue of a word carrying an object pronoun (وصفتها بأنها، تتهمه بـ), weak: it needs
    أن, a colon or its own preposition."""
    for suffix in _OBJECT_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            entry = WORD_CUES.get(stem)
            # a lone ه after the bare perfect may be ة (تابعة is no تابع + ه)
            plain_perfect = suffix == "ه" and stem == match_key(entry.lemma) if entry else False
            if entry is not None and entry.kind == "verb" and not plain_perfect:
                return replace(entry, weak=True, with_object=True)
    return None
