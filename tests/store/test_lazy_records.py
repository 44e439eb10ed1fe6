"""Records are built on first read: opening keeps the parsed documents, checked as loadable,
and a fold writes back the documents of records nobody read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.corpus.article import Article
from annotations.model import (
    ArticleStatus,
    Attribution,
    Span,
    check_loadable,
    from_dict,
    to_dict,
)
from annotations.store import Store, StoreCorruptError


def saved(db_path: Path, article: Article, word) -> list[str]:
    """Two tags, an attribution and a status, compacted into the file."""
    with Store.open(db_path) as store:
        source = store.add_span(
            article, "attribution", "SOURCE", *word(article, "سامح شكري"), annotator="mona"
        )
        cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
        store.add_attribution(source=source.id, cue=cue.id, annotator="mona")
        store.set_status(article.id, "mona", "done")
        store.compact()
    return [source.id, cue.id]


def built(store: Store, table: str) -> int:
    return sum(type(held) is not dict for held in store.state.records[table].held())


def test_opening_builds_no_record_and_reading_builds_only_what_is_read(
    word, db_path: Path, article: Article
) -> None:
    source, _ = saved(db_path, article, word)
    other = Article("news-002", article.text)
    with Store.open(db_path) as store:
        store.add_span(other, "entity", "PER", 0, 3, annotator="ali")  # journal only
        for table in ("spans", "attributions", "status", "history"):
            assert built(store, table) == 0
        counts = store.counts()
        assert (counts["spans"], counts["SOURCE"], counts["attributions"]) == (3, 1, 1)
        assert store.counts_by_article("mona")[article.id]["status"] == 1
        assert built(store, "spans") == 0  # counts come from the documents
        assert store.span(source).label == "SOURCE"
        assert built(store, "spans") == 1
        assert [s.annotator for s in store.spans(other.id)] == ["ali"]
        assert built(store, "spans") == 2 and built(store, "attributions") == 0


def test_a_fold_writes_unread_records_as_they_were_read(
    word, db_path: Path, article: Article
) -> None:
    saved(db_path, article, word)
    before = orjson.loads(db_path.read_bytes())
    with Store.open(db_path) as store:
        store.compact()  # nothing read: every record written back from its document
    after = orjson.loads(db_path.read_bytes())
    assert after["spans"] == before["spans"] and after["attributions"] == before["attributions"]
    with Store.open(db_path) as store:
        read = {s.id: s for s in store.spans(article.id)}  # built, then folded from the records
        store.compact()
    with Store.open(db_path, read_only=True) as store:
        assert {s.id: s for s in store.spans(article.id)} == read


@pytest.mark.parametrize(
    ("table", "damage"),
    [
        ("spans", lambda d: d.pop("quote")),
        ("spans", lambda d: d.update(quote={"exact": "x"})),
        ("spans", lambda d: d.update(attrs=[1])),
        ("attributions", lambda d: d.update(content=3)),
        ("status", lambda d: d.update(id="not-its-key")),
        ("status", lambda d: d.pop("annotator")),
    ],
    ids=["no-quote", "quote-fields", "attrs-list", "content-int", "keyed-id", "no-annotator"],
)
def test_a_malformed_stored_record_is_refused_at_open(
    word, db_path: Path, article: Article, table: str, damage
) -> None:
    saved(db_path, article, word)
    data = json.loads(db_path.read_text(encoding="utf-8"))
    damage(next(iter(data[table].values())))
    damaged = json.dumps(data, ensure_ascii=False).encode()
    db_path.write_bytes(damaged)
    for read_only in (False, True):
        with pytest.raises(StoreCorruptError, match="a record is malformed"):
            Store.open(db_path, read_only=read_only)
    assert db_path.read_bytes() == damaged


SPAN = {
    "id": "s",
    "article_id": "a",
    "layer": "entity",
    "label": "PER",
    "start": 0,
    "end": 3,
    "text": "abc",
    "quote": {"prefix": "", "exact": "abc", "suffix": ""},
    "text_sha256": "h",
    "annotator": "mona",
}
ATTRIBUTION = to_dict(Attribution("t", "a", "s", None, ("s",), "h", "mona"))
STATUS = to_dict(ArticleStatus("a", "mona", "done"))
ODD = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.lists(st.integers(), max_size=2))


def _builds(cls: type, document: dict[str, Any]) -> bool:
    try:
        from_dict(cls, document)
    except (TypeError, ValueError):
        return False
    return True


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([(Span, SPAN), (Attribution, ATTRIBUTION), (ArticleStatus, STATUS)]),
    st.data(),
)
def test_check_loadable_passes_only_what_from_dict_can_build(case, data) -> None:
    """A document that passes at open is never one that fails when first read."""
    cls, good = case
    check_loadable(cls, good)
    document = dict(good)
    for name in data.draw(st.lists(st.sampled_from(sorted(good)), max_size=3, unique=True)):
        if data.draw(st.booleans()):
            del document[name]
        else:
            document[name] = data.draw(ODD)
    try:
        check_loadable(cls, document)
    except (TypeError, ValueError):
        return
    assert _builds(cls, document)
