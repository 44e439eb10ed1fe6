"""Entity decisions for every article, one article or one mention: ids apart, the old layout
kept for every-article ones, inconsistent arguments refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.model import EntityDecision, to_dict
from annotations.store import Store


def test_scopes_live_side_by_side_and_survive_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with Store.open(path) as store:
        store.decide_entity("بري", None, "ana")
        store.decide_entity("بري", "PER", "ana", article_id="a1", scope="article")
        store.decide_entity("بري", "ORG", "ana", article_id="a1", scope="mention", mention=(4, 7))
    with Store.open(path) as store:
        assert [d.scope for d in store.entity_decisions("ana")] == ["corpus", "article", "mention"]
        assert [d.scope for d in store.entity_decisions("ana", article_id="a2")] == ["corpus"]
        mention = store.entity_decisions("ana", article_id="a1")[-1]
        assert (mention.label, mention.start, mention.end) == ("ORG", 4, 7)


def test_an_every_article_decision_keeps_its_stored_layout() -> None:
    decision = EntityDecision("بري", None, "ana", "2026-01-01T00:00:00Z")
    assert set(to_dict(decision)) == {"id", "key", "label", "annotator", "updated"}
    assert decision.id == EntityDecision.id_of(annotator="ana", key="بري")


def test_inconsistent_scopes_are_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.json") as store:
        with pytest.raises(ValueError, match="needs its article_id"):
            store.decide_entity("بري", None, "ana", scope="article")
        with pytest.raises(ValueError, match="only for, a decision of one mention"):
            store.decide_entity("بري", None, "ana", article_id="a1", scope="mention")
        assert store.entity_decisions() == []
