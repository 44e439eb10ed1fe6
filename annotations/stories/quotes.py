"""The same quote or claim across a story's articles: statements matched after Arabic folding
(harakat, hamza forms, ya, ta marbuta: search keys) by rapidfuzz's partial alignment, which finds
the best-matching stretch of the longer statement (a quote is often cut or framed differently);
the words that differ inside a matched quote are marked by a word-level difflib alignment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from annotations.stories.statements import MIN_WORDS, Statement

#: Partial-alignment score (0-100) from which two statements are one quote.
MATCH_SCORE = 85.0
#: A statement holding another one of this share of its length or more is its outer attribution.
NESTED_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One article's wording of a matched quote: the aligned stretch of its statement, and the
    words in it that differ from the quote's shortest other occurrence."""

    statement: Statement
    start: int
    end: int
    text: str
    differences: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A quote found in two or more articles; `key` is its folded wording (shortest occurrence)."""

    key: str
    occurrences: tuple[Occurrence, ...]


def match_quotes(statements: Sequence[Statement], texts: dict[str, str]) -> list[QuoteMatch]:
    """The quotes shared by two or more of the articles; `texts` maps article ids to their texts.

    Nested statements (a content holding a shorter one, as in "Radi said that Sisi stressed X")
    count by the innermost. Pairs are joined best first (alignment score, then length ratio), and
    a quote has at most one occurrence per article: a long statement that contains two shorter
    ones of another article matches only the better one."""
    inner = innermost(statements)
    keys = [" ".join(key for _, _, key in s.words) for s in inner]
    pairs = sorted(
        
            (-score, -min(len(keys[i]), len(keys[j])) / max(len(keys[i]), len(keys[j])), i, j)
            for i in range(len(inner))
            for j in range(i + 1, len(inner))
            if inner[i].article != inner[j].article and (score := _alignment(keys[i], keys[j]))
        
    )
    groups: dict[int, list[int]] = {n: [n] for n in range(len(inner))}
    group_of = list(range(len(inner)))
    for *_, i, j in pairs:
        a, b = group_of[i], group_of[j]
        articles_a = {inner[n].article for n in groups[a]}
        if a == b or articles_a & {inner[n].article for n in groups[b]}:
            continue
        for n in groups[b]:
            group_of[n] = a
        groups[a].extend(groups.pop(b))
    matches = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: (inner[n].article, inner[n].start))
        by_length = sorted(members, key=lambda n: len(keys[n]))
        occurrences = tuple(  # each compared with the shortest other occurrence
            _occurrence(inner[n], inner[by_length[by_length[0] == n]], texts) for n in members
        )
        matches.append(QuoteMatch(keys[by_length[0]], occurrences))
    first = [m.occurrences[0] for m in matches]
    order = sorted(range(len(matches)), key=lambda n: (first[n].statement.article, first[n].start))
    return [matches[n] for n in order]


def innermost(statements: Sequence[Statement]) -> list[Statement]:
    """`statements` less those that hold another statement of their article making up most of
    them (the outer attribution of a nested one)."""

    def holds(outer: Statement, inner: Statement) -> bool:
        return (
            outer is not inner
            and outer.article == inner.article
            and outer.start <= inner.start
            and inner.end <= outer.end
            and (inner.end - inner.start) >= NESTED_SHARE * (outer.end - outer.start)
        )

    return [s for s in statements if not any(holds(s, other) for other in statements)]


def contains(text: str, key: str) -> bool:
    """Whether folded `text` holds folded statement `key`, give or take a few letters."""
    return fuzz.partial_ratio(key, text, score_cutoff=MATCH_SCORE) > 0


def _alignment(a: str, b: str) -> float:
    """The partial-alignment score of two folded statements, 0 below `MATCH_SCORE`."""
    shorter, longer = sorted((a, b), key=len)
    if shorter.count(" ") + 1 < MIN_WORDS:
        return 0.0
    return fuzz.partial_ratio(shorter, longer, score_cutoff=MATCH_SCORE)


def _occurrence(statement: Statement, reference: Statement, texts: dict[str, str]) -> Occurrence:
    """`statement` narrowed to the stretch aligned with `reference`, its differing words marked."""
    words, wanted = statement.words, [key for _, _, key in reference.words]
    matcher = SequenceMatcher(None, [key for _, _, key in words], wanted, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    first, last = blocks[0].a, blocks[-1].a + blocks[-1].size
    start, end = words[first][0], words[last - 1][1]
    same = {n for block in blocks for n in range(block.a, block.a + block.size)}
    differences = tuple(
        (words[n][0], words[n][1]) for n in range(first, last) if n not in same
    )
    return Occurrence(statement, start, end, texts[statement.article][start:end], differences)
