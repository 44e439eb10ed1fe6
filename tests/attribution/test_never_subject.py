"""Words that are never the source of the cue after them, on sentences of ANT v2.1 news outside
the unseen-news dev set."""

from __future__ import annotations

import pytest

from annotations.attribution import Suggestion, suggest_attributions


def first(text: str) -> Suggestion:
    found = suggest_attributions(text)
    assert found, "no suggestion"
    return found[0]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "دبي، الإمارات العربية المتحدة (CNN)-- اعتبرت وزارة الخارجية الإيرانية، الثلاثاء، أن"
            " الاتهامات التي وجهها رئيس الوزراء الإسرائيلي إلى طهران كاذبة.",
            "وزارة الخارجية الإيرانية",
        ),
        (
            "(CNN)-- قالت وزارة الدفاع الإسرائيلية إنها نفذت أكثر من 30 غارة جوية على قطاع غزة.",
            "وزارة الدفاع الإسرائيلية",
        ),
        (
            "القدس (CNN)— رحبت إسرائيل، السبت، بقرار الولايات المتحدة الأخير بإنهاء المساعدات"
            " المالية.",
            "إسرائيل",
        ),
    ],
)
def test_a_dateline_before_the_verb_is_not_its_source(text: str, source: str) -> None:
    found = first(text)
    assert found.source is not None
    assert found.source.text == source


def test_b_plus_a_construct_after_the_verb_is_how_not_who() -> None:
    found = suggest_attributions(
        "محامي بابادوبولوس، توماس برين، أشار بأصابع الاتهام إلى ترامب، قائلا: \"لقد عرقل رئيس"
        " الولايات المتحدة هذا التحقيق\"."
    )
    assert [s.source.text for s in found if s.source] == ["توماس برين", "توماس برين"]


@pytest.mark.parametrize(
    "text",
    [
        "وردا على سؤال أحد النواب بشأن الشركات، أكد بدوي أن الوزارة لا تسعى للتخلص منها.",
        "والثلاثاء، أعلن بطل أوروبا تعاقده مع المدرب.",
    ],
)
def test_a_name_in_b_after_the_verb_stays_its_subject(text: str) -> None:
    source = first(text).source
    assert source is not None and source.text.startswith("ب")


@pytest.mark.parametrize(
    "adverb",
    ["مجددا", "مرارا", "صراحةً", "بوضوح", "مرة أخرى", "حينها", "هو نفسه"],
)
def test_an_adverb_or_a_reflexive_after_the_verb_is_not_its_source(adverb: str) -> None:
    found = suggest_attributions(f"وقال الوزير إن الوضع صعب. وأكد {adverb} أن الحكومة ستتحرك.")
    assert [s.source.text for s in found if s.source] == ["الوزير", "الوزير"]


def test_a_subject_after_an_adverb_is_read() -> None:
    source = first("وأكد مجدداً رئيس الوزراء أن الحكومة ستتحرك.").source
    assert source is not None and source.text == "رئيس الوزراء"
