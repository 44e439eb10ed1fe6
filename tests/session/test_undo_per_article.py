"""`u` undoes the annotator's last action in the article on screen only, also after a restart,
and says what it undid and where."""

from __future__ import annotations

from pathlib import Path

from annotations.store import Store


def test_undo_leaves_other_articles_alone_across_a_restart(tmp_path: Path, go_to, reading) -> None:
    path = tmp_path / "db.json"
    with Store.open(path) as store:
        first = reading(store, "a1")
        first.tag("CUE")  # وقال, in a1
        second = reading(store, "a2")
        go_to(second, "راضي")
        second.decide_entity("ORG")  # in a2, after the tag in a1
    with Store.open(path) as store:  # a restart
        first = reading(store, "a1")
        action = first.undo()
        assert first.history_message("undo", action) == "undid tag CUE «وقال» in this article"
        assert store.spans("a1", "ana") == []
        assert [d.label for d in store.entity_decisions("ana")] == ["ORG"]  # a2's kept
        assert first.history_message("undo", first.undo()) == "nothing to undo in this article"
        second = reading(store, "a2")
        undone = second.undo()
        assert second.history_message("undo", undone) == (
            "undid entity decision «راضي» in this article"
        )
        assert store.entity_decisions("ana") == []
        redone = second.redo()
        assert second.history_message("redo", redone) == (
            "redid entity decision «راضي» in this article"
        )
        assert [d.label for d in store.entity_decisions("ana")] == ["ORG"]
        assert store.spans("a1", "ana") == []  # redo in a2 does not bring a1's tag back


def test_a_new_action_keeps_the_redo_of_other_articles(store: Store, reading) -> None:
    first, second = reading(store, "a1"), reading(store, "a2")
    first.tag("CUE")
    first.undo()
    second.tag("SOURCE")
    assert first.redo() is not None and [s.label for s in store.spans("a1")] == ["CUE"]


def test_undo_everywhere_reaches_the_other_article_and_names_it(store: Store, reading) -> None:
    first, second = reading(store, "a1"), reading(store, "a2")
    first.tag("CUE")
    second.undo_everywhere = True
    action = second.undo()
    assert second.history_message("undo", action) == "undid tag CUE «وقال» in article a1"
    assert store.spans("a1") == []


def test_history_lists_recent_actions_newest_first_with_where(store: Store, reading) -> None:
    first, second = reading(store, "a1"), reading(store, "a2")
    first.tag("CUE")
    second.tag("SOURCE")
    second.undo()
    lines = first.history()
    assert [(line.label, line.about, line.where, line.undone) for line in lines] == [
        ("tag SOURCE", "وقال", "article a2", True),
        ("tag CUE", "وقال", "this article", False),
    ]
    assert lines[0].at > lines[1].at
    assert [line.where for line in second.history()] == ["this article", "article a1"]
