"""Full-text search over a corpus index, in a query language an analyst types without thinking.

    ترامب روسيا          both words (words are ANDed)
    "البيت الأبيض"        the phrase, its words adjacent
    ترامب OR ماكرون       either word
    ترامب -روسيا          articles with the first word and without the second
    ترام*                 words starting with a prefix (two letters at least)

Words match by their search keys (harakat, tatweel and letter variants ignored, see
`search_keys`) and behind proclitics: ترامب finds وترامب and لترامب, a phrase behind the
proclitics of its first word. The index finds and ranks the articles; hits are then found again
in their canonical text, so that every hit is a pair of canonical offsets.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from annotations.corpus.index import ArticleFilter, ArticleIndex, ArticleInfo
from annotations.corpus.search_keys import keyed_words, proclitic_forms, surface_index

_PIECE = re.compile(r'(-?)(?:"([^"]*)("?)|(\S+))')
_MIN_PREFIX = 2
#: Letters a word being typed needs, after a leading ال, to be looked for as a prefix: a shorter
#: prefix matches most of an archive and costs the most (on ANT v2.1, 31k articles: ال* 1.5 s,
#: الم* 170 ms, تر* 15 ms; ترا* 4 ms).
TYPED_PREFIX = 3
#: Letters a word being typed needs to be looked for at all: one letter behind a proclitic is a
#: common word (ا finds لا and إلا, م finds لم: ا matched 14,455 of ANT's 31,523 articles, 20 to
#: 36 ms of a loaded machine for the first letter of every word typed). A digit is a number.
TYPED_WORD = 2
#: Characters of context on each side of a snippet's first hit.
SNIPPET_BEFORE = 60
SNIPPET_AFTER = 140


class QueryError(ValueError):
    """A query that cannot be searched; the message is one line, for the analyst."""


@dataclass(frozen=True)
class Term:
    """A word, a prefix (`prefix` is True) or a phrase (several words), as search keys."""

    words: tuple[str, ...]
    prefix: bool = False

    def expression(self) -> str:
        """The FTS5 expression of the term: its first word in each of its proclitic forms."""
        rest = " ".join(self.words[1:])
        star = "*" if self.prefix else ""
        forms = [f'"{" ".join(filter(None, (form, rest)))}"{star}' for form in self.forms()]
        return "(" + " OR ".join(forms) + ")"

    def forms(self) -> dict[str, int]:
        return proclitic_forms(self.words[0])


@dataclass(frozen=True)
class Query:
    """Groups of terms to find (all groups, any term of a group) and terms to exclude."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def expression(self) -> str:
        """The query as an FTS5 expression."""
        found = " AND ".join(
            "(" + " OR ".join(term.expression() for term in group) + ")" for group in self.groups
        )
        if self.excluded:
            found = f"({found}) NOT (" + " OR ".join(t.expression() for t in self.excluded) + ")"
        return found

    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a query term is in an article: canonical offsets and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """A stretch of an article around its first hit (newlines shown as spaces)."""

    start: int
    end: int
    text: str
    cut_before: bool
    cut_after: bool

    def __str__(self) -> str:
        return ("…" if self.cut_before else "") + self.text + ("…" if self.cut_after else "")


@dataclass(frozen=True)
class SearchResult:
    info: ArticleInfo
    #: Relevance (BM25: higher is better).
    score: float
    hits: tuple[Hit, ...]
    snippet: Snippet


