"""Finding the source of a cue: after it (قال المتحدث ... إن), before it (… بوتين والسيسي، أكدا)
or, with no introducer, as the subject right after a verb (أكد الرئيس ماكرون أهمية ...).
"""

from __future__ import annotations

from annotations.arabic import NAME_LINKS
from annotations.attribution import lexicon_data as data
from annotations.attribution.content import COMPLEMENTISER_KEYS, PREPOSITION_FORMS
from annotations.attribution.context import SentenceContext
from annotations.attribution.keyed_words import Words, plain
from annotations.attribution.lexicon import cue_at, key_set
from annotations.attribution.sources import ROLE_KEYS, make_source
from annotations.attribution.suggestion import Source

_STOP = key_set(data.SOURCE_STOP_WORDS)
_SKIP = key_set(data.SOURCE_SKIP_WORDS)
_OPENERS = key_set(data.CLAUSE_OPENERS)
_PARTICLES = key_set(data.VERB_PARTICLES)
#: Compared on the plain surface, not the match key: على must not swallow the name علي.
_FUNCTION = frozenset(map(plain, data.FUNCTION_WORDS))
_MAX_FORWARD = 14
_MAX_BACK = 12


def source_over(words: Words, first: int, end: int) -> Source | None:
    """The source made of tokens `first`..`end` (exclusive), if there are any."""
    if end <= first:
        return None
    start, stop = words.tokens[first].start, words.tokens[end - 1].end
    return make_source(words.text, start, stop, words.keys[first:end], words.entities)


def forward_source(
    words: Words, first: int, end: int, context: SentenceContext, stop_at_comma: bool = False
) -> Source | None:
    """The source among tokens `first`..`end`: up to a time word, a channel (في بيان) or a cue."""
    limit = min(end, context.hi)
    while first < limit and words.keys[first] in _SKIP:
        first += 1
    if first < limit and (
        words.plain[first] in PREPOSITION_FORMS or words.plain[first] in _FUNCTION
    ):
        return None  # a subject does not start with في، من، على ...
    last = first
    while last < min(limit, first + _MAX_FORWARD):
        key = words.keys[last]
        if last in context.cue_tokens or key in _STOP or key in COMPLEMENTISER_KEYS:
            break
        if last > first and stop_at_comma and (
            words.comma_before(last) is not None
            or words.quotation_before(last, context.sentence) is not None
        ):
            break
        last += 1
    while last > first and (
        words.plain[last - 1] in PREPOSITION_FORMS or words.plain[last - 1] in _FUNCTION
    ):
        last -= 1
    return source_over(words, first, last)


def back_source(words: Words, cue_first: int, context: SentenceContext) -> Source | None:
    """The source standing before its verb, back to the start of its clause, or None."""
    end = cue_first
    while end > context.lo and words.keys[end - 1] in _PARTICLES:
        end -= 1
    at = end - 1
    while at >= context.lo:
        if at in context.cue_tokens:
            if at not in context.narrator_tokens:
                return None  # the words before belong to another attribution
            break
        if words.keys[at] in _OPENERS:
            break
        if at < end - 1 and words.boundary_after(at, context.sentence):
            break
        at -= 1
        if end - at > _MAX_BACK:
            return None
    segments = words.comma_segments(at + 1, end)
    return source_over(words, *segments[-1]) if segments else None


def subject_after(words: Words, after: int, hi: int) -> int | None:
    """The end of a subject right after a verb: a title and a name, or a single name."""
    at = after
    while at < hi and words.keys[at] in ROLE_KEYS:
        at += 1
    if at > after:
        while at < hi and at - after < 4 and _is_nisba(words.keys[at]):
            at += 1
        at = _name_end(words, at, hi)
    elif at < hi and words.plain[at] not in _FUNCTION and words.keys[at] not in COMPLEMENTISER_KEYS:
        at += 1
        if words.keys[at - 1] in NAME_LINKS and at < hi:
            at += 1
    if at == after:
        return None
    start, end = words.tokens[after].start, words.tokens[at - 1].end
    for entity in words.entities:
        if start <= entity.start < end:
            at = max(at, words.index_at(entity.end))
    return at


def _name_end(words: Words, at: int, hi: int) -> int:
    """The end of a name of up to two parts from `at`; a link word (عبد، بن ...) joins two words
    into one part (عبد الله) and never ends a name."""
    start, names = at, 0
    while at < hi and names < 2:
        linked = at > start and words.keys[at - 1] in NAME_LINKS
        if not (linked or _is_name_part(words, at)):
            break
        names += words.keys[at] not in NAME_LINKS and not linked
        at += 1
    while at > start and words.keys[at - 1] in NAME_LINKS:
        at -= 1
    return at


def _is_nisba(key: str) -> bool:
    """An adjective of origin after a title (الرئيس الفرنسي ...)."""
    return key.startswith("ال") and key.endswith("ي")


def _is_name_part(words: Words, at: int) -> bool:
    key = words.keys[at]
    start, end = words.gap(at)
    return (
        not key.startswith("ال")
        and not key.endswith("ه")
        and words.plain[at] not in _FUNCTION
        and key not in COMPLEMENTISER_KEYS
        and words.text[start:end].isspace()
        and cue_at(words.keys, at) is None
    )
