"""Arabic text helpers shared by the core: character classes, word tokens, matching keys.

Offsets are always code points into the text given; nothing here changes that text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from pyarabic import araby

TATWEEL = araby.TATWEEL
#: Combining Arabic marks: harakat, Quranic annotation signs, superscript alef (U+0610-061A,
#: U+064B-065F, U+0670, U+06D6-06ED). pyarabic's `DIACRITICS` (every Mn of the block) and `SMALL`
#: (small alef, waw, yeh) hold all but three Quranic signs that are not Mn, which rawi has always
#: dropped with the others: end of ayah U+06DD, rub el hizb U+06DE, place of sajdah U+06E9.
HARAKAT = frozenset(araby.DIACRITICS).union(araby.SMALL, "\u06dd\u06de\u06e9")
#: What a match key folds (no target is itself folded, so the order of replacing does not matter).
#: rawi's own fold: pyarabic's `normalize_hamza` turns every hamza into ء (or, "tasheel", also ؤ ئ
#: into و ي), and its `normalize_alef` turns ى into ا (على -> علا).
_ALEF_FORMS = (
    (araby.ALEF_HAMZA_ABOVE, araby.ALEF),
    (araby.ALEF_HAMZA_BELOW, araby.ALEF),
    (araby.ALEF_MADDA, araby.ALEF),
    (araby.ALEF_WASLA, araby.ALEF),
    (araby.ALEF_MAKSURA, araby.YEH),
    (araby.TEH_MARBUTA, araby.HEH),
)
#: Presentation forms of the harakat (U+FE70-FE7F): NFKC would turn them into space + mark.
_SPACING_MARKS = frozenset(map(chr, range(0xFE70, 0xFE80)))
_MARKS = "".join(map(re.escape, sorted(HARAKAT)))
#: What `strip_marks` drops, as one regex (faster than `str.translate` on Arabic text). Not
#: pyarabic's functions: `strip_tashkeel` drops only the eight harakat, and `strip_diacritics`
#: replaces one mark at a time, several times slower (`bench/bench_arabic.py`).
_DROP_RE = re.compile(f"[{_MARKS}{re.escape(TATWEEL)}{''.join(sorted(_SPACING_MARKS))}]")

#: A word: letters, digits and marks, with inner joiners (ZWJ/ZWNJ) and apostrophes kept.
#: rawi's own: pyarabic's `tokenize_with_location` splits a word at marks past U+0652 (آ written
#: ا + U+0653) and at ZWNJ, drops Quranic signs and glues quotes and underscores to words.
WORD_RE = re.compile(rf"[^\W_](?:[\w{_MARKS}{TATWEEL}\u200c\u200d'’]*[\w{_MARKS}])?")


#: Match keys of the words that link the parts of an Arabic name (عبد الله، بن سلمان، أبو مازن).
NAME_LINKS = frozenset({"عبد", "بن", "ابن", "ابو", "ابي", "بنت", "ال"})


class Token(NamedTuple):
    """A word of a text and where it stands: `text[start:end] == token.text`.

    A named tuple, which `tokenize` makes in a third of a frozen dataclass's time.
    """

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Split `text` into word tokens (punctuation and spaces are left out)."""
    new = tuple.__new__  # `Token(...)` without the named tuple's Python-level `__new__`
    return [new(Token, (*m.span(), m.group())) for m in WORD_RE.finditer(text)]


def is_arabic_letter(char: str) -> bool:
    """Whether `char` is an Arabic letter (not a mark, digit or punctuation).

    rawi's own ranges: pyarabic's `LETTERS` are the 36 of standard Arabic, and a name written with
    a letter of Persian or Maghrebi spelling (پ چ ڤ گ ...) is Arabic text too.
    """
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


@lru_cache(maxsize=1 << 16)
def word_forms(surface: str) -> tuple[str, str]:
    """(`strip_marks`, `match_key`) of a word, remembered: the recogniser and the suggester both
    key every word of a text, and news repeats its words."""
    plain = strip_marks(surface)
    return plain, match_key(plain)


_FOLDS = dict(_ALEF_FORMS)


def folded_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` folded for finding, and for each folded character the index in `text` it came
    from: harakat and tatweel dropped, letters folded as `match_key` folds them, lower case,
    whitespace runs made one space."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char in HARAKAT or char == TATWEEL:
            continue
        if char.isspace():
            if folded and folded[-1] == " ":
                continue
            char = " "
        else:
            char = _FOLDS.get(char, char)
            lower = char.lower()
            char = lower if len(lower) == 1 else char
        folded.append(char)
        origins.append(index)
    return "".join(folded), origins
