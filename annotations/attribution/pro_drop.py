"""Subjects not written at their verb (pro-drop), found in the sentence around it.

Arabic news opens a clause with its verb and subject (عاد الرئيس الأميركي ...) and lets the
verbs joined to it by و/ف, a verb in a clause with فيه/فيها (خطاباً اعترف فيه) and a participle
after a comma share that subject without writing it again: «عاد الرئيس الأميركي وقال إن ...»،
«أصدر قادة الدول بياناً ...، مطالبة موسكو ...».
"""

from __future__ import annotations

from dataclasses import dataclass

from annotations.arabic import HARAKAT, NAME_LINKS, strip_marks
from annotations.attribution import lexicon_data as data
from annotations.attribution.context import SentenceContext
from annotations.attribution.keyed_words import Words, plain
from annotations.attribution.lexicon import key_set, without_proclitic
from annotations.attribution.source_finder import (
    DATELINE_ENDS,
    HEADS,
    is_name_part,
    may_start_subject,
    prepositional_object,
    source_over,
    subject_after,
)
from annotations.attribution.suggestion import Source

_LEADING = key_set((*data.VERB_PARTICLES, *data.CLAUSE_OPENERS, "و", "ف"))
_TIME = key_set(data.TIME_WORDS)
_BUT = ("لكن", "ولكن")  # لكنه عاد وقال: لكن with its pronoun opens the clause
_FUNCTION = frozenset(map(plain, data.FUNCTION_WORDS))
_TANWEEN_FATH = "\u064b"
_DAMMA = "\u064f"
_NOUN_ENDINGS = ("ة", "ات", "اته", "اتها", "اتهم")  # توقعاتها: a plural noun, not a verb
_IMPERFECT = "يت"
_DATELINE = 12  # the most words a dateline may have
_LONGEST_PERFECT = 6  # استفعل
_LONGEST_IMPERFECT = 8  # يستفعلون
#: فيه/فيها right after a verb: the verb stands in a clause about the noun before it
#: (خطاباً اعترف فيه، مسيرات يطالبون فيها), which is not its subject.
RESUMPTIVES = key_set(("فيه", "فيها"))


@dataclass(frozen=True, slots=True)
class OpeningSubject:
    """The subject written right after the verb at token `verb` that opens a clause."""

    verb: int
    source: Source


def opening_subjects(words: Words, context: SentenceContext, before: int) -> list[OpeningSubject]:
    """The subjects written after the verbs that open the sentence and its comma clauses before
    token `before`, the nearest clause first."""
    first = next(
        (at for at in range(context.lo + 1, min(before, context.lo + _DATELINE)) if any(
            char in DATELINE_ENDS for char in words.text[slice(*words.gap(at))]
        )),
        context.lo,
    )  # «دبي، الإمارات (CNN)-- قارنت ...»: the sentence opens after its dateline
    starts = [first] + [at for at in range(first + 1, before) if words.comma_before(at) is not None]
    found: list[OpeningSubject] = []
    for start in reversed(starts):
        verb = _clause_verb(words, start, before)
        if verb is None or verb + 1 in context.cue_tokens or _accusative(words, verb + 1):
            continue
        if prepositional_object(words.keys[verb + 1]) or _imperfect_verb(words, verb + 1):
            continue  # طالب بإنشاء: the preposition's object; مسلم يلقي: a verb
        end = subject_after(words, verb + 1, before)
        if end == verb + 2 and _second_name(words, verb + 2, before):
            end = verb + 3  # a name of two words: ستفين ديول
            linked = words.keys[verb + 2] in NAME_LINKS and end < before
            end += linked  # محمد أبو الغيط
        source = None if end is None else source_over(words, verb + 1, end)
        if source is not None:
            found.append(OpeningSubject(verb, source))
    return found


def _clause_verb(words: Words, start: int, before: int) -> int | None:
    """Token `start` (or the one after its particles: وقد، حيث، ثم، لكنه ...) when its shape is
    a verb's: no article, function word, known noun head or number; a perfect of at most six
    letters or an imperfect (ي/ت) of at most eight; not a noun of the shapes فعال، فعول، فعيل."""
    at = start
    while at < before and (
        words.keys[at] in _LEADING or words.plain[at] in _FUNCTION
        or words.keys[at].startswith(_BUT)
    ):
        at += 1
    if at + 1 >= before:
        return None
    key = words.keys[at]
    bare = without_proclitic(key) or key
    if (
        not may_start_subject(words, at) or bare.startswith("ال") or key in HEADS
        or bare in HEADS or bare in _TIME or words.plain[at].endswith(_NOUN_ENDINGS)
        or _accusative(words, at) or passive(words.tokens[at].text)
    ):
        return None
    if bare.endswith("وا"):
        return None  # ومنحوا المسلمين الأرض: the subject is in the verb, the noun is its object
    imperfect = bare[0] in _IMPERFECT
    if len(bare) > (_LONGEST_IMPERFECT if imperfect else _LONGEST_PERFECT):
        return None
    if len(bare) == 4 and not imperfect and bare[0] != "ا" and bare[2] in "اوي":
        return None  # حداد، هجوم، رئيس: nouns (a verb of four letters: أفاد، تابع، يقول)
    return at


def _second_name(words: Words, at: int, before: int) -> bool:
    """Whether token `at` can be the second word of a name after the first (ستفين ديول): a name
    part, neither joined by و nor ending in ا (أصدر ماكيب بيانا، مارادونا وهو)."""
    key = words.keys[at - 1]
    return (
        at < before and not key.startswith("ال") and key not in HEADS
        and is_name_part(words, at) and words.keys[at][:1] != "و"
        and not words.plain[at].endswith("ا")
    )


def _accusative(words: Words, at: int) -> bool:
    """Whether token `at` is written with the tanween of the accusative (خطاباً): an object."""
    return _TANWEEN_FATH in words.tokens[at].text


def _imperfect_verb(words: Words, at: int) -> bool:
    """Whether token `at`, outside any entity, starts like an imperfect verb (يلقي، تقول)."""
    start = words.tokens[at].start
    if any(e.start <= start < e.end for e in words.entities):
        return False
    return words.keys[at][:1] in _IMPERFECT and len(words.keys[at]) >= 4




def resumptive_after(words: Words, token: int) -> bool:
    """Whether فيه/فيها follows token `token`."""
    return token + 1 < len(words.keys) and words.keys[token + 1] in RESUMPTIVES


def passive(surface: str) -> bool:
    """Whether a perfect verb is written with the damma of the passive on its first or second
    letter (أُعلن، اتُهمت، وقُتل); an imperfect's damma (يُعلن) is the active's as often."""
    letters = strip_marks(surface)
    conjunction = int(letters[:1] in ("و", "ف") and len(letters) > 3)
    if letters[conjunction : conjunction + 1] in ("ي", "ت"):
        return False
    seen = 0
    for char in surface:
        if char not in HARAKAT:
            seen += 1
        elif char == _DAMMA and 1 <= seen - conjunction <= 2:
            return True
    return False
