"""A text as word tokens with keys and sentence numbers, and as model sentences with punctuation.

A model sentence ends at an end mark or a newline, and after `MAX_SENTENCE_UNITS` units: text
without punctuation is cut into chunks of that size, so that no sentence makes the taggers' work
grow with the size of the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from annotations.arabic import Token, match_key, strip_marks, tokenize

SENTENCE_ENDS = frozenset(".!?؟\n")
#: Units (words and punctuation) of the longest model sentence; longer runs are cut. Longer than
#: any sentence of the seeds (85) and of ANERcorp's test splits (146).
MAX_SENTENCE_UNITS = 200


class Word(NamedTuple):
    """A word token; `joined` is False when punctuation separates it from the previous word."""

    token: Token
    key: str
    plain: str
    joined: bool


@dataclass(frozen=True)
class Text:
    """The words of a text, and its sentences as model input (word index or None per unit)."""

    words: list[Word]
    sentences: list[list[tuple[str, int | None]]]


@lru_cache(maxsize=1 << 16)
def word_forms(surface: str) -> tuple[str, str]:
    """(surface without marks, match key) of a word."""
    plain = strip_marks(surface)
    return plain, match_key(plain)


def _add(unit: tuple[str, int | None], sentences: list[list[tuple[str, int | None]]]) -> None:
    """Add a unit to the last sentence, opening a new one when it is full."""
    if len(sentences[-1]) >= MAX_SENTENCE_UNITS:
        sentences.append([])
    sentences[-1].append(unit)


def _punctuation(gap: str, sentences: list[list[tuple[str, int | None]]]) -> None:
    """Add the non-space characters of `gap` as units, opening a sentence after an end mark."""
    for char in gap:
        if not char.isspace():
            _add((char, None), sentences)
        if char in SENTENCE_ENDS and sentences[-1]:
            sentences.append([])


def split_text(text: str) -> Text:
    """Words plus sentences; each non-space character between words is a punctuation unit."""
    words: list[Word] = []
    sentences: list[list[tuple[str, int | None]]] = [[]]
    previous_end = 0
    for token in tokenize(text):
        gap = text[previous_end : token.start]
        joined = bool(words) and not gap.strip() and "\n" not in gap
        if not joined:
            _punctuation(gap, sentences)
        plain, key = word_forms(token.text)
        words.append(Word(token, key, plain, joined))
        _add((token.text, len(words) - 1), sentences)
        previous_end = token.end
    _punctuation(text[previous_end:], sentences)
    return Text(words, [s for s in sentences if s])
