"""`open_tinydb`: scripts query the database with TinyDB, journal included, and cannot write."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from annotations.corpus.article import Article
from annotations.store import Store, StoreError, StoreReadOnlyError, open_tinydb


def files_of(db_path: Path) -> dict[str, bytes]:
    """The database and its journal, byte for byte."""
    journal = db_path.with_name(db_path.name + ".journal")
    return {"database": db_path.read_bytes(), "journal": journal.read_bytes()}


def test_query_finds_what_waits_in_the_journal(
    word, db_path: Path, store: Store, article: Article
) -> None:
    folded = store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    store.compact()
    place = store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
    store.delete_span(folded.id, annotator="mona")
    store.set_status(article.id, "mona", "in progress")
    assert store.journal_bytes > 0  # the saves are in the journal, not folded into the file
    before = files_of(db_path)

    db = open_tinydb(db_path)
    span = Query()
    assert [d["id"] for d in db.table("spans").search(span.label == "LOC")] == [place.id]
    assert db.table("spans").search(span.id == folded.id) == []  # deleted in the journal
    assert db.table("status").get(span.article_id == article.id)["status"] == "in progress"
    assert files_of(db_path) == before  # nothing folded, nothing written
    with TinyDB(db_path, access_mode="r") as at_rest:  # the file alone lags behind
        assert [d["id"] for d in at_rest.table("spans").all()] == [folded.id]


def test_writes_through_the_view_fail_and_change_nothing(
    word, db_path: Path, store: Store, article: Article
) -> None:
    kept = store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    before = files_of(db_path)
    db = open_tinydb(db_path)
    spans = db.table("spans")
    with pytest.raises(StoreReadOnlyError, match="read-only"):
        spans.insert({"id": "x", "label": "ORG"})
    with pytest.raises(StoreReadOnlyError):
        spans.update({"label": "ORG"}, Query().id == kept.id)
    with pytest.raises(StoreReadOnlyError):
        spans.remove(Query().id == kept.id)
    with pytest.raises(StoreReadOnlyError):
        db.drop_tables()
    assert [(d["id"], d["label"]) for d in spans.all()] == [(kept.id, "PER")]
    assert files_of(db_path) == before
    assert store.spans(article.id) == [kept]


def test_no_database_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_tinydb(tmp_path / "missing.json")
    assert list(tmp_path.iterdir()) == []
