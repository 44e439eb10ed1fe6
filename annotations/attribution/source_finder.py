"""Finding the source of a cue: after it (قال المتحدث ... إن), before it (… بوتين والسيسي، أكدا)
or, with no introducer, as the subject right after a verb (أكد الرئيس ماكرون أهمية ...).
"""

from __future__ import annotations

from annotations.arabic import NAME_LINKS
from annotations.attribution import lexicon_data as data
from annotations.attribution.content import COMPLEMENTISER_KEYS, PREPOSITION_FORMS
from annotations.attribution.context import SentenceContext
from annotations.attribution.keyed_words import Words, plain
from annotations.attribution.lexicon import WORD_CUES, cue_at, key_set, without_proclitic
from annotations.attribution.source_types import ROLE_KEYS, make_source
from annotations.attribution.suggestion import Source

_STOP = key_set(data.SOURCE_STOP_WORDS)
_SKIP = key_set(data.SOURCE_SKIP_WORDS)
_OPENERS = key_set(data.CLAUSE_OPENERS)
_PARTICLES = key_set(data.VERB_PARTICLES)
_TIME = key_set(data.TIME_WORDS)
_ADDRESSEES = key_set(data.ADDRESSEES)
_ADJECTIVES = key_set(data.ADJECTIVES)
_POSSESSIVES = ("ه", "ها", "هم", "هما")
HEADS = key_set(
    (*data.ANONYMOUS_HEADS, *data.DOCUMENT_HEADS, *data.MEDIA_HEADS, *data.ORGANISATION_HEADS,
     *data.ROLE_HEADS, *data.STATE_NAMES)
)
_CONSTRUCT = {key for key in HEADS if not key.startswith("ال")} - key_set(data.STATE_NAMES) | (
    key_set(data.CONSTRUCT_NOUNS)
)
_PRONOUNS = key_set(data.PRONOUNS)
_MEDIA = key_set(data.MEDIA_HEADS)
_ADVERBS = key_set(data.SOURCE_ADVERBS)
_TANWEEN_FATH = "\u064b"
RELATIVES = key_set(data.RELATIVE_PRONOUNS)
#: Compared on the plain surface, not the match key: على must not swallow the name علي.
_FUNCTION = frozenset(map(plain, data.FUNCTION_WORDS))
DATELINE_ENDS = ")—–-"
_NAME_ENDS = frozenset({"ابي"})  # a link word that also ends names (شينزو آبي)
_MAX_FORWARD = 14
_MAX_BACK = 12


def source_over(words: Words, first: int, end: int) -> Source | None:
    """The source made of tokens `first`..`end` (exclusive), if there are any."""
    if end <= first:
        return None
    start, stop = words.tokens[first].start, words.tokens[end - 1].end
    return make_source(words.text, start, stop, words.keys[first:end], words.entities)


