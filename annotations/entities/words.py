"""A text as word tokens with keys and sentence numbers, and as model sentences with punctuation.

A model sentence ends at an end mark or a newline, and after `MAX_SENTENCE_UNITS` units: text
without punctuation is cut into chunks of that size, so that no sentence makes the taggers' work
grow with the size of the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from annotations.arabic import Token, tokenize, word_forms

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


#: `Word(...)` without the named tuple's Python-level `__new__` (once per word of a text).
_word = tuple.__new__


def _punctuation(gap: str, sentences: list[list[tuple[str, int | None]]]) -> None:
    """Add the non-space characters of `gap` as units, opening a sentence after an end mark or
    when the last one is full."""
    for char in gap:
        if not char.isspace():
            if len(sentences[-1]) >= MAX_SENTENCE_UNITS:
                sentences.append([])
            sentences[-1].append((char, None))
        if char in SENTENCE_ENDS and sentences[-1]:
            sentences.append([])


def split_text(text: str) -> Text:
    """Words plus sentences; each non-space character between words is a punctuation unit."""
    words: list[Word] = []
    sentences: list[list[tuple[str, int | None]]] = [[]]
    units = sentences[-1]
    previous_end = 0
    for token in tokenize(text):
        gap = text[previous_end : token.start]
        joined = bool(words) and (gap == " " or (not gap.strip() and "\n" not in gap))
        if not joined:
            _punctuation(gap, sentences)
            units = sentences[-1]
        if len(units) >= MAX_SENTENCE_UNITS:
            units = []
            sentences.append(units)
        units.append((token.text, len(words)))
        plain, key = word_forms(token.text)
        words.append(_word(Word, (token, key, plain, joined)))
        previous_end = token.end
    _punctuation(text[previous_end:], sentences)
    return Text(words, [s for s in sentences if s])
