"""`annotations.figures` counts the articles in scope and every annotator's work on them."""

from __future__ import annotations

from pathlib import Path

from annotations.corpus import ArticleFilter, Corpus
from annotations.figures import NO_OUTLET, NO_SOURCE_TYPE, NO_VERDICT, Progress, corpus_figures
from annotations.model import LABELS
from annotations.store import Store


def test_an_empty_database_gives_zeros_for_every_label_and_named_annotator(
    tmp_path: Path, seeds: Corpus
) -> None:
    with Store.open(tmp_path / "db.json", read_only=True) as store:
        figures = corpus_figures(seeds, store, annotators=["mona"])
    assert figures.articles == 5
    assert dict(figures.articles_per_outlet) == {
        NO_OUTLET: 3, "وكالة كليوباترا للأنباء": 1, "ميدل إيست أون لاين": 1
    }
    assert figures.progress == (Progress("mona", 0, 0, 5),)
    assert figures.tags_per_label == tuple((label, 0) for label in LABELS)
    assert set(dict(figures.attributions_per_outlet).values()) == {0}
    assert figures.most_quoted_sources == () and figures.claims_by_verdict == ()


def test_work_is_counted_per_outlet_annotator_and_label(tmp_path: Path, seeds: Corpus) -> None:
    cleo, mel = seeds["002_0e2d256eaa5f838c"], seeds["003_9e473b031b4d0b21"]
    with Store.open(tmp_path / "db.json") as store:
        for article, who in ((cleo, "mona"), (mel, "mona"), (mel, "omar")):
            source = store.add_span(
                article, "attribution", "SOURCE", 0, 5, annotator=who,
                attrs={"source_type": "named_person"} if who == "mona" else None,
            )
            cue = store.add_span(article, "attribution", "CUE", 6, 9, annotator=who)
            store.add_attribution(source=source.id, cue=cue.id, annotator=who)
        claim = store.add_span(cleo, "claim", "CLAIM", 10, 20, annotator="omar")
        store.add_claim(claim.id, annotator="omar", verdict="false")
        store.add_claim(
            store.add_span(mel, "claim", "CLAIM", 10, 20, annotator="omar").id, annotator="omar"
        )
        store.set_status(cleo.id, "mona", "done")
        store.set_status(mel.id, "mona", "in progress")
        figures = corpus_figures(seeds, store)
        only_mel = corpus_figures(seeds, store, ArticleFilter(outlet="ميدل إيست أون لاين"))

    assert figures.progress == (Progress("mona", 1, 1, 3), Progress("omar", 0, 0, 5))
    labels = dict(figures.tags_per_label)
    assert (labels["SOURCE"], labels["CUE"], labels["CLAIM"], labels["PER"]) == (3, 3, 2, 0)
    assert dict(figures.attributions_per_outlet) == {
        "ميدل إيست أون لاين": 2, "وكالة كليوباترا للأنباء": 1, NO_OUTLET: 0
    }
    assert figures.source_types_per_outlet == {
        "ميدل إيست أون لاين": ((NO_SOURCE_TYPE, 1), ("named_person", 1)),
        "وكالة كليوباترا للأنباء": (("named_person", 1),),
    }
    assert figures.most_quoted_sources[0] == (mel.text[0:5], 2)
    assert figures.cue_verbs_per_outlet["ميدل إيست أون لاين"] == ((mel.text[6:9], 2),)
    assert dict(figures.claims_by_verdict) == {"false": 1, NO_VERDICT: 1}
    assert figures.left_out == 0

    assert only_mel.articles == 1 and only_mel.left_out == 2  # mona's and omar's work on cleo
    assert only_mel.progress == (Progress("mona", 0, 1, 0), Progress("omar", 0, 0, 1))
