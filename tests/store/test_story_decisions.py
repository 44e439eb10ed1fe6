"""Story decisions (merges and splits made in the Stories screen): saved at once, one per
(article, annotator), read back after reopening, and undone apart from the tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.corpus.article import Article
from annotations.model import StoryDecision
from annotations.store import Store
from annotations.store.history import STORIES


def test_a_merge_is_one_decision_per_article_and_survives_reopening(db_path: Path) -> None:
    with Store.open(db_path) as store:
        made = store.decide_stories(["b", "c", "a"], "a", annotator="mona")
        assert [(d.article_id, d.joins) for d in made] == [("b", "a"), ("c", "a")]
        store.decide_stories(["z"], "y", annotator="huda")
    with Store.open(db_path, read_only=True) as store:
        assert [(d.article_id, d.joins) for d in store.story_decisions("mona")] == [
            ("b", "a"), ("c", "a"),
        ]  # fmt: skip
        assert {d.annotator for d in store.story_decisions()} == {"mona", "huda"}


def test_a_later_decision_about_an_article_replaces_the_earlier(store: Store) -> None:
    store.decide_stories(["b"], "a", annotator="mona")
    store.decide_stories(["b"], None, annotator="mona")
    (decision,) = store.story_decisions("mona")
    assert decision == StoryDecision("b", "mona", None, decision.updated)


def test_a_decision_needs_an_article_other_than_the_one_it_joins(store: Store) -> None:
    with pytest.raises(ValueError, match="other than"):
        store.decide_stories(["a"], "a", annotator="mona")
    assert store.story_decisions() == []


def test_story_decisions_are_undone_apart_from_the_tags(store: Store) -> None:
    article = Article("a", "قال الوزير إن الاتصال تناول الأوضاع في ليبيا.")
    store.decide_stories(["b", "c"], "a", annotator="mona")  # "a" is an article with tags too
    span = store.add_span(article, "entity", "PER", 4, 10, annotator="mona")
    store.decide_stories(["c"], None, annotator="mona")

    # the reader's undo (this article, or everywhere) reaches the tag only
    assert store.undo("mona", article_id="a").label == "tag PER"
    assert store.spans("a") == [] and len(store.story_decisions()) == 2
    assert store.undo("mona") is None
    assert store.redo("mona", article_id="a") is not None and store.spans("a") == [span]

    # the Stories screen's undo reaches the story decisions only, newest first
    assert store.undo("mona", article_id=STORIES).label == "split story"
    assert [(d.article_id, d.joins) for d in store.story_decisions()] == [("b", "a"), ("c", "a")]
    assert store.undo("mona", article_id=STORIES).label == "merge stories"
    assert store.story_decisions() == [] and store.spans("a") == [span]
    assert store.undo("mona", article_id=STORIES) is None
    assert store.redo("mona", article_id=STORIES).label == "merge stories"
    assert len(store.story_decisions()) == 2
    assert [a.label for a in store.history("mona")] == ["tag PER"]  # the tags' history view


def test_an_article_with_only_a_story_decision_is_exported(store: Store) -> None:
    store.decide_stories(["b"], "a", annotator="mona")
    (record,) = store.records()
    assert (record.article_id, record.annotator, record.status) == ("b", "mona", "todo")
    assert record.story is not None and record.story.joins == "a" and record.spans == ()
