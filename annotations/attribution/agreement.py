"""Gender and number agreement between a cue and its source.

A feminine cue (قالت، مؤكدةً) never has a masculine singular source, a masculine singular one
(قال، مؤكداً) never a feminine singular noun (الوزارة) nor, before it, coordinated speakers; a
plural or dual cue (أكدوا، أكدا) never a singular one, and never a subject after it (a verb before
its subject stays singular: قال المسؤولون). What cannot be told from the words is compatible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from annotations.attribution import lexicon_data as data
from annotations.attribution.lexicon import Agreement, key_set

Gender = Literal["m", "f"] | None
Number = Literal["sg", "pl", "co"] | None  # "co": coordinated speakers (بوتين والسيسي)

_PLURAL = key_set(data.PLURAL_HEADS)
_MASCULINE = key_set(data.MASCULINE_HEADS) | key_set(
    head for head in data.ROLE_HEADS if not head.endswith("ة")
)
_FEMININE = key_set(data.FEMININE_HEADS)
_PREPOSITION_KEYS = key_set(data.PREPOSITIONS)


def source_features(keys: Sequence[str]) -> tuple[Gender, Number]:
    """The gender and number a source's token keys show, None where the words do not tell."""
    head = keys[0]
    if head[:1] in "لب" and len(head) > 3:
        head = head[1:]
    if _coordinated(keys):
        return None, "co"
    if head in _PLURAL or head.endswith(("يون", "يين")):
        return None, "pl"
    if head in _MASCULINE:
        return "m", "sg"
    if head in _FEMININE or (head.startswith("ال") and head.endswith("ه")):
        return "f", "sg"
    return None, None


def _coordinated(keys: Sequence[str]) -> bool:
    """Whether a source names several speakers (بوتين والسيسي، الرئيس ورئيس الوزراء): a و + the
    article or + a title, before any prepositional phrase (بكلية ... للاقتصاد والعلوم is one)."""
    for key in keys[1:]:
        if key[:1] in "لب" or key in _PREPOSITION_KEYS:
            return False
        joined = (key.startswith("وال") and key != "والي") or key[1:] in _MASCULINE
        if key.startswith("و") and joined:
            return True
    return False


def agrees(agreement: Agreement | None, keys: Sequence[str], before: bool) -> bool:
    """Whether a cue of form `agreement` may have the source of token keys `keys`, standing
    before the cue (`before`) or after it."""
    if agreement is None:
        return True
    gender, number = source_features(keys)
    if agreement in ("d", "p"):
        return before and number != "sg"
    if agreement == "f":  # also a plural of things before it (الدول أكدت), never of persons
        return not (gender == "m" and number == "sg") and not (before and number == "co")
    return not (gender == "f" and number == "sg") and not (before and number in ("pl", "co"))
