"""Agreement between annotators over the articles they both annotated: per pair of annotators
(per label, overall, per article) and over all of them at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations, groupby
from typing import Any

from annotations.agreement.coding import Text, coding
from annotations.agreement.tally import GroupTally, PairTally
from annotations.model import LAYERS, ArticleLookup, ArticleRecord, EntityDecision

Pair = tuple[str, str]


def agreement(
    records: Iterable[ArticleRecord],
    articles: ArticleLookup,
    *,
    annotators: Sequence[str] | None = None,
    layers: Sequence[str] = tuple(LAYERS),
    decisions: Iterable[EntityDecision] = (),
) -> dict[str, Any]:
    """Agreement of `annotators` (default: everyone with a record) as a JSON-ready dict.

    `records` come grouped by article, as `Store.records()` yields them. An article counts for a
    pair when both have a record of it, for "all" when every annotator has; an article not in
    `articles` (its text unknown) is left out and listed under "skipped". `decisions`: the
    annotators' entity decisions, compared key by key (compared only with the entity layer)."""
    layers = tuple(layers)
    chosen = None if annotators is None else set(annotators)
    pairs: dict[Pair, PairTally] = {}
    per_article: dict[Pair, list[dict[str, Any]]] = {}
    groups: dict[tuple[str, ...], GroupTally] = {}
    skipped: list[str] = []
    for article_id, of_article in groupby(records, key=lambda r: r.article_id):
        mine = [r for r in of_article if chosen is None or r.annotator in chosen]
        article = articles(article_id) if mine else None
        if article is None:
            skipped.extend([article_id] if mine else [])
            continue
        text = Text.of(article.text)
        codings = sorted((coding(r, text, layers) for r in mine), key=lambda c: c.annotator)
        if len(codings) > 1:
            tallies = PairTally.of_article(codings)
            figures = tallies.overall()
            for row, (a, b) in enumerate(combinations(codings, 2)):
                key = (a.annotator, b.annotator)
                pairs.setdefault(key, PairTally.zero()).add(tallies, row)
                per_article.setdefault(key, []).append({"article": article_id, **figures[row]})
        present = tuple(c.annotator for c in codings)
        if len(present) > 1:
            groups.setdefault(present, GroupTally(len(present))).add(codings)
    names = sorted(chosen if chosen is not None else {n for key in groups for n in key})
    everyone = groups.get(tuple(names), GroupTally(len(names)))
    same = _decision_agreement(decisions, names) if "entity" in layers else {}
    return {
        "layers": list(layers),
        "pairs": [
            _pair(key, pairs[key], per_article[key], same.get(key))
            for key in combinations(names, 2)
            if key in pairs
        ],
        "all": {"annotators": names, **everyone.figures()},
        "skipped": skipped,
    }


def _pair(
    key: Pair, tally: PairTally, per_article: list[dict[str, Any]], decisions: dict | None
) -> dict[str, Any]:
    pair: dict[str, Any] = {
        "annotators": list(key),
        "articles": int(tally.articles),
        "labels": tally.labels(),
        "overall": tally.overall(),
        "attributions": tally.attribution_figures(),
        "per_article": per_article,
    }
    if decisions is not None:
        pair["entity_decisions"] = decisions
    return pair


def _decision_agreement(
    decisions: Iterable[EntityDecision], names: Sequence[str]
) -> dict[Pair, dict[str, int]]:
    """Per pair: the entity keys both decided for every article, and on how many they decided
    the same."""
    by_annotator: dict[str, dict[str, str | None]] = {name: {} for name in names}
    for decision in decisions:
        if decision.annotator in by_annotator and decision.scope == "corpus":
            by_annotator[decision.annotator][decision.key] = decision.label
    result = {}
    for a, b in combinations(names, 2):
        shared = by_annotator[a].keys() & by_annotator[b].keys()
        same = sum(by_annotator[a][k] == by_annotator[b][k] for k in shared)
        result[(a, b)] = {"shared": len(shared), "same": same}
    return result
