"""Re-anchoring after the article's text changed: moved, tolerant to marks, or kept as orphans."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.arabic import HARAKAT, TATWEEL, tokenize
from annotations.corpus.article import Article
from annotations.model import new_span
from annotations.store import Store
from annotations.store.reanchor import locate

TEXT = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").strip()

WORDS = tokenize(TEXT)


def tag(store: Store, article: Article, surface: str, label: str = "PER") -> str:
    start = article.text.index(surface)
    end = start + len(surface)
    return store.add_span(article, "entity", label, start, end, annotator="mona").id


def test_unchanged_text_moves_nothing(store: Store, article: Article) -> None:
    tag(store, article, "سامح شكري")
    report = store.reanchor(article)
    assert (report.unchanged, report.moved, report.orphans) == (1, 0, ())


def test_spans_follow_text_inserted_before_them(word, store: Store, article: Article) -> None:
    span_id = tag(store, article, "سامح شكري")
    claim = store.add_span(
        article, "claim", "CLAIM", *word(article, "الاجتماع استمر ثلاث ساعات"), annotator="mona"
    )
    store.add_claim(claim.id, annotator="mona")
    edited = Article(article.id, "عاجل: " + TEXT)
    report = store.reanchor(edited)
    assert report.moved == 2 and not report.orphans
    span = store.span(span_id)
    assert edited.text[span.start : span.end] == "سامح شكري"
    assert span.text_sha256 == edited.sha256 and not span.orphan
    assert span.quote.prefix == edited.text[max(0, span.start - 32) : span.start]
    assert store.claims(article.id)[0].text_sha256 == edited.sha256


def test_the_occurrence_with_the_matching_context_wins(word, store: Store) -> None:
    article = Article("a", "قال محمد إن الجو حار. ثم قال أحمد إن الجو بارد.")
    second = store.add_span(
        article, "attribution", "CUE", *word(article, "قال", 1), annotator="mona"
    )
    edited = Article("a", "قال محمد إن الجو حار جدا اليوم. ثم قال أحمد إن الجو بارد.")
    store.reanchor(edited)
    span = store.span(second.id)
    assert span.start == word(edited, "قال", 1)[0]


def test_harakat_and_tatweel_changes_are_tolerated_and_snapped_to_words(
    word, store: Store, article: Article
) -> None:
    span_id = tag(store, article, "سامح شكري")
    edited_text = TEXT.replace("سامح شكري", "سَامِح شُكْـــري")
    edited = Article(article.id, edited_text)
    report = store.reanchor(edited)
    assert not report.orphans
    span = store.span(span_id)
    assert span.text == "سَامِح شُكْـــري"
    assert (span.start, span.end) == word(edited, "سَامِح شُكْـــري")


def test_a_reworded_span_is_found_between_its_prefix_and_suffix(
    word, store: Store, article: Article
) -> None:
    span_id = store.add_span(
        article,
        "attribution",
        "CONTENT",
        *word(article, "الحل الوحيد هو إقامة الدولة الفلسطينية"),
        annotator="mona",
    ).id
    edited = Article(
        article.id,
        TEXT.replace("الحل الوحيد هو إقامة الدولة الفلسطينية", "الحل الوحيد هو قيام دولة فلسطينية"),
    )
    store.reanchor(edited)
    span = store.span(span_id)
    assert span.text == "الحل الوحيد هو قيام دولة فلسطينية" and not span.orphan


def test_a_span_whose_text_is_gone_is_kept_as_an_orphan(store: Store, article: Article) -> None:
    span_id = tag(store, article, "رويترز", "ORG")
    kept_id = tag(store, article, "سامح شكري")
    edited = Article(article.id, "خبر آخر تماما عن سامح شكري لا يذكر الوكالة.")
    report = store.reanchor(edited)
    assert report.orphans == (span_id,)
    orphan = store.span(span_id)
    assert orphan.orphan and orphan.text == "رويترز"
    assert orphan.text_sha256 == article.sha256  # still points at the text it was made on
    assert not store.span(kept_id).orphan
    assert store.counts()["orphans"] == 1


@settings(max_examples=40, deadline=None)
@given(
    word_index=st.integers(0, len(WORDS) - 1),
    position=st.integers(0, len(TEXT)),
    inserted=st.text(alphabet="ابتثجحخ دذرزسشصضطظعغفقكلمنهوي،.َُِّْـ", min_size=1, max_size=40),
)
def test_an_insertion_outside_a_span_never_loses_it(word_index, position, inserted) -> None:
    token = WORDS[word_index]
    if token.start < position < token.end:
        position = token.end
    article = Article("a", TEXT)
    edited = Article("a", TEXT[:position] + inserted + TEXT[position:])
    span = new_span(article, "entity", "PER", token.start, token.end, annotator="mona")
    shift = len(inserted) if position <= token.start else 0
    marks = len(inserted) - len(inserted.lstrip("".join(HARAKAT) + TATWEEL))
    joined = marks if position == token.end else 0  # marks right after a word belong to it
    assert locate(span, edited.text) == (token.start + shift, token.end + shift + joined)


@settings(max_examples=30, deadline=None)
@given(
    word_index=st.integers(0, len(WORDS) - 1),
    marks=st.lists(st.booleans(), min_size=len(TEXT), max_size=len(TEXT)),
)
def test_added_harakat_and_tatweel_never_lose_a_word(word_index, marks) -> None:
    edited_text = "".join(
        char + ("ـَ" if mark and "\u0628" <= char <= "\u064a" else "")
        for char, mark in zip(TEXT, marks, strict=True)
    )
    token = WORDS[word_index]
    span = new_span(Article("a", TEXT), "entity", "PER", token.start, token.end, annotator="mona")
    moved = tokenize(edited_text)[word_index]
    assert locate(span, edited_text) == (moved.start, moved.end)
