"""Entities as the reader shows them: the recogniser, the analyst's decisions, instant relabels."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from annotations.exchange.native import ExportArticle
from annotations.exchange.reviewed_entities import Mention, ReviewedEntities, ReviewedLookup
from annotations.model import EntityDecision
from annotations.store import Store

if TYPE_CHECKING:
    from annotations.batch import Precomputed
    from annotations.corpus import Corpus


class EntityLike(Protocol):
    """What the session needs from a recognised entity (`annotations.entities.Entity`)."""

    start: int
    end: int
    label: str
    text: str
    name_start: int


Recogniser = Callable[[str, Sequence[Any]], Sequence[EntityLike]]


def default_recogniser(text: str, decisions: Sequence[Any]) -> Sequence[EntityLike]:
    """The shipped recogniser (imported on first use: it loads a model)."""
    from annotations.entities import recognise

    return recognise(text, decisions)


def precomputed_recogniser(
    results: Precomputed, compute: Recogniser = default_recogniser
) -> Recogniser:
    """Entities read from a `rawi annotate` run where it has the text (and was computed with
    the same decisions and versions), computed by `compute` otherwise."""
    from annotations.entities import Entity

    def recognise(text: str, decisions: Sequence[Any]) -> Sequence[EntityLike]:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        rows = results.entities(digest, decisions)
        if rows is None:
            return compute(text, decisions)
        return [Entity.from_record(row) for row in rows]

    return recognise


def corpus_recogniser(corpus: Corpus) -> Recogniser:
    """The recogniser for `corpus`: the results `rawi annotate` registered for it where they
    apply, the shipped recogniser otherwise (without importing the batch package, which
    loads the models, when there are none)."""
    if corpus.results_folder is None:
        return default_recogniser
    from annotations.batch import registered_results

    results = registered_results(corpus)
    return default_recogniser if results is None else precomputed_recogniser(results)


def entity_decisions(store: Store, annotator: str, article_id: str | None = None) -> list[Any]:
    """The annotator's decisions in the recogniser's form: those for every article, and those
    for `article_id` (when given) in their place (`rules_for`)."""
    return rules_for(store.entity_decisions(annotator, article_id=article_id))


def rules_for(decisions: Sequence[EntityDecision]) -> list[Any]:
    """The recogniser's rules in one article from the decisions that apply there: an
    article's decision about a key replaces the every-article one (decisions about one mention
    are applied afterwards, by `with_mentions`)."""
    from annotations.entities import AnalystRule

    labels: dict[str, str | None] = {}
    for decision in sorted(decisions, key=lambda d: d.scope == "article"):
        if decision.scope != "mention":
            labels[decision.key] = decision.label
    return [AnalystRule(key, label) for key, label in labels.items()]  # type: ignore[arg-type]


def with_mentions(
    entities: Sequence[EntityLike], text: str, decisions: Sequence[EntityDecision]
) -> list[EntityLike]:
    """`entities` with the decisions about one mention applied: what overlaps the mention goes,
    and it becomes an entity of the decision's label (origin `analyst`) unless it is "never".
    A decision whose key is no longer at its place (the text changed) is left out."""
    from annotations.entities import Entity, occurrences

    mentions = [d for d in decisions if d.scope == "mention"]
    if not mentions:
        return list(entities)
    places = occurrences(text, (d.key for d in mentions))
    kept = list(entities)
    for decision in mentions:
        hit = next(
            (o for o in places[decision.key] if (o.start, o.end) == (decision.start, decision.end)),
            None,
        )
        if hit is None:
            continue
        kept = [e for e in kept if e.end <= hit.start or hit.end <= e.start]
        if decision.label is not None:
            name = text[hit.start : hit.end]
            kept.append(
                Entity(hit.start, hit.end, decision.label, name, "analyst", 1.0, hit.name_start)
            )  # type: ignore[arg-type]
    return sorted(kept, key=lambda e: e.start)


def reviewed_entities(store: Store, recogniser: Recogniser) -> ReviewedLookup:
    """What the export needs to carry the entities each analyst sees: the recogniser run with
    the analyst's decisions that apply in the article (an entity a decision made or relabelled
    has origin `decision`), and those decisions whose key occurs in the article."""
    from annotations.entities import surface_key

    def lookup(article: ExportArticle, annotator: str) -> ReviewedEntities:
        decisions = store.entity_decisions(annotator, article_id=article.id)
        found = with_mentions(
            recogniser(article.text, rules_for(decisions)), article.text, decisions
        )
        mentions = [
            Mention(e.start, e.end, e.label, "decision" if _by_analyst(e) else "model")
            for e in found
        ]
        keys = surface_key(article.text)
        return ReviewedEntities(mentions, [d for d in decisions if d.key in keys])

    return lookup


def _by_analyst(entity: EntityLike) -> bool:
    return getattr(entity, "origin", None) == "analyst"


def decision_key(name: str) -> str:
    """The key a decision about `name` (written without its clitic) is saved under."""
    from annotations.entities import surface_key

    return surface_key(name)


def apply_decision(
    entities: Sequence[EntityLike], text: str, key: str, label: str | None
) -> list[EntityLike]:
    """Every mention of `key` relabelled (or dropped when `label` is None), until the
    recogniser runs again and also finds the mentions it had missed."""
    kept: list[EntityLike] = []
    for mention in entities:
        if decision_key(text[mention.name_start : mention.end]) != key:
            kept.append(mention)
        elif label is not None:
            kept.append(Relabelled(mention, label))
    return kept


class Relabelled(NamedTuple):
    """An entity shown with the analyst's label."""

    entity: EntityLike
    label: str

    @property
    def start(self) -> int:
        return self.entity.start

    @property
    def end(self) -> int:
        return self.entity.end

    @property
    def text(self) -> str:
        return self.entity.text

    @property
    def name_start(self) -> int:
        return self.entity.name_start
