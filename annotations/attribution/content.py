"""Content: what opens it after a cue (أن/إن, a quotation, a colon, the cue's preposition) and
where it ends (the closing mark, the next clause-opening cue, the end of the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from annotations.arabic import match_key
from annotations.attribution import lexicon_data as data
from annotations.attribution.context import SentenceContext
from annotations.attribution.keyed_words import Words, plain
from annotations.attribution.lexicon import CueMatch
from annotations.attribution.segments import Quotation
from annotations.attribution.suggestion import Excerpt

COMPLEMENTISER_KEYS = frozenset(
    match_key(word + suffix) for word in data.COMPLEMENTISERS for suffix in data.PRONOUN_SUFFIXES
)
_BARE_COMPLEMENTISERS = frozenset(map(match_key, data.COMPLEMENTISERS))
PREPOSITION_FORMS = frozenset(map(plain, data.PREPOSITIONS))
_CUE_PREPOSITIONS = {match_key(cue): plain(p) for cue, p in data.CONTENT_PREPOSITIONS.items()}
#: What a verb carrying its object says of it (تتهمه أنقرة بتدبير، يعتبره الحوثيون بمثابة).
_OBJECT_PREPOSITIONS = {match_key(cue): "ب" for cue in ("اتهم", "اعتبر")}
_NOT_OBJECTS = frozenset({"باسم", "بعد", "بين", "بدوره", "بدورها", "بشكل", "بصوره"})
#: How many words a cue's own preposition may stand after it: up to six for verbs that cannot do
#: without it (دعت رودريغيز، أمام المعارضين، إلى ...; عزت الشركة هذه الخسائر إلى ...), two for
#: the others, whose object may take the same preposition (أكد الرئيسان الحرص على ...).
_FAR_CUES = frozenset(
    map(match_key, ("دعا", "حث", "حض", "عزا", "احتج", "شكر", "داعي", "دعوة", "دعوات"))
)
_FAR_REACH = 6
_NEAR_REACH = 2
_WINDOW = 14
_WEAK_WINDOW = 6

IntroKind = Literal["quote", "colon", "complementiser", "preposition"]


@dataclass(frozen=True, slots=True)
class Intro:
    """What opens a cue's content; the words between the cue and token `token` may be its source."""

    kind: IntroKind
    token: int
    content_start: int
    quotation: Quotation | None


def find_introducer(
    words: Words, cue: CueMatch, context: SentenceContext, following: int
) -> Intro | None:
    """The first thing after `cue` that opens its content, before the `following` cue."""
    after = cue.first + cue.length
    lemma = match_key(cue.entry.lemma)
    preposition = _CUE_PREPOSITIONS.get(lemma) or (
        _OBJECT_PREPOSITIONS.get(lemma) if cue.entry.with_object else None
    )
    channel = any(  # وكتبت إذاعة "هابانا" على حسابها بموقع تويتر أن ...: the speaker, then where
        c.entry.kind == "frame" and after < c.first < after + _WEAK_WINDOW for c in context.cues
    )
    weak = cue.entry.weak and cue.entry.kind == "verb" and not channel
    window = _WEAK_WINDOW if weak else _WINDOW
    limit = min(following, context.hi, after + window)
    sentence = context.sentence
    for at in range(after, limit):
        previous = words.plain[at - 1]
        # the source region stops before a preposition that leads into the content
        token = at - 1 if at > after and previous in PREPOSITION_FORMS else at
        quotation = words.quotation_before(at, sentence)
        if quotation is not None and (
            (at == after and words.words_in(quotation) > 2)  # أعلنت "فودافون"، حسب ...: a name
            or previous in PREPOSITION_FORMS
            or words.words_in(quotation) >= 4
        ):
            return Intro("quote", token, quotation.inner[0], quotation)
        gap_start, gap_end = words.gap(at)
        if ":" in words.text[gap_start:gap_end]:
            return Intro("colon", at, gap_end, None)
        key = words.keys[at]
        if key in COMPLEMENTISER_KEYS:
            start = words.tokens[at].end if key in _BARE_COMPLEMENTISERS else words.tokens[at].start
            return Intro("complementiser", token, start, words.quotation_after(at, sentence))
        before_complementiser = at + 1 < limit and words.keys[at + 1] in COMPLEMENTISER_KEYS
        reach = _FAR_REACH if lemma in _FAR_CUES else _NEAR_REACH
        if words.plain[at] == preposition and at - after <= reach and not before_complementiser:
            quotation = words.quotation_after(at, sentence)
            return Intro("preposition", at, words.tokens[at].end, quotation)
        first = at == after and cue.entry.agreement not in ("d", "p")  # يطالبون بفك: no subject
        if preposition == "ب" and _attached_object(words, at, first):
            return Intro("preposition", at, words.tokens[at].start, None)
    return _colon_at(words, limit, context) if limit > after else None


def _colon_at(words: Words, at: int, context: SentenceContext) -> Intro | None:
    """A colon right before token `at`, where the next cue starts (وتابع مون: "أكد كيم ...")."""
    if at >= context.hi:
        return None
    gap_start, gap_end = words.gap(at)
    if ":" not in words.text[gap_start:gap_end]:
        return None
    quotation = words.quotation_before(at, context.sentence)
    start = quotation.inner[0] if quotation is not None else gap_end
    return Intro("colon", at, start, quotation)


def _attached_object(words: Words, at: int, first: bool) -> bool:
    """Whether token `at` is ب + the object of a cue (تعهد بالتخلص، طالب الفلسطينيون بفك ...):
    ب + the article, or, after the source, ب + a word outside any entity (باسم never)."""
    key = words.keys[at]
    if len(key) < 3 or key[0] != "ب" or key in _NOT_OBJECTS:
        return False
    if key.startswith("بال"):
        return True
    inside = any(e.start <= words.tokens[at].start < e.end for e in words.entities)
    return not inside and not first


def introduced_content(words: Words, intro: Intro, context: SentenceContext) -> Excerpt | None:
    """The content an introducer opens: its quotation, else the rest of the clause."""
    if intro.quotation is None:
        return words.excerpt(intro.content_start, context.end_from(intro.content_start))
    start, end = intro.quotation.inner
    if not intro.quotation.closed:
        end = min(end, context.end_from(start))
    return words.excerpt(start, end)


def clause_from(words: Words, token: int, context: SentenceContext) -> Excerpt | None:
    """The rest of the clause from token `token` (a direct object: أكد السيسي موقف مصر ...)."""
    start = words.tokens[token].start if token < context.hi else context.sentence.end
    return words.excerpt(start, context.end_from(start))
