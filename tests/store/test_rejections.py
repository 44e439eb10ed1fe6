"""Rejected suggestions: remembered per article and annotator, by key, durable and undoable."""

from __future__ import annotations

from pathlib import Path

from annotations.corpus.article import Article
from annotations.model import Rejection
from annotations.store import Store


def test_rejections_are_kept_per_article_and_annotator(store: Store) -> None:
    store.reject_suggestion("a1", "k1", annotator="mona")
    store.reject_suggestion("a1", "k1", annotator="mona")  # the same record, not a second one
    store.reject_suggestion("a1", "k2", annotator="mona")
    store.reject_suggestion("a2", "k3", annotator="mona")
    store.reject_suggestion("a1", "k4", annotator="sami")
    assert store.rejected_suggestions("a1", "mona") == {"k1", "k2"}
    assert store.rejected_suggestions("a1", "sami") == {"k4"}
    assert store.rejected_suggestions("a3", "mona") == frozenset()
    assert store.counts()["rejections"] == 4


def test_a_rejection_is_undone_and_redone(store: Store) -> None:
    store.reject_suggestion("a1", "k1", annotator="mona")
    action = store.undo("mona")
    assert action is not None and (action.label, action.article_id) == ("reject suggestion", "a1")
    assert store.rejected_suggestions("a1", "mona") == frozenset()
    store.redo("mona")
    assert store.rejected_suggestions("a1", "mona") == {"k1"}


def test_rejections_survive_the_journal_and_compaction(
    db_path: Path, store: Store, article: Article
) -> None:
    rejection = store.reject_suggestion(article.id, "k1", annotator="mona")
    with Store.open(db_path) as other:  # replays the journal the first one wrote
        assert other.rejected_suggestions(article.id, "mona") == {"k1"}
    store.close()
    with Store.open(db_path) as reopened:
        assert reopened.rejected_suggestions(article.id, "mona") == {"k1"}
        again = Rejection(article.id, "k1", "mona", rejection.updated)
        assert reopened.merge([again], annotator="mona").unchanged == 1
