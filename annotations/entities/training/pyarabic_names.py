"""pyarabic's proper-noun list (given names, kunyas, nasabs, laqabs, tribes, places, bodies) as
name-lexicon lists the CRF weighs.

pyarabic ships the lists as text in `pyarabic.propernouns` (`TEXT`: people; `TEXT2`: places
and bodies; `TEXT1` holds phrases around names, not names), but its loader splits each line at
a tab while the lines separate name and class with spaces, so its `PROPER_NOUNS` comes out
empty (see ../shared/NOTES.md): the text is parsed here instead. Classes are kept as features of
their own (`PA_PER`, `PA_LOC`, `PA_ORG`) beside the WikiFANE lists, never as hard matches.
"""

from __future__ import annotations

import re

from annotations.arabic import match_key, strip_marks

#: pyarabic's Latin class names of people.
PERSON_CLASSES = frozenset({"nom", "nasab", "konia", "laqab", "kabila"})
#: The Arabic class descriptions of the list's places and organisations start with this.
NAMED = "اسم علم"
ORGANISATION_MARK = "منظمة"
_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<cls>" + NAMED + r".*|[a-z]+)\s*$")


def pyarabic_name_lists() -> dict[str, list[str]]:
    """`PA_PER`, `PA_LOC` and `PA_ORG`: the match keys of the list's one-word names by class."""
    from pyarabic.propernouns import TEXT, TEXT2

    lists: dict[str, set[str]] = {"PA_PER": set(), "PA_LOC": set(), "PA_ORG": set()}
    for line in (TEXT + TEXT2).splitlines():
        found = _LINE.match(line.replace("\u200f", "").strip())
        if found is None or " " in found["name"].strip():
            continue
        cls = found["cls"]
        if cls in PERSON_CLASSES:
            kind = "PA_PER"
        elif cls.startswith(NAMED):
            kind = "PA_ORG" if ORGANISATION_MARK in strip_marks(cls) else "PA_LOC"
        else:
            continue
        key = match_key(found["name"].strip())
        if len(key) > 1:
            lists[kind].add(key)
    return {kind: sorted(keys) for kind, keys in lists.items()}
