"""Deleting a span or an attribution that others use: what goes and what is detached, said
beforehand, done in one undo step, and no record left pointing at something gone."""

from __future__ import annotations

from annotations.corpus.article import Article
from annotations.store import Store


def tag(store: Store, article: Article, word, label: str, surface: str):
    layer = "claim" if label == "CLAIM" else "attribution"
    return store.add_span(article, layer, label, *word(article, surface), annotator="mona")


def dangling(store: Store, article_id: str) -> list[str]:
    """Every id a record of the article points at that is not there."""
    spans = {s.id for s in store.spans(article_id)}
    attributions = {a.id for a in store.attributions(article_id)}
    found = [i for r in store.relations(article_id) for i in (r.head, r.child) if i not in spans]
    for a in store.attributions(article_id):
        found += [i for i in (a.source, a.cue, *a.content) if i and i not in spans]
        found += [a.nested_in] if a.nested_in and a.nested_in not in attributions else []
    for c in store.claims(article_id):
        found += [c.span] if c.span not in spans else []
        found += [c.attribution] if c.attribution and c.attribution not in attributions else []
    return found


def test_the_preview_says_what_delete_then_does(word, store: Store, article: Article) -> None:
    source = tag(store, article, word, "SOURCE", "سامح شكري")
    cue = tag(store, article, word, "CUE", "قال")
    content = tag(store, article, word, "CONTENT", "ترفض أي تهجير")
    claim_span = tag(store, article, word, "CLAIM", "ترفض أي تهجير")
    attribution = store.add_attribution(
        source=source.id, cue=cue.id, content=[content.id], annotator="mona"
    )
    store.add_claim(claim_span.id, annotator="mona", attribution=attribution.id)
    relation = store.add_relation(source.id, claim_span.id, "supports", annotator="mona")
    preview = store.span_deletion(source.id)
    assert [r.id for r in preview.relations] == [relation.id]
    assert [a.id for a in preview.detached] == [attribution.id]
    assert preview.attributions == preview.claims == preview.unattributed == ()
    done = store.delete_span(source.id, annotator="mona")
    assert done == preview
    (left,) = store.attributions(article.id)
    assert (left.source, left.cue, left.content) == (None, cue.id, (content.id,))
    assert store.claims(article.id)[0].attribution == attribution.id
    assert store.relations(article.id) == [] and dangling(store, article.id) == []


def test_an_emptied_attribution_goes_and_its_claims_and_nested_ones_are_detached(
    word, store: Store, article: Article
) -> None:
    cue = tag(store, article, word, "CUE", "قال")
    outer = store.add_attribution(source=None, cue=cue.id, annotator="mona")
    other_cue = tag(store, article, word, "CUE", "وأضاف")
    inner = store.add_attribution(
        source=None, cue=other_cue.id, annotator="mona", nested_in=outer.id
    )
    claim_span = tag(store, article, word, "CLAIM", "ترفض أي تهجير")
    claim = store.add_claim(claim_span.id, annotator="mona", attribution=outer.id)
    preview = store.span_deletion(cue.id)
    assert [a.id for a in preview.attributions] == [outer.id]
    assert [c.id for c in preview.unattributed] == [claim.id]
    assert [a.id for a in preview.unnested] == [inner.id]
    store.delete_span(cue.id, annotator="mona")
    assert [a.id for a in store.attributions(article.id)] == [inner.id]
    assert store.attributions(article.id)[0].nested_in is None
    assert store.claims(article.id)[0].attribution is None
    assert dangling(store, article.id) == []
    assert store.undo("mona").label == "delete"  # all of it in one step
    assert {a.id for a in store.attributions(article.id)} == {outer.id, inner.id}
    assert store.claims(article.id)[0].attribution == outer.id
    assert store.attributions(article.id)[1].nested_in == outer.id


def test_deleting_an_attribution_detaches_claims_and_nested_attributions(
    word, store: Store, article: Article
) -> None:
    cue = tag(store, article, word, "CUE", "قال")
    outer = store.add_attribution(source=None, cue=cue.id, annotator="mona")
    inner = store.add_attribution(source=None, cue=cue.id, annotator="mona", nested_in=outer.id)
    claim_span = tag(store, article, word, "CLAIM", "ترفض أي تهجير")
    store.add_claim(claim_span.id, annotator="mona", attribution=outer.id)
    store.delete_attribution(outer.id, annotator="mona")
    assert [(a.id, a.nested_in) for a in store.attributions(article.id)] == [(inner.id, None)]
    assert dangling(store, article.id) == []
