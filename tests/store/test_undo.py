"""Undo and redo: every change, per annotator, in order, across reopening."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.arabic import tokenize
from annotations.corpus.article import Article
from annotations.store import Store

TEXT = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").strip()


def snapshot(store: Store, article_id: str) -> dict:
    return {
        "spans": store.spans(article_id),
        "relations": store.relations(article_id),
        "attributions": store.attributions(article_id),
        "claims": store.claims(article_id),
        "status": store.status(article_id, "mona"),
    }


def test_each_kind_of_change_is_undone_and_redone(word, store: Store, article: Article) -> None:
    states = [snapshot(store, article.id)]

    def did() -> None:
        states.append(snapshot(store, article.id))

    source = store.add_span(
        article, "attribution", "SOURCE", *word(article, "سامح شكري"), annotator="mona"
    )
    did()
    cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
    did()
    store.update_span(source.id, annotator="mona", label="CONTENT")
    did()
    store.update_span(
        source.id,
        annotator="mona",
        article=article,
        start=word(article, "وزير")[0],
        end=word(article, "شكري")[1],
    )
    did()
    store.update_span(
        source.id, annotator="mona", label="SOURCE", attrs={"source_type": "official"}
    )
    did()
    store.add_relation(source.id, cue.id, "speaks", annotator="mona")
    did()
    attribution = store.add_attribution(source=source.id, cue=cue.id, annotator="mona")
    did()
    store.update_attribution(attribution.id, annotator="mona", type="belief")
    did()
    claim = store.add_claim(source.id, annotator="mona", attribution=attribution.id)
    did()
    store.update_claim(claim.id, annotator="mona", check_worthy=True, note="راجع")
    did()
    store.set_status(article.id, "mona", "done")
    did()
    store.delete_span(source.id, annotator="mona")
    did()
    for expected in reversed(states[:-1]):
        assert store.undo("mona") is not None
        assert snapshot(store, article.id) == expected
    assert store.undo("mona") is None
    for expected in states[1:]:
        action = store.redo("mona")
        assert action is not None and action.article_id == article.id
        assert snapshot(store, article.id) == expected
    assert store.redo("mona") is None


def test_undo_is_per_annotator_and_a_new_change_drops_the_redo_list(
    word, store: Store, article: Article
) -> None:
    mine = store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    theirs = store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="ali")
    store.undo("mona")
    assert [s.id for s in store.spans(article.id)] == [theirs.id]
    store.add_span(article, "entity", "ORG", *word(article, "رويترز"), annotator="mona")
    assert store.redo("mona") is None
    assert mine.id not in {s.id for s in store.spans(article.id)}
    store.undo("ali")
    assert [s.label for s in store.spans(article.id)] == ["ORG"]


def test_a_batch_is_one_undo_step(word, store: Store, article: Article) -> None:
    with store.batch("mona", "attribution"):
        source = store.add_span(
            article, "attribution", "SOURCE", *word(article, "سامح شكري"), annotator="mona"
        )
        cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
        store.add_attribution(source=source.id, cue=cue.id, annotator="mona")
    assert store.counts()["spans"] == 2
    assert store.undo("mona").label == "attribution"
    assert store.counts().get("spans", 0) == 0 and store.counts().get("attributions", 0) == 0


def test_history_survives_reopening(word, db_path: Path, article: Article) -> None:
    with Store.open(db_path) as store:
        store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
        store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
        store.undo("mona")
    with Store.open(db_path) as store:
        assert [s.label for s in store.spans(article.id)] == ["PER"]
        store.redo("mona")
        assert [s.label for s in store.spans(article.id)] == ["PER", "LOC"]


WORDS = [(t.start, t.end) for t in tokenize(TEXT)]
operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("add"), st.integers(0, len(WORDS) - 1), st.sampled_from(["PER", "ORG", "LOC"])
        ),
        st.tuples(
            st.just("relabel"), st.integers(0, 50), st.sampled_from(["PER", "ORG", "LOC", "MISC"])
        ),
        st.tuples(st.just("delete"), st.integers(0, 50), st.just("")),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations, undos=st.integers(0, 12), redos=st.integers(0, 12))
def test_undo_then_redo_walks_back_and_forth_through_the_states(
    tmp_path_factory, ops, undos, redos
) -> None:
    article = Article("news-001", TEXT)
    with Store.open(tmp_path_factory.mktemp("undo") / "db.json") as store:
        states = [store.spans(article.id)]
        for kind, index, label in ops:
            spans = store.spans(article.id)
            if kind == "add":
                store.add_span(article, "entity", label, *WORDS[index], annotator="mona")
            elif spans and kind == "relabel":
                store.update_span(spans[index % len(spans)].id, annotator="mona", label=label)
            elif spans and kind == "delete":
                store.delete_span(spans[index % len(spans)].id, annotator="mona")
            if store.spans(article.id) != states[-1]:
                states.append(store.spans(article.id))
        undone = min(undos, len(states) - 1)
        for _ in range(undos):
            store.undo("mona")
        assert store.spans(article.id) == states[-1 - undone]
        for _ in range(redos):
            store.redo("mona")
        assert store.spans(article.id) == states[-1 - undone + min(redos, undone)]
