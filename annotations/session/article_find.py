"""Find in an article: the hits of what the analyst types, as logical ranges of its text."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from annotations.arabic import HARAKAT, TATWEEL, folded_with_origins
from annotations.session.text_units import Range


class ArticleFind:
    """Hits of a query in `text`, harakat and tatweel ignored, أ إ آ ٱ / ا, ى / ي and ة / ه
    alike, Latin letters in any case; and which hit is current."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.query = ""
        self.hits: list[Range] = []
        self.current: int | None = None

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        return folded_with_origins(self.text)

    def search(self, query: str, start: int = 0) -> Range | None:
        """Find `query`; the current hit is the first at or after logical `start` (else the
        first of all). None when nothing matches."""
        self.query = query
        needle = folded_with_origins(query.strip())[0]
        self.hits = self._find(needle) if needle else []
        if not self.hits:
            self.current = None
            return None
        self.current = bisect_left(self.hits, (start, 0)) % len(self.hits)
        return self.hits[self.current]

    def step(self, delta: int) -> Range | None:
        """The next (`delta` 1) or previous (-1) hit, wrapping round; None without hits."""
        if not self.hits or self.current is None:
            return None
        self.current = (self.current + delta) % len(self.hits)
        return self.hits[self.current]

    def clear(self) -> None:
        self.query, self.hits, self.current = "", [], None

    def _find(self, needle: str) -> list[Range]:
        folded, origins = self._folded
        hits = []
        at = folded.find(needle)
        while at >= 0:
            end = origins[at + len(needle) - 1] + 1
            while end < len(self.text) and (self.text[end] in HARAKAT or self.text[end] == TATWEEL):
                end += 1  # the marks of the last letter belong to the hit
            hits.append((origins[at], end))
            at = folded.find(needle, at + len(needle))
        return hits
