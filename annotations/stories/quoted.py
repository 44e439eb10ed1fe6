"""Who is quoted: per outlet of a story, how many statements it attributes to a source, to how
many sources, and how many of them to officials against every other source.

An official speaks for a state or a public institution: the source holds an official's title
(الرئيس، وزير الداخلية، المتحدث الرسمي باسم الرئاسة) or an institution's name (الكرملين، وزارة،
الحكومة, a state: the attribution lexicon's organisation heads), or names a person whom the
story's articles or sources give an official title (السيسي, called الرئيس المصري).
Journalists, experts, media, anonymous sources and persons without such a title are the others.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

from annotations.arabic import WORD_RE
from annotations.attribution import lexicon_data
from annotations.corpus.search_keys import search_key
from annotations.stories.naming import Naming
from annotations.stories.statements import Statement

#: Folded titles of officials.
OFFICIAL_TITLES = frozenset(
    map(
        search_key,
        """
        الرئيس رئيس رئيسة الوزير وزير وزيرة السفير سفير المتحدث متحدث المتحدثة الناطق ناطق
        النائب نائب المشير الجنرال الفريق اللواء العقيد العميد المبعوث مبعوث الملك الأمير
        المستشار مستشار القائد قائد الأمين أمين المحافظ محافظ
        """.split(),  # noqa: SIM905 (a word list reads better as text)
    )
)
#: Folded names of institutions and states that speak for a government.
INSTITUTIONS = frozenset(
    map(search_key, (*lexicon_data.ORGANISATION_HEADS, *lexicon_data.STATE_NAMES))
)


def official_actors(names: Iterable[Naming]) -> frozenset[str]:
    """The actors whom some article gives an official title (its first word)."""
    return frozenset(
        n.actor for n in names if (words := WORD_RE.findall(n.text)) and
        search_key(words[0]) in OFFICIAL_TITLES
    )  # fmt: skip


def is_official(source: str, officials: Collection[str] = ()) -> bool:
    """Whether `source` is an official's: it holds an official title or an institution's name,
    or names one of `officials` (actors, see `official_actors`); a word after و or ف too."""
    for word in WORD_RE.findall(source):
        key = search_key(word)
        for form in (key, key[1:] if key[:1] in "وف" else None):
            if form and (form in OFFICIAL_TITLES or form in INSTITUTIONS or form in officials):
                return True
    return False


def who_is_quoted(
    statements: Iterable[Statement],
    outlets: Iterable[str],
    outlet_of: Callable[[str], str],
    officials: Collection[str] = (),
) -> dict[str, Any]:
    """`{"by_outlet": [{outlet, quotes, sources, official, other, official_share}], "story":
    {the same over every outlet}}`: statements with a source, the distinct sources (folded
    wording), those of officials and the others; the share is None without a quote. A person
    is an official wherever one of the story's sources gives them an official title
    (المتحدث الرسمي باسم الرئاسة، بسام راضي: راضي is one in every statement)."""
    sourced = [s for s in statements if s.source]
    titled = (_surname(s.source) for s in sourced if s.source and is_official(s.source))
    officials = {*officials, *titled}
    by_outlet = [
        {"outlet": outlet,
         **_totals([s for s in sourced if outlet_of(s.article) == outlet], officials)}
        for outlet in outlets
    ]  # fmt: skip
    return {"by_outlet": by_outlet, "story": _totals(sourced, officials)}


def _surname(source: str) -> str:
    words = WORD_RE.findall(source)
    return search_key(words[-1]) if words else ""


def _totals(statements: list[Statement], officials: Collection[str]) -> dict[str, Any]:
    official = sum(is_official(s.source or "", officials) for s in statements)
    sources = {" ".join(map(search_key, WORD_RE.findall(s.source or ""))) for s in statements}
    return {
        "quotes": len(statements),
        "sources": len(sources),
        "official": official,
        "other": len(statements) - official,
        "official_share": round(official / len(statements), 3) if statements else None,
    }