def parse_query(text: str) -> Query:
    """The query in `text`, or `QueryError` saying what is wrong with it."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    for match in _PIECE.finditer(text):
        negated, quoted, closed, bare = match.groups()
        if bare == "OR" and not negated:
            if not groups or pending_or:
                raise QueryError("OR needs a word on each side")
            pending_or = True
            continue
        if quoted is not None and not closed:
            raise QueryError("a quote is not closed")
        term = _term(quoted if quoted is not None else bare, quoted is not None, bool(negated))
        if term is None:
            continue
        if negated:
            if pending_or:
                raise QueryError("an excluded word cannot be part of OR")
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if pending_or:
        raise QueryError("OR needs a word on each side")
    if not groups:
        raise QueryError("nothing to search for" + (": only excluded words" if excluded else ""))
    return Query(tuple(map(tuple, groups)), tuple(excluded))


def _term(text: str, quoted: bool, negated: bool) -> Term | None:
    if negated and not text:
        raise QueryError("'-' needs a word after it")
    prefix = not quoted and text.endswith("*")
    body = text.rstrip("*") if prefix else text
    if not quoted and "*" in body:
        raise QueryError("'*' may only end a word (prefix*)")
    words = tuple(key for _start, _end, key in keyed_words(body))
    if not words:
        return None
    if prefix and len(words[-1]) < _MIN_PREFIX:
        raise QueryError(f"a prefix needs at least {_MIN_PREFIX} letters before '*'")
    if prefix and len(words) > 1:
        raise QueryError("'*' ends one word, not a phrase")
    return Term(words, prefix)


def as_typed(text: str) -> str:
    """A query being typed: its last word, unless followed by a space or a quote, is left out
    while it has fewer than `TYPED_WORD` letters and is not a number (with an OR before it),
    and is a prefix once it has `TYPED_PREFIX` letters after a leading ال (shorter, it is a
    word). Empty when nothing is left to look for."""
    stripped = text.rstrip()
    if stripped != text or not stripped or stripped.endswith(('"', "*")):
        return stripped
    *before, last = stripped.split()
    keys = [key for _start, _end, key in keyed_words(last)]
    if len(keys) == 1 and len(keys[0]) < TYPED_WORD and not keys[0].isdigit():
        return " ".join(before[:-1] if before[-1:] == ["OR"] else before)
    if last.startswith("-") or len(keys) != 1 or len(keys[0].removeprefix("ال")) < TYPED_PREFIX:
        return stripped
    return stripped + "*"


def search(
    index: ArticleIndex, query: Query | str, where: ArticleFilter | None = None, limit: int = 20
) -> list[SearchResult]:
    """The `limit` best articles for `query` passing `where`, best first, then newest."""
    if isinstance(query, str):
        query = parse_query(query)
    try:
        ranked = index.match(query.expression(), where, limit)
    except sqlite3.OperationalError as error:  # the expression is ours: a bug if it happens
        raise QueryError(f"the index cannot run this query ({error})") from None
    infos = index.infos_by_rowid([rowid for rowid, _score in ranked])
    results = []
    for rowid, score in ranked:
        text = index.text(rowid)
        hits = find_hits(query, text)
        results.append(SearchResult(infos[rowid], round(-score, 3), hits, snippet(text, hits)))
    return results


def matching_ids(
    index: ArticleIndex, query: Query | str, where: ArticleFilter | None = None
) -> set[str]:
    """The ids of every article matching `query`, without reading their texts (for narrowing
    a list as the analyst types)."""
    if isinstance(query, str):
        query = parse_query(query)
    try:
        return index.matching_ids(query.expression(), where)
    except sqlite3.OperationalError as error:
        raise QueryError(f"the index cannot run this query ({error})") from None


def find_hits(query: Query, text: str) -> tuple[Hit, ...]:
    """Every place in `text` where a term of `query` to be found is, in text order."""
    words = list(keyed_words(text))
    keys = [key for _start, _end, key in words]
    spans = set()
    for term in query.terms():
        forms = term.forms()
        rest = list(term.words[1:])
        for index, key in enumerate(keys):
            offset = _form_offset(key, forms, term.prefix)
            if offset is None or keys[index + 1 : index + 1 + len(rest)] != rest:
                continue
            start, end, _key = words[index]
            start += surface_index(text[start:end], offset)
            spans.add((start, words[index + len(rest)][1]))
    return tuple(Hit(start, end, text[start:end]) for start, end in sorted(spans))


def _form_offset(key: str, forms: dict[str, int], prefix: bool) -> int | None:
    if not prefix:
        return forms.get(key)
    return next((offset for form, offset in forms.items() if key.startswith(form)), None)


def snippet(text: str, hits: Sequence[Hit]) -> Snippet:
    """The stretch of `text` around its first hit (its start when there is none), cut at
    word boundaries."""
    first = hits[0] if hits else Hit(0, 0, "")
    start = max(0, first.start - SNIPPET_BEFORE)
    end = min(len(text), first.end + SNIPPET_AFTER)
    if start > 0:
        start = _word_start_after(text, start, first.start)
    if end < len(text):
        end = _word_end_before(text, end, first.end)
    return Snippet(start, end, text[start:end].replace("\n", " "), start > 0, end < len(text))


def _word_start_after(text: str, at: int, limit: int) -> int:
    space = text.find(" ", at, limit)
    return at if space < 0 else space + 1


def _word_end_before(text: str, at: int, limit: int) -> int:
    space = text.rfind(" ", limit, at)
    return at if space < 0 else space