def forward_source(
    words: Words,
    first: int,
    end: int,
    context: SentenceContext,
    stop_at_comma: bool = False,
    addressee: bool = True,
) -> Source | None:
    """The source among tokens `first`..`end`: up to a time word, a channel (في بيان) or a cue.
    After a verb (`addressee`), ل + noun is whom the words are addressed to, never the source."""
    limit = min(end, context.hi)
    while first < limit and (
        words.keys[first] in _SKIP or words.keys[first] in _ADVERBS
        or _TANWEEN_FATH in words.tokens[first].text
    ):
        first += 1  # أكد فيه، أكد مجدداً، قال هو نفسه: what stands before the subject
    if first < limit and (
        words.plain[first] in PREPOSITION_FORMS or words.plain[first] in _FUNCTION
        or words.keys[first] in _PRONOUNS
        or (addressee and (_is_addressee(words, first) or not may_start_subject(words, first)))
        or (addressee and prepositional_object(words.keys[first]))
    ):
        # a subject does not start with في، من، على ...، with لـ (قال لرويترز) nor with ب + a
        # verbal noun or a possessed noun (واعترف بكذبه)
        return None
    last = first
    while last < min(limit, first + _MAX_FORWARD):
        key = words.keys[last]
        if last in context.cue_tokens or key in _STOP or key in COMPLEMENTISER_KEYS:
            break
        if last > first and key in RELATIVES:
            break  # الرئيس الكوبي، ميغيل دياز كانيل، الذي وصل ...: the relative clause stays out
        if addressee and last > first and (
            key in _ADDRESSEES or (key[:1] == "ل" and _ends_name(words.keys[last - 1]))
            or (key[:1] == "ل" and key[1:] in _MEDIA)
        ):
            break  # قال مون للصحافيين، فواز جرجس لـCNN، المتحدث لرويترز: the addressee
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
    """The source standing before its verb, back to the start of its clause, or None.

    A verb joined by و (وقال، وقد أكد) opens a clause of its own: nothing before it is its subject.
    A subject never starts with a preposition, a number or a time word (في وقت لاحق، عام 2017).
    """
    if joined_by_wa(words.keys[cue_first]):
        return None
    end = cue_first
    while end > context.lo and words.keys[end - 1] in _PARTICLES:
        end -= 1
        if words.keys[end].startswith("و"):
            return None
    if any(char in DATELINE_ENDS for char in words.text[slice(*words.gap(end))]):
        return None  # «أتلانتا، الولايات المتحدة (CNN)-- أكدت»: a dateline, not a subject
    relative = end > context.lo and words.keys[end - 1] in RELATIVES
    end -= relative  # قال مبابي الذي أكد ...: the noun the relative clause is about
    at = end - 1
    while at >= context.lo:
        if at in context.cue_tokens:
            if at not in context.narrator_tokens and not relative:
                return None  # the words before belong to another attribution
            break
        if words.keys[at] in _OPENERS or without_proclitic(words.keys[at]) in _OPENERS:
            break
        if at < end - 1 and words.boundary_after(at, context.sentence):
            break
        at -= 1
        if end - at > _MAX_BACK:
            return None
    segments = words.comma_segments(at + 1, end)
    if not segments or not may_start_subject(words, segments[-1][0]):
        return None
    return source_over(words, *segments[-1])


def _is_addressee(words: Words, at: int) -> bool:
    """Whether token `at` reads as ل + a noun (للصحافيين، لرويترز، لـCNN): not a name in ل."""
    key, token = words.keys[at], words.tokens[at]
    if len(key) < 3 or key[0] != "ل" or any(e.start == token.start for e in words.entities):
        return False
    return key.startswith("لل") or key[1:] in HEADS or token.text[1:2] == "\u0640" or len(key) < 5


def _ends_name(key: str) -> bool:
    """Whether a word can end a name or a title (not a noun in construct: بيان للرئاسة)."""
    return key not in HEADS and not key.startswith("ال")


def joined_by_wa(key: str) -> bool:
    """Whether a cue's token is و + the cue (وقال), not a cue that starts with و (وصف)."""
    return key.startswith("و") and key not in WORD_CUES


def may_start_subject(words: Words, at: int) -> bool:
    """Whether token `at` can open a subject (not في، وفي، a number or a time word)."""
    word = words.plain[at]
    bare = word[1:] if word[:1] in "وف" and len(word) > 2 else word
    return not (
        word in _FUNCTION or bare in _FUNCTION or bare in PREPOSITION_FORMS
        or words.keys[at] in _TIME or bare[:1].isdigit() or words.keys[at] in _PRONOUNS
        or words.keys[at].startswith(("بال", "لل", "كال"))  # بالكامل، للصحافيين
    )


def subject_after(words: Words, after: int, hi: int) -> int | None:
    """The end of a subject right after a verb, or None: a noun phrase (`noun_phrase_end`) whose
    head is a title, a known head or a name; a name after a title."""
    if after >= hi or not may_start_subject(words, after) or not _is_head(words, after):
        return None
    at = noun_phrase_end(words, after, hi)
    if any(words.keys[t] in ROLE_KEYS for t in range(after, at)):
        at = _name_end(words, at, hi)
    start, end = words.tokens[after].start, words.tokens[at - 1].end
    for entity in words.entities:
        if start <= entity.start < end:
            at = max(at, words.index_at(entity.end))
    return at


def noun_phrase_end(words: Words, first: int, hi: int) -> int:
    """The end of the noun phrase that starts at token `first`: a noun in construct state (no
    article: رئيس، وزارة، مجلس) runs into the next noun, a noun with the article (or a name) only
    into its adjectives (الوطني، المتحدة، السابق). Checked on UD Arabic-PUD: a noun without the
    article is followed by its genitive `nmod` in 97% of noun pairs, one with the article by its
    `amod` in 93% of noun-adjective pairs and almost never by an `nmod`."""
    at = first
    while at + 1 < hi and words.text[slice(*words.gap(at + 1))].isspace():
        key, following = words.keys[at], at + 1
        if not _is_noun(words, following):
            break
        construct = key in _CONSTRUCT or key in NAME_LINKS or (
            key.endswith("ه") and not key.endswith("يه") and not key.startswith(("ال", "لل"))
        )
        if not (construct or _is_adjective(words.keys[following])):
            break
        at = following
    return at + 1


