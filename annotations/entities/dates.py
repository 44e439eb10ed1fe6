"""Month names written as dates (4 نيسان/أبريل), which the taggers may read as names (Nissan)."""

from __future__ import annotations

from annotations.arabic import match_key
from annotations.entities.candidates import Candidate
from annotations.entities.words import Word

#: Gregorian and Levantine (Syriac) month names, as match keys.
MONTHS = frozenset(
    match_key(name)
    for name in (
        *("يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو"),
        *("يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
        *("كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"),
    )
)
#: What follows كانون and تشرين.
_ORDINALS = frozenset(match_key(word) for word in ("الأول", "الثاني"))


def _is_month(words: list[Word], i: int) -> bool:
    return 0 <= i < len(words) and words[i].key in MONTHS


def is_date(words: list[Word], candidate: Candidate) -> bool:
    """A candidate that is only a month name (كانون الثاني included) after a day number or
    beside another month name (أبريل/نيسان)."""
    first, last = candidate.first, candidate.last
    keys = [w.key for w in words[first:last]]
    if keys[0] not in MONTHS or any(key not in _ORDINALS for key in keys[1:]):
        return False
    after_day = first > 0 and words[first - 1].plain.isdigit()
    return after_day or _is_month(words, first - 1) or _is_month(words, last)
