"""Entity corrections with a scope (this mention, this article, every article), a selection
trimmed of quote marks before it is keyed, a correction matching nothing not saved, and how far
each reaches."""

from __future__ import annotations

from annotations.corpus import Article, Corpus
from annotations.session import Correction, Reach, corpus_reach, correction_message
from annotations.session.entity_corrections import trimmed
from annotations.store import Store


def labels_of(session, name: str) -> list[str]:
    return [e.label for e in session.entities if name in e.text]


def test_this_article_leaves_the_other_articles_alone(store: Store, reading, go_to) -> None:
    first, second = reading(store, "a1"), reading(store, "a2")
    first.entity_scope = "article"
    go_to(first, "راضي")
    assert first.decide_entity("ORG") == Correction("راضي", "ORG", "article", 2)
    (decision,) = store.entity_decisions("ana")
    assert (decision.article_id, decision.start, decision.scope) == ("a1", None, "article")
    first.entities = first.recognise_entities()
    second.entities = second.recognise_entities()
    assert labels_of(first, "راضي") == ["ORG", "ORG"]
    assert labels_of(second, "راضي") == ["PER", "PER"]


def test_this_mention_changes_that_mention_only(store: Store, reading, go_to, text) -> None:
    session = reading(store, "a1")
    session.entity_scope = "mention"
    go_to(session, "راضي", 1)
    assert session.decide_entity("ORG") == Correction("راضي", "ORG", "mention", 1)
    assert labels_of(session, "راضي") == ["PER", "ORG"]  # at once
    (decision,) = store.entity_decisions("ana", article_id="a1")
    second = text.index("راضي", text.index("راضي") + 1)
    assert (decision.start, decision.end) == (second, second + 4)
    session.entities = session.recognise_entities()
    assert labels_of(session, "راضي") == ["PER", "ORG"]  # and when recognised again
    go_to(session, "راضي", 0)
    assert session.decide_entity(None).mentions == 1
    session.entities = session.recognise_entities()
    assert labels_of(session, "راضي") == ["ORG"]


def test_the_narrower_decision_wins(store: Store, reading, go_to) -> None:
    first, second = reading(store, "a1"), reading(store, "a2")
    go_to(first, "راضي")
    first.decide_entity(None)  # never, in every article
    first.entity_scope = "article"
    go_to(first, "راضي")
    first.decide_entity("LOC")  # but a LOC in a1
    first.entities = first.recognise_entities()
    second.entities = second.recognise_entities()
    assert labels_of(first, "راضي") == ["LOC", "LOC"]
    assert labels_of(second, "راضي") == []


def test_a_selection_is_trimmed_of_quote_marks_and_punctuation(store: Store, reading, text) -> None:
    session = reading(store, "a1")
    start = text.index("“مصر")
    session.cursor.select((start - 1, start + 4))  # ' “مصر', a space and the quote mark
    assert session.decide_entity("ORG").key == "مصر"
    assert [d.key for d in store.entity_decisions("ana")] == ["مصر"]
    assert trimmed("«بري»، ", 0, 7) == (1, 4)


def test_a_correction_that_matches_nothing_is_not_saved(store: Store, reading, text) -> None:
    session = reading(store, "a1")
    start = text.index("،")
    session.cursor.select((start, start + 1))
    correction = session.decide_entity(None)
    assert not correction.saved and correction.mentions == 0
    assert store.entity_decisions() == [] and store.status("a1", "ana") == "todo"
    assert (
        correction_message(correction, "،") == "«،» matches no name in this article: nothing saved"
    )


def test_undo_takes_a_scoped_decision_back(store: Store, reading, go_to) -> None:
    session = reading(store, "a1")
    session.entity_scope = "mention"
    go_to(session, "راضي", 1)
    session.decide_entity("ORG")
    assert session.history_message("undo", session.undo()) == (
        "undid entity decision «راضي» in this article"
    )
    assert store.entity_decisions() == []


def test_corpus_reach_counts_mentions_in_articles() -> None:
    corpus = Corpus()
    corpus.add(Article(id="x", text="قال نبيه بري إن بري وبري حضروا.", title="t"))
    corpus.add(Article(id="y", text="وصل بري أمس.", title="t"))
    corpus.add(Article(id="z", text="لا أحد هنا.", title="t"))
    assert corpus_reach(corpus, "بري") == Reach(4, 2)
    assert corpus_reach(corpus, "غائب") == Reach(0, 0)


def test_messages_say_scope_mentions_and_articles() -> None:
    article = Correction("بري", None, "article", 2)
    assert correction_message(article, "بري") == (
        "«بري» is never an entity in this article: 2 mentions"
    )
    mention = Correction("بري", "PER", "mention", 1)
    assert correction_message(mention, "بري") == "«بري» is always PER in this mention: 1 mention"
    every = Correction("بري", "ORG", "corpus", 2)
    assert correction_message(every, "بري").endswith(
        "2 mentions here, counting the other articles…"
    )
    assert correction_message(every, "بري", Reach(12, 5)) == (
        "«بري» is always ORG in every article: 12 mentions in 5 articles"
    )
