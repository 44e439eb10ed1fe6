"""ArticleFind: hits as logical ranges, harakat/tatweel ignored, letter forms folded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.arabic import folded_with_origins
from annotations.session import ArticleFind

TEXT = "قالَ الرئيسُ إنّ مصرَ تدعم ليبيا.\nوقـال الرئيس: مصر أولاً، وإن ليبيا جارة"


def hits_text(find: ArticleFind) -> list[str]:
    return [find.text[start:end] for start, end in find.hits]


def test_harakat_tatweel_and_letter_forms() -> None:
    find = ArticleFind(TEXT)
    find.search("قال")
    assert hits_text(find) == ["قالَ", "قـال"]  # the mark of the last letter is in the hit
    find.search("ان")
    assert hits_text(find) == ["إنّ", "إن"]
    find.search("جاره")
    assert hits_text(find) == ["جارة"]
    find.search("  ليبيا.  وقال ")  # whitespace runs are one space, a newline too
    assert hits_text(find) == ["ليبيا.\nوقـال"]


def test_current_hit_from_a_start_and_wrapping() -> None:
    find = ArticleFind(TEXT)
    second = TEXT.rindex("مصر")
    assert find.search("مصر", start=TEXT.index("تدعم")) == (second, second + 3)
    assert find.step(1) == (TEXT.index("مصر"), TEXT.index("مصر") + 4)  # مصرَ, wrapped round
    assert find.step(-1) == (second, second + 3)
    assert find.search("غزة") is None and find.step(1) is None
    assert find.search("   ") is None


@given(st.text(alphabet="اأإآىيةهـَُِّ بتم\n", max_size=60))
def test_origins_point_at_the_characters_folded(text: str) -> None:
    folded, origins = folded_with_origins(text)
    assert len(folded) == len(origins) and origins == sorted(set(origins))
    for char, origin in zip(folded, origins, strict=True):
        assert folded_with_origins(text[origin])[0] == char or text[origin].isspace()
