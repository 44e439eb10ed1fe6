"""The store's annotation API: what is saved is what is read back, in this process and the next."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from tinydb import TinyDB

from annotations.corpus.article import Article
from annotations.model import Rejection, Span, from_dict, to_dict
from annotations.store import Store
from annotations.store.grouping import count_records
from annotations.store.state import ARTICLE_TABLES


def test_a_span_keeps_its_text_quote_and_article_sha(word, store: Store, article: Article) -> None:
    start, end = word(article, "سامح شكري")
    span = store.add_span(article, "entity", "PER", start, end, annotator="mona")
    assert span.text == "سامح شكري"
    assert span.quote.exact == "سامح شكري"
    assert span.quote.prefix == article.text[max(0, start - 32) : start]
    assert len(span.quote.suffix) == 32
    assert span.text_sha256 == article.sha256
    assert store.spans(article.id) == [span]
    assert store.span(span.id) == span


@pytest.mark.parametrize(
    ("layer", "label", "start", "end"),
    [
        ("entity", "SOURCE", 0, 3),
        ("claim", "PER", 0, 3),
        ("entity", "PER", 5, 5),
        ("entity", "PER", 0, 10_000),
    ],
)
def test_bad_spans_are_refused(store: Store, article: Article, layer, label, start, end) -> None:
    with pytest.raises(ValueError):
        store.add_span(article, layer, label, start, end, annotator="mona")
    assert store.counts().get("spans", 0) == 0


def test_everything_survives_reopening_and_is_readable_by_tinydb(
    word, db_path: Path, article: Article
) -> None:
    with Store.open(db_path) as store:
        source = store.add_span(
            article,
            "attribution",
            "SOURCE",
            *word(article, "وزير الخارجية المصري"),
            annotator="mona",
        )
        cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
        content = store.add_span(
            article,
            "attribution",
            "CONTENT",
            *word(article, "القاهرة ترفض أي تهجير للفلسطينيين"),
            annotator="mona",
        )
        claim_span = store.add_span(
            article,
            "claim",
            "CLAIM",
            *word(article, "القاهرة ترفض أي تهجير للفلسطينيين"),
            annotator="mona",
        )
        relation = store.add_relation(source.id, cue.id, "speaks", annotator="mona")
        attribution = store.add_attribution(
            source=source.id, cue=cue.id, content=[content.id], annotator="mona", type="assertion"
        )
        claim = store.add_claim(
            claim_span.id,
            annotator="mona",
            attribution=attribution.id,
            verifiable=True,
            check_worthy=True,
        )
        store.set_status(article.id, "mona", "in progress")
        store.decide_entity("رويترز", "ORG", "mona")
        store.decide_entity("الحل", None, "mona")
        before = {
            "spans": store.spans(article.id),
            "relations": store.relations(article.id),
            "attributions": store.attributions(article.id),
            "claims": store.claims(article.id),
            "decisions": store.entity_decisions(),
        }
    assert db_path.with_name(db_path.name + ".journal").read_text().count("\n") > 1, (
        "closing after small writes leaves them in the journal, not folded"
    )
    with Store.open(db_path) as store:
        assert store.spans(article.id) == before["spans"]
        assert store.relations(article.id) == [relation]
        assert store.attributions(article.id) == [attribution]
        assert store.claims(article.id) == [claim]
        assert store.entity_decisions() == before["decisions"]
        assert store.status(article.id, "mona") == "in progress"
        assert store.status(article.id, "someone else") == "todo"
        store.compact()
    at_rest = TinyDB(db_path, access_mode="r")
    assert {doc["id"] for doc in at_rest.table("spans").all()} == {s.id for s in before["spans"]}
    assert at_rest.table("_meta").all()[0]["schema"] == 1
    at_rest.close()


def test_relabel_resize_and_attrs(word, store: Store, article: Article) -> None:
    span = store.add_span(article, "entity", "PER", *word(article, "شكري"), annotator="mona")
    relabelled = store.update_span(span.id, annotator="mona", label="ORG", attrs={"note": "x"})
    assert (relabelled.label, relabelled.attrs, relabelled.text) == ("ORG", {"note": "x"}, "شكري")
    start, end = word(article, "سامح شكري")
    resized = store.update_span(span.id, annotator="mona", article=article, start=start, end=end)
    assert resized.text == "سامح شكري" and resized.quote.exact == "سامح شكري"
    with pytest.raises(ValueError):
        store.update_span(span.id, annotator="mona", start=0, end=3)
    with pytest.raises(TypeError):
        store.update_span(span.id, annotator="mona", colour="red")
    assert store.spans(article.id) == [resized]


def test_deleting_a_span_takes_its_links_with_it(word, store: Store, article: Article) -> None:
    source = store.add_span(
        article, "attribution", "SOURCE", *word(article, "سامح شكري"), annotator="mona"
    )
    cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
    store.add_relation(source.id, cue.id, "speaks", annotator="mona")
    attribution = store.add_attribution(source=source.id, cue=cue.id, annotator="mona")
    claim = store.add_claim(source.id, annotator="mona")
    store.delete_span(source.id, annotator="mona")
    assert store.relations(article.id) == []
    assert store.claims(article.id) == []
    [left] = store.attributions(article.id)
    assert (left.id, left.source, left.cue) == (attribution.id, None, cue.id)
    assert claim.id not in {c.id for c in store.claims(article.id)}


def test_links_must_name_existing_spans_of_one_article(
    word, store: Store, article: Article
) -> None:
    other = Article("news-002", article.text)
    a = store.add_span(article, "entity", "PER", *word(article, "شكري"), annotator="mona")
    b = store.add_span(other, "entity", "LOC", *word(other, "القاهرة"), annotator="mona")
    with pytest.raises(ValueError):
        store.add_relation(a.id, b.id, "x", annotator="mona")
    with pytest.raises(KeyError):
        store.add_claim("nope", annotator="mona")
    with pytest.raises(ValueError):
        store.add_attribution(source=None, cue=None, annotator="mona")


def test_records_group_by_article_and_annotator_and_filter(
    word, store: Store, article: Article
) -> None:
    store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    store.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="mona")
    store.add_span(
        article, "claim", "CLAIM", *word(article, "الاجتماع استمر ثلاث ساعات"), annotator="ali"
    )
    store.set_status(article.id, "ali", "done")
    records = store.records()
    assert not isinstance(records, list)
    by_who = {r.annotator: r for r in records}
    assert sorted(by_who) == ["ali", "mona"]
    assert by_who["ali"].status == "done" and [s.label for s in by_who["ali"].spans] == ["CLAIM"]
    assert [s.label for s in by_who["mona"].spans] == ["PER", "LOC"]
    assert [r.annotator for r in store.records(layer="claim")] == ["ali"]
    assert [len(r.spans) for r in store.records(label="LOC")] == [1]
    assert list(store.records(since="2999-01-01")) == []
    counts = store.counts()
    assert counts["spans"] == 3 and counts["PER"] == 1 and counts["articles"] == 1
    assert store.counts(article.id)["spans"] == 3
    by_article = store.counts_by_article(annotator="mona")[article.id]
    assert (by_article["spans"], by_article["PER"], by_article.get("CLAIM", 0)) == (2, 1, 0)


def test_model_documents_round_trip(word, store: Store, article: Article) -> None:
    span = store.add_span(
        article, "entity", "PER", *word(article, "شكري"), annotator="mona", attrs={"k": [1, "ب"]}
    )
    document = json.loads(json.dumps(to_dict(span), ensure_ascii=False))
    assert from_dict(Span, document) == span


def test_keyed_records_are_stored_as_before_with_ids_from_their_keys(
    db_path: Path, store: Store
) -> None:
    """Status, entity decisions and rejections: the same documents, ids and key order as ever."""
    store.set_status("a1", "mona", "done")
    store.decide_entity("مجلس", "ORG", "mona")
    store.reject_suggestion("a1", "k1", annotator="mona")
    store.compact()
    tables = json.loads(db_path.read_text(encoding="utf-8"))
    stored = {name: next(iter(tables[name].values())) for name in KEYED}
    assert {name: list(document) for name, document in stored.items()} == KEYED
    assert stored["status"]["id"] == "a970568cac235b34bcb2e16c8ca3a905"
    assert stored["entity_decisions"]["id"] == "da046203f64350d9bc342529b457a704"
    assert stored["rejections"]["id"] == "6ce3b55d1f725ba697a4cffc1853331b"
    mismatched = {**stored["rejections"], "id": "0" * 32}
    with pytest.raises(ValueError, match="not the one its key gives"):
        from_dict(Rejection, mismatched)


KEYED = {
    "status": ["id", "article_id", "annotator", "status", "updated"],
    "entity_decisions": ["id", "key", "label", "annotator", "updated"],
    "rejections": ["id", "article_id", "key", "annotator", "updated"],
}


def test_two_stores_on_one_file_see_each_other_through_compactions(
    word, db_path: Path, article: Article
) -> None:
    first, second = Store.open(db_path), Store.open(db_path)
    mine = first.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    assert second.span(mine.id) == mine
    second.compact()
    theirs = first.add_span(article, "entity", "LOC", *word(article, "القاهرة"), annotator="ali")
    assert [s.id for s in second.spans(article.id)] == [mine.id, theirs.id]
    second.delete_span(mine.id, annotator="mona")
    assert first.undo("mona").label == "delete"  # mona's history is shared by both processes
    assert {s.id for s in second.spans(article.id)} == {mine.id, theirs.id}
    first.close()
    second.close()


def test_a_held_lock_gives_a_clear_error(db_path: Path, article: Article) -> None:
    from filelock import FileLock

    from annotations.store import StoreLockedError

    store = Store.open(db_path, lock_timeout=0.2)
    with (
        FileLock(db_path.with_name(db_path.name + ".lock"), thread_local=False, is_singleton=False),
        pytest.raises(StoreLockedError, match="another rawi process"),
    ):
        store.add_span(article, "entity", "PER", 0, 3, annotator="mona")
    assert store.counts().get("spans", 0) == 0


def test_revision_changes_with_every_change_here_or_in_another_process(
    word, store: Store, article: Article, db_path: Path
) -> None:
    before = store.revision()
    assert store.revision() == before
    store.add_span(article, "entity", "PER", *word(article, "سامح شكري"), annotator="mona")
    after_save = store.revision()
    assert after_save != before
    with Store.open(db_path) as other:
        other.add_span(article, "claim", "CLAIM", 0, 5, annotator="omar")
    assert store.revision() != after_save
    store.undo("mona")
    assert store.revision() != after_save


def test_counts_kept_by_each_save_match_a_full_recount(
    word, db_path: Path, article: Article
) -> None:
    """Tags, relabels, deletes, orphans, undo, another process's saves: the running counts are
    the ones walking every record gives."""

    def recount(store: Store, annotator: str | None) -> dict[str, dict[str, int]]:
        result: dict[str, Counter[str]] = {}
        for table in ARTICLE_TABLES:
            for article_id in store.state.by_article[table]:
                records = store.state.in_article(table, article_id)
                mine = [r for r in records if annotator in (None, r.annotator)]
                count_records(result.setdefault(article_id, Counter()), table, mine)
        return {a: dict(+counts) for a, counts in result.items() if +counts}

    store, other = Store.open(db_path), Store.open(db_path)
    source = store.add_span(
        article, "attribution", "SOURCE", *word(article, "سامح شكري"), annotator="mona"
    )
    cue = store.add_span(article, "attribution", "CUE", *word(article, "قال"), annotator="mona")
    claim = other.add_span(article, "claim", "CLAIM", *word(article, "القاهرة"), annotator="ali")
    store.add_relation(source.id, cue.id, "speaks", annotator="mona")
    store.update_span(cue.id, annotator="mona", label="CONTENT")
    store.set_status(article.id, "mona", "done")
    other.reject_suggestion("elsewhere", "k1", annotator="ali")
    store.reanchor(Article(article.id, "نص آخر تماما"), annotator="mona")  # orphans
    store.delete_span(source.id, annotator="mona")
    store.undo("mona")
    other.delete_span(claim.id, annotator="ali")
    for annotator in (None, "mona", "ali"):
        assert store.counts_by_article(annotator) == recount(store, annotator)
    assert store.counts_by_article("mona")[article.id]["orphans"] == 2
    assert store.statuses("mona") == {article.id: "done"} and store.statuses("ali") == {}
    store.close()
    other.close()
