"""What each article of a story says and who says it: the contents of its attributions (the
analyst's when given, else the suggester's, marked as suggested) and its direct quotations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from annotations.attribution import DEFAULT_SUGGESTION_THRESHOLD, shown, suggest_attributions
from annotations.corpus import Article
from annotations.corpus.search_keys import keyed_words
from annotations.entities import Entity

#: Direct quotations: text between «» “” or straight double quotes, on one line.
QUOTATION_RE = re.compile(r"«([^«»\n]+)»|“([^“”\n]+)”|\"([^\"\n]+)\"")
#: Fewer words than this are a name or a phrase, not a quote or claim worth matching.
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Statement:
    """A quote or claim of one article: `text == article.text[start:end]`; `cue` and `source`
    are None for a quotation found by its quote marks alone."""

    article: str
    start: int
    end: int
    text: str
    cue: str | None = None
    source: str | None = None
    source_type: str | None = None
    suggested: bool = False

    @property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, key) of each word, in article offsets."""
        return [(self.start + s, self.start + e, k) for s, e, k in keyed_words(self.text)]


def statements_of(
    article: Article,
    entities: Sequence[Entity],
    analyst: Sequence[Statement] | None = None,
) -> list[Statement]:
    """The statements of `article` in text order: `analyst`'s when given (even empty: the analyst
    has read it), else the suggestions shown by default; then the quotations outside them."""
    if analyst is None:
        suggestions = shown(
            suggest_attributions(article.text, entities), DEFAULT_SUGGESTION_THRESHOLD
        )
        attributed = [
            Statement(
                article.id, part.start, part.end, part.text, s.cue.text,
                s.source.text if s.source else None, s.source.type if s.source else None, True,
            )
            for s in suggestions
            for part in s.content
        ]
    else:
        attributed = list(analyst)
    covered = [(s.start, s.end) for s in attributed]
    quoted = [
        Statement(article.id, start, end, article.text[start:end])
        for start, end in _quotations(article.text)
        if not any(a <= start and end <= b for a, b in covered)
    ]
    found = [s for s in [*attributed, *quoted] if len(s.words) >= MIN_WORDS]
    return sorted(found, key=lambda s: (s.start, s.end))


def _quotations(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in QUOTATION_RE.finditer(text):
        group = next(n for n in (1, 2, 3) if match.group(n) is not None)
        spans.append((match.start(group), match.end(group)))
    return spans
