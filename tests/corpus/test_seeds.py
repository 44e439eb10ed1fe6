"""The five bundled seeds load clean: real titles, no boilerplate, every body sentence kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotations.corpus import Corpus

TITLES = {
    "000_fddd474ca5b3a723": "السيسي لماكرون: مصر تساند الجيش الوطني الليبي للقضاء على الإرهاب",
    "002_0e2d256eaa5f838c": "أهداف اللقاء الثاني بين السيسي و حفتر",
    "003_9e473b031b4d0b21": "السيسي يجدد دعمه لحفتر في مكافحة الإرهاب",
    "004_071c99c05025decd": "السيسي يستنجد: ثلاث اتصالات دولية خلال 24 ساعة لنجدة حفتر",
}
BOILERPLATE = [
    "آخر الاخبار",
    "garaanews",
    "اضف تعليق",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "زر الذهاب إلى الأعلى",
    "مقالات ذات صلة",
    "اقرأ أيضا",
    "جميع الحقوق محفوظة",
    "لا مانع من الإقتباس",
    "ترامب والسيسي يرفضان",
    "ميدل إيست أون لاين",
    "وكالة كليوباترا للأنباء\n",
]
#: Sentences from each seed's body, as they must read after re-flowing.
BODY = {
    "000_fddd474ca5b3a723": [
        "حسبما أعلن السفير بسام راضي المتحدث باسم الرئاسة المصرية في بيان له اليوم.",
        "قمة الدول الصناعية السبع الكبري G7 القادمة بفرنسا",
        "وتحديدا بمنطقة بوقرين.",
    ],
    "001_e361b63d4f5e59eb": [
        "أجرى رئيس الانقلاب المصري عبد الفتاح السيسي، الجمعة، اتصالا هاتفيا مع الرئيس الروسي"
        " فلاديمير بوتين.",
        "وأضاف راضي، بحسب ما نشرته وكالة الأنباء المصرية الرسمية، أن السيسي أكد",
        'مشيدا بما وصفه بـ "المشروعات التنموية الهامة',
        "في 27 تشرين الثاني/ نوفمبر الماضي.",
    ],
    "002_0e2d256eaa5f838c": [
        "وصرح السفير بسام راضي، المتحدث الرسمي باسم رئاسة الجمهورية المصرية،",
        "لن ينجح طالما استمرت الميليشيات في السيطرة على طرابلس”.",
    ],
    "003_9e473b031b4d0b21": [
        "وقال السفير بسام راضي المتحدث الرسمي باسم الرئاسة المصرية إن السيسي أكد",
        "وتنظيم القاعدة في غرب ليبيا",
    ],
    "004_071c99c05025decd": [
        "قال بيان صادر عن الكرملين، إن بوتين والسيسي،",
        "أكدت مصادر عسكرية تركية أن القوات المسلحة مستعدة للتوجه إلى ليبيا",
        "والتي قدَّمت قواعد ومطارات لدول أجنبية».",
    ],
}


def test_all_five_seeds_load(seeds: Corpus) -> None:
    assert len(seeds) == 5
    assert not seeds.warnings


@pytest.mark.parametrize(("article_id", "title"), TITLES.items())
def test_titles_are_the_real_headlines(seeds: Corpus, article_id: str, title: str) -> None:
    assert seeds[article_id].title == title


def test_seed_without_headline_gets_its_first_words(seeds: Corpus) -> None:
    assert seeds["001_e361b63d4f5e59eb"].title.startswith("أجرى رئيس الانقلاب المصري")


def test_outlets_named_by_the_page(seeds: Corpus) -> None:
    assert seeds["002_0e2d256eaa5f838c"].outlet == "وكالة كليوباترا للأنباء"
    assert seeds["003_9e473b031b4d0b21"].outlet == "ميدل إيست أون لاين"


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_boilerplate_is_gone(seeds: Corpus, phrase: str) -> None:
    for article in seeds:
        assert phrase not in article.text, (article.id, phrase)


def test_section_label_is_not_the_start(seeds: Corpus) -> None:
    assert seeds["004_071c99c05025decd"].text.startswith("السيسي يستنجد")


@pytest.mark.parametrize(("article_id", "sentences"), BODY.items())
def test_body_sentences_survive(seeds: Corpus, article_id: str, sentences: list[str]) -> None:
    for sentence in sentences:
        assert sentence in seeds[article_id].text


def test_hard_wrapped_seed_is_reflowed(seeds: Corpus) -> None:
    text = seeds["001_e361b63d4f5e59eb"].text
    assert "أجرى\n" not in text and "وقال\n" not in text
    paragraphs = text.split("\n\n")
    assert all(len(p.split()) > 3 for p in paragraphs)
    assert paragraphs[1].startswith("وقال المتحدث الرسمي باسم الرئاسة المصرية")


def test_paragraphs_are_kept_apart(seeds: Corpus) -> None:
    text = seeds["000_fddd474ca5b3a723"].text
    assert "في بيان له اليوم.\n\nمن جانبه؛ أكد الرئيس ماكرون" in text


def test_letters_are_never_changed(seeds: Corpus) -> None:
    """Cleaning may drop lines and fold white space, but every kept word is as in the page."""
    for article in seeds:
        raw_words = set(Path(article.source).read_text(encoding="utf-8").split())
        assert set(article.text.split()) <= raw_words, article.id


def test_removals_are_recorded(seeds: Corpus) -> None:
    reasons = {r.reason for r in seeds["002_0e2d256eaa5f838c"].removed}
    assert {"news ticker", "comment prompt", "copyright footer", "outlet credit"} <= reasons
    related = [
        r.text for r in seeds["001_e361b63d4f5e59eb"].removed if r.reason == "related headlines"
    ]
    assert len(related) == 3


def test_no_double_spaces_or_stray_whitespace(seeds: Corpus) -> None:
    for article in seeds:
        assert not re.search(r"[ \u00a0]{2,}", article.text)
        assert all(p == p.strip() for p in article.text.split("\n"))


def test_sha256_and_word_counts(seeds: Corpus) -> None:
    import hashlib

    for article in seeds:
        assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()
        assert 300 < article.words < 700
