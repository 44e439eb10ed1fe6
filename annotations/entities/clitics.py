"""Proclitics (و ف ب ك ل ال and their combinations) and where a name starts inside a token."""

from __future__ import annotations

from functools import lru_cache

#: Proclitic sequences on match keys, longest first. `لل` is ل + ال with the alef elided.
PROCLITICS = (
    "وبال", "وكال", "فبال", "وللا", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip
_ARTICLE_ELIDED = ("لل", "ولل", "فلل")
#: The proclitics by first letter, in `PROCLITICS` order.
_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _clitic in PROCLITICS:
    _BY_LETTER[_clitic[0]] = (*_BY_LETTER.get(_clitic[0], ()), _clitic)


@lru_cache(maxsize=1 << 16)
def splits(key: str, min_rest: int = 2) -> tuple[tuple[int, str], ...]:
    """(key characters taken by the clitic, remainder) for every proclitic reading of `key`.

    Longest remainder first. After `لل` the remainder is also given with its article restored
    (للرئاسة -> الرئاسة), the clitic then counting one character.
    """
    found: list[tuple[int, str]] = []
    for clitic in _BY_LETTER.get(key[:1], ()):
        if key.startswith(clitic) and len(key) - len(clitic) >= min_rest:
            rest = key[len(clitic) :]
            found.append((len(clitic), rest))
            if clitic in _ARTICLE_ELIDED:
                found.append((len(clitic) - 1, "ال" + rest))
    if len(found) < 2:
        return tuple(found)
    return tuple(sorted(found, key=lambda split: (-len(split[1]), split[0])))


def cliticised(key: str) -> set[str]:
    """The keys one of whose `splits` readings may be `key`: `key` after each proclitic (and
    after لل and its combinations in place of the article), `key` itself included; a superset."""
    found = {key, *(clitic + key for clitic in PROCLITICS)}
    if key.startswith("ال"):
        found.update(clitic + key[2:] for clitic in _ARTICLE_ELIDED)
    return found