def _is_head(words: Words, at: int) -> bool:
    """Whether token `at` can head a subject after a verb: not a function word, not أن, not
    `object_like`."""
    return (
        words.plain[at] not in _FUNCTION
        and words.keys[at] not in COMPLEMENTISER_KEYS
        and not object_like(words, at)
    )


def object_like(words: Words, at: int) -> bool:
    """Whether token `at` is a verbal noun or a noun with a possessive, which after a verb are
    its object (أكد التزام الاتحاد، أعلن الإفراج عن، أبدى خجله) and head no speaker."""
    return object_like_key(words.keys[at], words.plain[at])


def prepositional_object(key: str) -> bool:
    """Whether a word's key is ب + a verbal noun or a noun with a possessive (بإنشاء، بكذبه), the
    object of a preposition, not a name or a noun in ب (بابادوبولوس، بعثة، بعضهم)."""
    return len(key) > 4 and key[0] == "ب" and not key.startswith("بعض") and object_like_key(
        key[1:]
    )


def object_like_key(key: str, word: str | None = None) -> bool:
    """`object_like` on a word's key (and its plain form, which keeps ة apart from ه)."""
    bare = key[2:] if key.startswith("ال") else key
    if key in HEADS:
        return False
    return _is_verbal_noun(key) or _is_verbal_noun(bare) or (word or key).endswith(_POSSESSIVES)


def _is_verbal_noun(key: str) -> bool:
    """Whether `key` has the shape of a derived verbal noun: إفعال (إعلان)، إفالة (إصابة)،
    تفعيل (تدمير)، افتعال (التزام)، استفعال (استخدام)."""
    size = len(key)
    return (
        (size == 5 and key[0] == "ا" and key[3] == "ا")
        or (size == 5 and key[0] == "ا" and key[2] == "ا" and key[4] == "ه")
        or (size == 5 and key[0] == "ت" and key[3] == "ي")
        or (size == 6 and key[0] == "ا" and key[2] == "ت" and key[4] == "ا")
        or (size == 7 and key.startswith("است") and key[5] == "ا")
    )


def _is_noun(words: Words, at: int) -> bool:
    """Whether token `at` can continue a noun phrase (not بال/لل + noun, a function word, a cue)."""
    key = words.keys[at]
    return (
        not key.startswith(("بال", "لل"))
        and words.plain[at] not in _FUNCTION and words.plain[at] not in PREPOSITION_FORMS
        and key not in COMPLEMENTISER_KEYS and key not in _STOP and cue_at(words.keys, at) is None
    )


def _is_adjective(key: str) -> bool:
    """An adjective after a noun with the article: a nisba (الليبي، الأمريكية) or a common one."""
    return key.startswith("ال") and (key.endswith(("ي", "يه", "يين", "يون")) or key in _ADJECTIVES)


def _name_end(words: Words, at: int, hi: int) -> int:
    """The end of a name of up to two parts from `at`; a link word (عبد، بن ...) joins two words
    into one part (عبد الله) and never ends a name."""
    start, names = at, 0
    while at < hi and names < 2:
        linked = at > start and words.keys[at - 1] in NAME_LINKS and (
            words.plain[at] not in _FUNCTION
        )
        if not (linked or is_name_part(words, at)):
            break
        names += words.keys[at] not in NAME_LINKS and not linked
        at += 1
    while at > start and words.keys[at - 1] in NAME_LINKS - _NAME_ENDS:
        at -= 1
    return at


def is_name_part(words: Words, at: int) -> bool:
    key = words.keys[at]
    start, end = words.gap(at)
    return (
        not key.startswith("ال")
        and not key.endswith("ه")
        and not _is_verbal_noun(key)
        and not prepositional_object(key)  # وعدت وزيرة الثقافة بتطوير
        and words.plain[at] not in _FUNCTION
        and key not in COMPLEMENTISER_KEYS
        and words.text[start:end].isspace()
        and cue_at(words.keys, at) is None
    )
