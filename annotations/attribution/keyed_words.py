"""The words of a text with their matching keys, and the positions around them.

Every helper works in token indices (into `Words.tokens`) or code-point offsets into `Words.text`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotations.arabic import Token, strip_marks, tokenize, word_forms
from annotations.attribution.segments import QUOTE_MARKS, Quotation, Sentence
from annotations.attribution.suggestion import EntityLink, Excerpt

COMMAS = "،,"
_TRIM = " \t\n.،,؛;:!?؟-–—()"
_HAMZA_ALEFS = str.maketrans("أإآ", "ااا")


def plain(word: str) -> str:
    """`word` without marks and with bare alef: like `match_key` but keeping ى and ة (على ≠ علي)."""
    return strip_marks(word).translate(_HAMZA_ALEFS)


def quote_marks(text: str) -> int:
    """How many quotation marks `text` holds."""
    return sum(text.count(mark) for mark in QUOTE_MARKS)


@dataclass
class Words:
    """A text cut into tokens, with each token's `match_key` and `plain` form."""

    text: str
    entities: Sequence[EntityLink] = ()
    tokens: list[Token] = field(init=False)
    keys: list[str] = field(init=False)
    plain: list[str] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.text)
        forms = [word_forms(token.text) for token in self.tokens]
        self.keys = [key for _, key in forms]
        self.plain = [bare.translate(_HAMZA_ALEFS) for bare, _ in forms]
        self.starts = [token.start for token in self.tokens]

    def index_at(self, offset: int) -> int:
        """The index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def gap(self, token: int) -> tuple[int, int]:
        """The offsets between token `token - 1` and token `token`."""
        end = self.tokens[token].start if token < len(self.tokens) else len(self.text)
        return (self.tokens[token - 1].end if token > 0 else 0), end

    def comma_before(self, token: int) -> int | None:
        """The offset of a comma right before token `token`, if any."""
        start, end = self.gap(token)
        return next((at for at in range(start, end) if self.text[at] in COMMAS), None)

    def start_or(self, token: int, default: int) -> int:
        """Where token `token` starts, or `default` when the text has no such token."""
        return self.tokens[token].start if token < len(self.tokens) else default

    def comma_segments(self, first: int, end: int) -> list[tuple[int, int]]:
        """Tokens `first`..`end` split at commas, as (first, end) pairs."""
        segments: list[tuple[int, int]] = []
        start = first
        for at in range(first + 1, end + 1):
            if at == end or self.comma_before(at) is not None:
                segments.append((start, at))
                start = at
        return segments

    def excerpt(self, start: int, end: int) -> Excerpt | None:
        """`text[start:end]` without outer spaces, punctuation and unpaired quote marks."""
        text = self.text
        while start < end and text[start] in _TRIM:
            start += 1
        while start < end and text[end - 1] in _TRIM:
            end -= 1
        inner = text[start:end]
        if inner and quote_marks(inner) % 2:
            if inner[-1] in QUOTE_MARKS:
                end -= 1
            elif inner[0] in QUOTE_MARKS:
                start += 1
        return Excerpt(start, end, text[start:end]) if start < end else None

    # -- quotations -----------------------------------------------------------------------

    def words_in(self, quotation: Quotation) -> int:
        """How many tokens a quotation holds."""
        start, end = quotation.inner
        return self.index_at(end) - self.index_at(start)

    def quotation_before(self, token: int, sentence: Sentence) -> Quotation | None:
        """The quotation opening in the gap before token `token` (“أكدا ...), if any."""
        return _opening_in(*self.gap(token), sentence)

    def quotation_after(self, token: int, sentence: Sentence) -> Quotation | None:
        """The quotation opening right after token `token` (أن “...”), if any."""
        return self.quotation_before(token + 1, sentence)

    def inside_quotation(self, token: int, sentence: Sentence) -> bool:
        """Whether token `token` stands inside a quotation."""
        start = self.tokens[token].start
        return any(q.start < start < q.inner[1] for q in sentence.quotations)

    def boundary_after(self, token: int, sentence: Sentence) -> bool:
        """Whether a semicolon, colon, dash, closing bracket or opening quotation mark follows
        token `token` (a dateline «دبي، الإمارات (CNN)— أعلن» ends there)."""
        start, end = self.gap(token + 1)
        if any(char in "؛;:)—–-" for char in self.text[start:end]):
            return True
        return _opening_in(start, end, sentence) is not None


def _opening_in(start: int, end: int, sentence: Sentence) -> Quotation | None:
    return next((q for q in sentence.quotations if start <= q.start < end), None)
