"""Code-point offsets to token indices: the one place where spans meet tokens.

Native records index the words of `annotations.arabic.tokenize` (the same `WORD_RE`); Prodigy
also needs punctuation as tokens (with a `ws` flag), so it gets its own token list built here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from annotations.arabic import WORD_RE

_WORD_OR_MARK = re.compile(WORD_RE.pattern + r"|\S")


class TokenIndex:
    """Where the tokens of one text start and end, for span lookups."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text = text
        places = [match.span() for match in pattern.finditer(text)]
        self.starts = [start for start, _ in places]
        self.ends = [end for _, end in places]

    @classmethod
    def words(cls, text: str) -> TokenIndex:
        """The word tokens of `text` (punctuation left out), as native records count them."""
        return cls(text, WORD_RE)

    @classmethod
    def words_and_marks(cls, text: str) -> TokenIndex:
        """Words plus every other non-space character as a token of its own (for Prodigy)."""
        return cls(text, _WORD_OR_MARK)

    def covering(self, start: int, end: int) -> tuple[int, int] | tuple[None, None]:
        """Indices of the first and last token overlapping [start, end) (inclusive), or Nones."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end) - 1
        if first > last:
            return None, None
        return first, last


def prodigy_tokens(index: TokenIndex) -> list[dict[str, object]]:
    """Prodigy's `tokens`: text, start, end, id and whether whitespace follows."""
    text = index.text
    return [
        {
            "text": text[start:end],
            "start": start,
            "end": end,
            "id": number,
            "ws": end < len(text) and text[end].isspace(),
        }
        for number, (start, end) in enumerate(zip(index.starts, index.ends, strict=True))
    ]
