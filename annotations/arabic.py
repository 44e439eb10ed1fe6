"""Arabic text helpers shared by the core: character classes, word tokens, matching keys.

Offsets are always code points into the text given; nothing here changes that text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TATWEEL = "\u0640"
#: Combining Arabic marks: harakat, Quranic annotation signs, superscript alef.
HARAKAT = frozenset(
    chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE))
)
#: What a match key folds (no target is itself folded, so the order of replacing does not matter).
_ALEF_FORMS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
#: Presentation forms of the harakat (U+FE70-FE7F): NFKC would turn them into space + mark.
_SPACING_MARKS = frozenset(map(chr, range(0xFE70, 0xFE80)))
#: What `strip_marks` drops (a regex is faster than `str.translate` on Arabic text).
_DROP_RE = re.compile(
    "[" + "".join(map(re.escape, sorted(HARAKAT | _SPACING_MARKS | {TATWEEL}))) + "]"
)

#: A word: letters, digits and marks, with inner joiners (ZWJ/ZWNJ) and apostrophes kept.
WORD_RE = re.compile(
    r"[^\W_](?:[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d'’]*[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED])?"
)


#: Match keys of the words that link the parts of an Arabic name (عبد الله، بن سلمان، أبو مازن).
NAME_LINKS = frozenset({"عبد", "بن", "ابن", "ابو", "ابي", "بنت", "ال"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text and where it stands: `text[start:end] == token.text`."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Split `text` into word tokens (punctuation and spaces are left out)."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def is_arabic_letter(char: str) -> bool:
    """Whether `char` is an Arabic letter (not a mark, digit or punctuation)."""
    return (
        "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3" or "\u06fa" <= char <= "\u06ff"
    )


def strip_marks(text: str) -> str:
    """`text` without harakat and tatweel (letters untouched)."""
    return _DROP_RE.sub("", text)


def surface_offset(surface: str, key_chars: int) -> int:
    """Index in `surface` of its `key_chars`-th letter, harakat and tatweel not counted
    (where a name or cue starts after a clitic: `surface_offset("لِماكرون", 1) == 2`)."""
    seen = 0
    for index, char in enumerate(surface):
        if char in HARAKAT or char == TATWEEL:
            continue
        if seen == key_chars:
            return index
        seen += 1
    return len(surface)


def match_key(word: str) -> str:
    """A lookup key: no marks or tatweel, أإآٱ -> ا, ى -> ي, ة -> ه, NFKC-folded presentation forms.

    Keys are for matching only; never store them as text. Beware collisions such as على -> علي.
    """
    key = unicodedata.normalize("NFKC", strip_marks(word))
    for form, letter in _ALEF_FORMS:
        key = key.replace(form, letter)
    return key
