"""Entity corrections (`1`-`4`, `0`) with a scope: this mention, this article, every article.

A selection is trimmed of quote marks, punctuation and spaces at both ends before its name is
keyed; a name that occurs nowhere in the article (as the recogniser matches names: whole words,
clitics allowed) is not saved. How far a correction reaches is counted: mentions in the article,
and for every article, mentions in the corpus (`corpus_reach`, slow: run it in a worker).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from annotations.model import EntityScope
from annotations.session.text_units import Range

if TYPE_CHECKING:
    from annotations.corpus import Corpus

#: How each scope is said.
SCOPE_WORDS: dict[EntityScope, str] = {
    "mention": "this mention",
    "article": "this article",
    "corpus": "every article",
}


class Correction(NamedTuple):
    """What an entity correction did: the name's key, the label (None: never an entity), its
    scope and how many mentions of the article it reaches (0: it matched nothing and was not
    saved)."""

    key: str
    label: str | None
    scope: EntityScope
    mentions: int

    @property
    def saved(self) -> bool:
        return self.mentions > 0


class Reach(NamedTuple):
    """Mentions of a name in how many articles."""

    mentions: int
    articles: int


def trimmed(text: str, start: int, end: int) -> Range:
    """`[start, end)` without the quote marks, punctuation and spaces at its ends (empty when
    nothing else is in it)."""
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return start, end


def _edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


def corpus_reach(corpus: Corpus, key: str) -> Reach:
    """The mentions of `key` in every article of `corpus`: the articles the search index finds
    for the name as a phrase, where the name is then counted as the recogniser matches it."""
    from annotations.corpus import QueryError
    from annotations.entities import occurrences

    try:
        ids = corpus.matching_ids(f'"{key}"')
    except QueryError:
        ids = set(corpus.ids())
    counts = [len(occurrences(article.text, [key])[key]) for article in _articles(corpus, ids)]
    return Reach(sum(counts), sum(1 for count in counts if count))


def _articles(corpus: Corpus, ids: set[str]):
    for article_id in sorted(ids):
        if (article := corpus.get(article_id)) is not None:
            yield article


def correction_message(correction: Correction, name: str, reach: Reach | None = None) -> str:
    """The correction in words, `name` as the reader shows it: `«بري» is never an entity in
    this article: 2 mentions`; for every article, the corpus's `reach` once counted."""
    if not correction.saved:
        return f"«{name}» matches no name in this article: nothing saved"
    what = "never an entity" if correction.label is None else f"always {correction.label}"
    said = f"«{name}» is {what} in {SCOPE_WORDS[correction.scope]}"
    if correction.scope != "corpus":
        return f"{said}: {_mentions(correction.mentions)}"
    if reach is None:
        return f"{said}: {_mentions(correction.mentions)} here, counting the other articles…"
    articles = f"{reach.articles} article{'s' * (reach.articles != 1)}"
    return f"{said}: {_mentions(reach.mentions)} in {articles}"


def _mentions(count: int) -> str:
    return f"{count} mention{'s' * (count != 1)}"
