"""Fixed annotation records over real Arabic text, built from the model (no store, no clock)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotations.corpus import Article, Corpus
from annotations.entities import surface_key
from annotations.exchange import native_record
from annotations.model import ArticleRecord, Attribution, Claim, Relation, Span, new_span
from annotations.store import Store

STAMP = "2026-11-23T20:00:00.000000Z"
ANNOTATOR = "huda"

#: A small article with what trips offsets up: harakat, tatweel, an emoji outside the BMP,
#: a no-break space and a quotation that crosses a line break.
TRICKY = Article(
    id="tricky",
    text=("قالَ المتحدثُ باسمِ الأمـــم المتحدة 😀 إنّ «الوضعَ في غزة\u00a0خطير\nجداً» صباح اليوم."),
    title="اختبار",
    outlet="rawi",
)


def at(article: Article, words: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the `occurrence`-th appearance of `words` in the article."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(words, start + 1)
    return start, start + len(words)


def span(
    article: Article, tag: str, number: int, layer: str, label: str, place: tuple[int, int]
) -> Span:
    return new_span(
        article,
        layer,
        label,
        *place,
        annotator=ANNOTATOR,
        id=f"{tag}s{number}",
        created=STAMP,
        origin="manual" if number % 2 else "suggested",
    )


def build_record(
    article: Article, places: dict[str, tuple[int, int]], tag: str = ""
) -> ArticleRecord:
    """Entities, a relation, an attribution (source, cue, content) and a claim on `article`;
    ids start with `tag`."""
    spans = (
        span(article, tag, 1, "entity", "PER", places["person"]),
        span(article, tag, 2, "entity", "ORG", places["org"]),
        span(article, tag, 3, "attribution", "SOURCE", places["source"]),
        span(article, tag, 4, "attribution", "CUE", places["cue"]),
        span(article, tag, 5, "attribution", "CONTENT", places["content"]),
        span(article, tag, 6, "claim", "CLAIM", places["content"]),
    )
    sha, common = article.sha256, {"article_id": article.id, "annotator": ANNOTATOR}
    relation = Relation(
        f"{tag}r1",
        head=f"{tag}s1",
        child=f"{tag}s2",
        label="member_of",
        text_sha256=sha,
        created=STAMP,
        updated=STAMP,
        **common,
    )
    attribution = Attribution(
        f"{tag}a1",
        source=f"{tag}s3",
        cue=f"{tag}s4",
        content=(f"{tag}s5",),
        text_sha256=sha,
        type="assertion",
        created=STAMP,
        updated=STAMP,
        **common,
    )
    claim = Claim(
        f"{tag}c1",
        span=f"{tag}s6",
        attribution=f"{tag}a1",
        verifiable=True,
        check_worthy=False,
        topic="سياسة",
        note="يحتاج\nمصدراً",
        text_sha256=sha,
        created=STAMP,
        updated=STAMP,
        **common,
    )
    return ArticleRecord(
        article_id=article.id,
        annotator=ANNOTATOR,
        text_sha256=sha,
        status="done",
        created=STAMP,
        updated=STAMP,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
        relations=(relation,),
        attributions=(attribution,),
        claims=(claim,),
    )


@pytest.fixture(scope="session")
def articles(seeds: Corpus) -> dict[str, Article]:
    return {"000_fddd474ca5b3a723": seeds["000_fddd474ca5b3a723"], "tricky": TRICKY}


@pytest.fixture(scope="session")
def records(articles: dict[str, Article]) -> list[ArticleRecord]:
    """One record on the first seed article and one on the tricky text."""
    seed = articles["000_fddd474ca5b3a723"]
    content = (at(seed, "على مساندتها")[0], at(seed, "للجيش الليبي")[1])
    seed_places = {
        "person": at(seed, "عبد الفتاح السيسي"),
        "org": at(seed, "الجيش الوطني الليبي"),
        "source": at(seed, "مصر", 2),
        "cue": at(seed, "أكدت"),
        "content": content,
    }
    tricky_places = {
        "person": at(TRICKY, "المتحدثُ"),
        "org": at(TRICKY, "الأمـــم المتحدة"),
        "source": at(TRICKY, "المتحدثُ باسمِ الأمـــم المتحدة"),
        "cue": at(TRICKY, "قالَ"),
        "content": (at(TRICKY, "«")[0], at(TRICKY, "»")[1]),
    }
    return [build_record(seed, seed_places), build_record(TRICKY, tricky_places, "t")]


@pytest.fixture(scope="session")
def natives(records, articles) -> list[dict]:
    return [native_record(r, articles[r.article_id]) for r in records]


def _strip_stamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_stamps(v) for k, v in value.items() if k not in ("created", "updated")}
    if isinstance(value, list):
        return [_strip_stamps(v) for v in value]
    return value


@pytest.fixture(scope="session")
def strip_stamps() -> Callable[[Any], Any]:
    """Drop every `created` / `updated` from nested records (timestamps aside comparisons)."""
    return _strip_stamps


#: The seed article the reviewed-entity database is about.
REVIEWED_SEED = "000_fddd474ca5b3a723"


@pytest.fixture
def reviewed_db(tmp_path: Path, seeds) -> Path:
    """huda tagged a CUE and a MISC by hand, decided مصر is an ORG and لماكرون never an entity."""
    article = seeds[REVIEWED_SEED]
    text = article.text
    path = tmp_path / "db.json"
    with Store.open(path) as store:
        start = text.index("أكدت")
        store.add_span(article, "attribution", "CUE", start, start + 4, annotator="huda")
        start = text.index("ليبيا")
        store.add_span(article, "entity", "MISC", start, start + 5, annotator="huda")
        store.decide_entity(surface_key("مصر"), "ORG", "huda")
        store.decide_entity(surface_key("لماكرون"), None, "huda")
        store.decide_entity(surface_key("غرينلاند"), "LOC", "huda")  # not in the article
    return path
