"""Agreement figures on small cases worked by hand: what is compared, and over which articles."""

from __future__ import annotations

import pytest
from agreement_records import record

from annotations.agreement import agreement
from annotations.corpus import Article
from annotations.model import Attribution, EntityDecision

#: Four words: قال [0, 3), وزير [4, 8), الخارجية [9, 17), اليوم [18, 23).
NEWS = Article("news", "قال وزير الخارجية اليوم")
LONG = Article("long", "ب" * 30)


def pair_of(records, articles=(LONG,), **options) -> dict:
    result = agreement(records, {a.id: a for a in articles}.get, **options)
    [pair] = result["pairs"]
    return pair


def test_exact_and_overlap_f1_per_label_and_micro() -> None:
    a = record(LONG, "a", [("PER", 0, 4), ("ORG", 10, 15)])
    b = record(LONG, "b", [("PER", 0, 3), ("ORG", 10, 15), ("LOC", 20, 25)])
    pair = pair_of([a, b])
    # Exact: ORG only, 2 x 1 / (2 + 3); overlap: PER and ORG, 2 x 2 / 5.
    assert pair["overall"]["f1_exact"] == pytest.approx(0.4)
    assert pair["overall"]["f1_overlap"] == pytest.approx(0.8)
    labels = pair["labels"]
    assert (labels["PER"]["f1_exact"], labels["PER"]["f1_overlap"]) == (0.0, 1.0)
    assert (labels["ORG"]["f1_exact"], labels["LOC"]["f1_overlap"]) == (1.0, 0.0)
    assert labels["LOC"]["spans"] == [0, 1] and set(labels) == {"PER", "ORG", "LOC"}


def test_overlap_matches_one_to_one_the_largest_overlap_first() -> None:
    a = record(LONG, "a", [("PER", 0, 10)])
    b = record(LONG, "b", [("PER", 0, 2), ("PER", 3, 10)])
    assert pair_of([a, b])["overall"]["f1_overlap"] == pytest.approx(2 / 3)


def test_word_kappa_by_hand() -> None:
    # a: O PER O O; b: O PER PER O. p_o = 3/4; a has O 3, PER 1, b O 2, PER 2: p_e = 8/16.
    a = record(NEWS, "a", [("PER", 4, 8)])
    b = record(NEWS, "b", [("PER", 4, 17)])
    pair = pair_of([a, b], (NEWS,), layers=("entity",))
    assert pair["overall"]["kappa"] == pytest.approx(0.5)
    assert pair["labels"]["PER"]["kappa"] == pytest.approx(0.5)  # two categories already
    # A span inside a word (after a clitic) still labels the word.
    inside = record(NEWS, "b", [("PER", 5, 8)])
    assert pair_of([a, inside], (NEWS,), layers=("entity",))["overall"]["kappa"] == 1.0


def test_model_output_and_orphans_are_not_compared() -> None:
    a = record(LONG, "a", [("PER", 0, 4)])
    untouched = record(LONG, "b", [("PER", 0, 4)], origin="model")
    pair = pair_of([a, untouched])
    assert pair["overall"]["spans"] == [1, 0] and pair["overall"]["f1_exact"] == 0.0
    accepted = record(LONG, "b", [("PER", 0, 4)], origin="suggested")
    assert pair_of([a, accepted])["overall"]["f1_exact"] == 1.0


def test_articles_count_when_both_annotated_and_unknown_texts_are_skipped() -> None:
    only_a = Article("only-a", "ب" * 10)
    records = [
        record(LONG, "a", [("PER", 0, 4)]),
        record(LONG, "b", [("PER", 0, 4)]),
        record(only_a, "a", [("PER", 0, 4)]),
        record(Article("gone", "ب" * 10), "a", []),
        record(Article("gone", "ب" * 10), "b", []),
    ]
    result = agreement(records, {LONG.id: LONG, only_a.id: only_a}.get)
    [pair] = result["pairs"]
    assert pair["articles"] == 1 and [f["article"] for f in pair["per_article"]] == ["long"]
    assert result["skipped"] == ["gone"]
    assert result["all"] == {
        "annotators": ["a", "b"], "articles": 1, "fleiss_kappa": 1.0, "alpha": 1.0
    }  # fmt: skip


def test_all_is_over_the_articles_every_chosen_annotator_annotated() -> None:
    other = Article("other", "ب" * 30)
    records = [
        record(LONG, "a", [("PER", 0, 4)]),
        record(LONG, "b", [("PER", 0, 4)]),
        record(LONG, "c", [("ORG", 0, 4)]),
        record(other, "a", [("PER", 0, 4)]),
        record(other, "b", [("PER", 0, 4)]),
    ]
    articles = {LONG.id: LONG, other.id: other}.get
    everyone = agreement(records, articles)
    assert [p["annotators"] for p in everyone["pairs"]] == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert everyone["all"]["articles"] == 1 and everyone["all"]["alpha"] < 1
    two = agreement(records, articles, annotators=["b", "a"])
    assert two["all"] == {
        "annotators": ["a", "b"], "articles": 2, "fleiss_kappa": 1.0, "alpha": 1.0
    }  # fmt: skip


def test_attributions_match_by_overlap_of_source_cue_and_content() -> None:
    spans = [("SOURCE", 0, 5), ("CUE", 6, 9), ("CONTENT", 10, 20)]
    shifted = [("SOURCE", 1, 5), ("CUE", 6, 8), ("CONTENT", 15, 25)]

    def said(who: str, source: str | None = "s0") -> Attribution:
        return Attribution("a1", LONG.id, source, "s1", ("s2",), "", who)

    a = record(LONG, "a", spans, attributions=(said("a"),))
    b = record(LONG, "b", shifted, attributions=(said("b"),))
    assert pair_of([a, b])["attributions"] == {"f1": 1.0, "matched": 1, "counts": [1, 1]}
    no_source = record(LONG, "b", shifted, attributions=(said("b", None),))
    assert pair_of([a, no_source])["attributions"]["f1"] == 0.0
    assert pair_of([a, b], layers=("entity",))["attributions"]["counts"] == [0, 0]


def test_entity_decisions_are_compared_key_by_key() -> None:
    decisions = [
        EntityDecision("ماكرون", "PER", "a"),
        EntityDecision("ماكرون", "PER", "b"),
        EntityDecision("حفتر", "PER", "a"),
        EntityDecision("حفتر", None, "b"),
        EntityDecision("ليبيا", "LOC", "a"),
    ]
    records = [record(LONG, "a", []), record(LONG, "b", [])]
    pair = pair_of(records, decisions=decisions)
    assert pair["entity_decisions"] == {"shared": 2, "same": 1}
    assert "entity_decisions" not in pair_of(records, decisions=decisions, layers=("claim",))
