"""A sentence being read: its token range, its cues, and where its clauses are cut."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from annotations.attribution.lexicon import CueMatch
from annotations.attribution.segments import Sentence


@dataclass(frozen=True)
class SentenceContext:
    """Tokens `lo`..`hi` of `sentence` and the cues found in them.

    `cuts` are offsets of the commas before cues that open their own clause (، مشيرا، حسبما ...):
    content never runs across them. `first_suggestion` counts the suggestions before this sentence.
    """

    sentence: Sentence
    lo: int
    hi: int
    cues: tuple[CueMatch, ...]
    cuts: tuple[int, ...]
    first_suggestion: int

    @cached_property
    def cue_tokens(self) -> frozenset[int]:
        """The tokens covered by a cue of this sentence."""
        return frozenset(t for c in self.cues for t in range(c.first, c.first + c.length))

    @cached_property
    def narrator_tokens(self) -> frozenset[int]:
        """The tokens of narrator formulas (يذكر أن ...), which do not end a source."""
        return frozenset(
            t for c in self.cues if c.entry.kind == "narrator"
            for t in range(c.first, c.first + c.length)
        )

    def end_from(self, start: int) -> int:
        """Where content starting at offset `start` ends: the next cut, else the sentence end."""
        return min([self.sentence.end, *(cut for cut in self.cuts if cut > start)])
