"""`WordCursor`: the reader's cursor on a word of the text, and the selection it makes.

The cursor stands on a word (an index into `words`, the text's `annotations.arabic` tokens); a
selection is a logical range: the words from an anchor to the cursor, or a range given whole (an
entity, a quotation). Nothing here reads the store.
"""

from __future__ import annotations

from bisect import bisect_right

from annotations.arabic import Token, tokenize
from annotations.session.text_units import Range, clause_around, quotation_around, sentence_ranges


class WordCursor:
    """A cursor over the words of `text`, and the selection it grows or was given."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[Token] = tokenize(text) or [Token(0, len(text), text)]
        #: The word the cursor stands on (an index into `words`).
        self.position = 0
        self._starts = [word.start for word in self.words]
        self._sentences = sentence_ranges(text)
        self._anchor: int | None = None
        self._sticky = False
        self._fixed: Range | None = None

    # -- moving ----------------------------------------------------------------------------

    def word_at(self, index: int) -> int:
        """The word holding logical `index`, else the nearest one before it."""
        return max(bisect_right(self._starts, index) - 1, 0)

    def word_from(self, index: int) -> int:
        """The word holding logical `index`, else the next one (a cue on punctuation: the
        headline colon of «السيسي لماكرون: ...» leads to the words after it)."""
        word = self.word_at(index)
        if self.words[word].end <= index and word + 1 < len(self.words):
            return word + 1
        return word

    def word_range(self) -> Range:
        """Where the word under the cursor starts and ends."""
        word = self.words[self.position]
        return word.start, word.end

    def move(self, delta: int, *, extend: bool = False) -> None:
        """Move the cursor `delta` words in logical order; `extend` grows the selection."""
        self.go(self.position + delta, extend=extend)

    def go(self, word: int, *, extend: bool = False) -> None:
        """Put the cursor on word number `word` (clamped)."""
        if extend and self._anchor is None:
            self._anchor, self._fixed = self.position, None
        elif not extend and not self._sticky:
            self._anchor = None
        self.position = min(max(word, 0), len(self.words) - 1)

    def go_to_index(self, index: int, *, extend: bool = False) -> None:
        """Put the cursor on the word holding logical `index`."""
        self.go(self.word_at(index), extend=extend)

    def sentence(self, delta: int) -> None:
        """To the start of the next (`delta` 1) or this/previous (-1) sentence."""
        here = self.words[self.position].start
        starts = [self.word_at(start) for start, _ in self._sentences]
        current = max(bisect_right([s for s, _ in self._sentences], here) - 1, 0)
        if delta > 0:
            target = starts[current + 1] if current + 1 < len(starts) else self.position
        elif starts and starts[current] < self.position:
            target = starts[current]
        else:
            target = starts[current - 1] if current > 0 else 0
        self.go(target)

    # -- selecting -------------------------------------------------------------------------

    def selection(self) -> Range | None:
        """The selected range, if any."""
        if self._anchor is not None:
            first, last = sorted((self._anchor, self.position))
            return self.words[first].start, self.words[last].end
        return self._fixed

    @property
    def following(self) -> bool:
        """Whether the selection follows the cursor (`v` pressed once)."""
        return self._sticky

    def extend_to_end(self, unit: str) -> bool:
        """Grow the selection (or start one at the cursor) to the end of the sentence (`unit`
        "sentence") or of the quotation, else the clause ("clause"), the cursor is in; from
        its end, to the end of the next one. False, nothing changed, when there is none."""
        around = self._sentence_around if unit == "sentence" else self._clause_around
        target = self.position
        for word in (self.position, self.position + 1):
            if word < len(self.words) and (stretch := around(self.words[word].start)):
                target = max(target, self.word_at(stretch[1] - 1))
            if target > self.position:
                break
        if target == self.position:
            return False
        if self._anchor is None:
            self._anchor = self.word_at(self._fixed[0]) if self._fixed else self.position
            self._fixed = None
        self.position = target
        return True

    def _sentence_around(self, index: int) -> Range | None:
        found = bisect_right(self._sentences, (index, len(self.text))) - 1
        if found >= 0 and index < self._sentences[found][1]:
            return self._sentences[found]
        return None

    def _clause_around(self, index: int) -> Range | None:
        return quotation_around(self.text, index) or clause_around(self.text, index)

    def toggle_mark(self) -> None:
        """`v`: start a selection that follows the cursor, or end it (it stays selected)."""
        if self._sticky:
            self._fixed, self._anchor, self._sticky = self.selection(), None, False
        else:
            self._anchor, self._sticky, self._fixed = self.position, True, None

    def clear_selection(self) -> None:
        self._anchor, self._sticky, self._fixed = None, False, None

    def select(self, stretch: Range | None) -> bool:
        """Select a given range (False, nothing changed, when None)."""
        if stretch is None:
            return False
        self._anchor, self._sticky, self._fixed = None, False, stretch
        return True

    def select_quotation(self) -> bool:
        """`)`: select the quotation around the cursor, else its clause."""
        return self.select(self._clause_around(self.word_range()[0]))
