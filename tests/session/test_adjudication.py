"""Adjudication without a display: units, disagreements, taking versions into `curated`, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.corpus import Corpus
from annotations.session.adjudication import Adjudication
from annotations.store import Store


@pytest.fixture
def store(tmp_path: Path, seeds: Corpus):
    """huda and mona on the first seed: the same PER, different ORG/LOC for ماكرون, and only
    huda's attribution with a claim."""
    article = next(iter(seeds))
    text = article.text
    sisi, macron = text.index("السيسي"), text.index("ماكرون")
    with Store.open(tmp_path / "db.json") as store:
        for who in ("huda", "mona"):
            store.add_span(article, "entity", "PER", sisi, sisi + 6, annotator=who)
        store.add_span(article, "entity", "PER", macron, macron + 6, annotator="huda")
        store.add_span(article, "entity", "LOC", macron - 1, macron + 6, annotator="mona")
        source = store.add_span(article, "attribution", "SOURCE", 0, 6, annotator="huda")
        content = store.add_span(article, "attribution", "CONTENT", 8, 30, annotator="huda")
        said = store.add_attribution(source=source.id, cue=None, content=[content.id],
                                     annotator="huda")  # fmt: skip
        store.add_claim(content.id, annotator="huda", attribution=said.id, check_worthy=True)
        store.add_relation(source.id, content.id, "says", annotator="huda")
        yield store, article


def summary(store: Store, article, who: str = "curated") -> list[tuple[str, str]]:
    return sorted((s.label, s.text) for s in store.spans(article.id, annotator=who))


def test_units_and_disagreements(store) -> None:
    store, article = store
    adjudication = Adjudication(article, store, "curated")
    assert adjudication.annotators == ["huda", "mona"]
    agreed = [u for u in adjudication.units if u.agreed]
    assert [(u.layer, article.text[u.start : u.end]) for u in agreed] == [("entity", "السيسي")]
    assert len(adjudication.disagreements) == 3  # ماكرون, the source, the content
    assert adjudication.progress() == (0, 3)
    assert not adjudication.move(-1) and adjudication.move(1) and adjudication.move(1)
    assert not adjudication.move(1)


def test_take_a_then_b_then_both_then_undo(store) -> None:
    store, article = store
    adjudication = Adjudication(article, store, "curated")
    adjudication.current = next(
        i for i in adjudication.disagreements if adjudication.units[i].layer == "entity"
    )
    adjudication.take(["huda"])
    assert summary(store, article) == [("PER", "ماكرون")]
    adjudication.take(["mona"])  # replaces huda's version
    assert [label for label, _ in summary(store, article)] == ["LOC"]
    adjudication.take(["huda", "mona"])
    assert sorted(label for label, _ in summary(store, article)) == ["LOC", "PER"]
    assert adjudication.progress() == (1, 3)
    assert adjudication.undo()
    assert [label for label, _ in summary(store, article)] == ["LOC"]
    adjudication.take([])
    assert summary(store, article) == [] and adjudication.progress() == (1, 3)
    assert adjudication.undo() and [label for label, _ in summary(store, article)] == ["LOC"]


def test_attributions_and_claims_follow_their_spans(store) -> None:
    store, article = store
    adjudication = Adjudication(article, store, "curated")
    for index in adjudication.disagreements:
        if adjudication.units[index].layer == "attribution":
            adjudication.current = index
            adjudication.take(["huda"])
    [attribution] = store.attributions(article.id, "curated")
    [claim] = store.claims(article.id, "curated")
    curated = {s.id: s.label for s in store.spans(article.id, annotator="curated")}
    assert curated[attribution.source] == "SOURCE" and curated[claim.span] == "CONTENT"
    assert claim.attribution == attribution.id and claim.check_worthy is True
    [relation] = store.relations(article.id, "curated")
    assert (relation.head, relation.child, relation.label) == (
        attribution.source,
        claim.span,
        "says",
    )
    assert adjudication.undo()  # the content taken last: its claim and place in the attribution go
    assert store.claims(article.id, "curated") == [] == store.relations(article.id, "curated")
