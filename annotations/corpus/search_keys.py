"""Search keys: what full-text search compares instead of the words as written.

A word's key is its `match_key` (no harakat or tatweel, أ إ آ ٱ -> ا, ى -> ي, ة -> ه), case-folded,
with Arabic-Indic digits as ASCII digits and only letters and digits kept, so that the index's
tokenizer sees exactly one token per word. Proclitics (و ف ب ل ك ال and their combinations) are
not stripped from the index: a query word is expanded into the forms it takes behind them, which
finds ترامب in وترامب and لترامب without finding زير in وزير.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from annotations.arabic import WORD_RE, match_key

#: Arabic-Indic and Persian digits to ASCII, for `str.translate`.
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: Whether a text has such digits (`str.translate` over a whole Arabic text is slow).
_INDIC_DIGIT = re.compile("[٠-٩۰-۹]")
#: What a key drops: all but letters and digits (`\w` is `str.isalnum` and "_"), line breaks
#: kept (they part the words in `index_text`).
_NOT_KEY = re.compile(r"[^\w\n]|_")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_ARTICLE = "ال"


@lru_cache(maxsize=1 << 18)
def search_key(word: str) -> str:
    """The key of one word (empty when it has no letter or digit)."""
    key = match_key(word).casefold().translate(ASCII_DIGITS)
    return key if key.isalnum() else "".join(char for char in key if char.isalnum())


@lru_cache(maxsize=1024)
def field_key(value: str) -> str:
    """What an outlet or category is compared by: folded like a word, spaces kept single."""
    return " ".join(match_key(value).casefold().split())


def keyed_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each word of `text` that has a key, in order."""
    for match in WORD_RE.finditer(text):
        if key := search_key(match.group()):
            yield match.start(), match.end(), key


def index_text(text: str) -> tuple[str, int]:
    """The keys of `text` joined by spaces (what the index stores), and its number of words.

    The keys `search_key` gives word by word, made in one pass: the words are folded together,
    one a line (no fold makes, drops or joins a line break), and what is not a letter or digit
    is dropped from all of them at once (`_NOT_KEY`)."""
    words = WORD_RE.findall(text)
    folded = match_key("\n".join(words)).casefold()
    if _INDIC_DIGIT.search(folded):
        folded = folded.translate(ASCII_DIGITS)
    return " ".join(filter(None, _NOT_KEY.sub("", folded).split("\n"))), len(words)


def proclitic_forms(key: str) -> dict[str, int]:
    """Each form `key` takes behind proclitics, with the number of key characters before the
    word itself: {"ترامب": 0, "وترامب": 1, "للترامب": 2, ...}; for الرئيس, للرئيس counts 1."""
    forms: dict[str, int] = {}
    definite = key.startswith(_ARTICLE) and len(key) > len(_ARTICLE)
    articles = ("",) if definite else ("", _ARTICLE)
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            head = conjunction + preposition
            for article in articles:
                body = article + key
                if preposition == "ل" and body.startswith(_ARTICLE):
                    body = body[1:]  # ل + ال is written لل
                offset = len(head) + (len(body) - len(key) if article else 0)
                forms.setdefault(head + body, offset)
    return forms


def surface_index(word: str, key_chars: int) -> int:
    """Index in `word` (as written) where its key's `key_chars`-th character begins."""
    seen = 0
    for index, char in enumerate(word):
        if seen >= key_chars:
            return index
        seen += len(search_key(char))
    return len(word)
