"""The story features of one article, as `rawi annotate` stores them: what story grouping reads
(its folded title and lead, its day), what the article says and who says it (its statements),
and how it names each actor (its namings); offsets are canonical, as everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from annotations.corpus import Article
from annotations.entities import Entity
from annotations.stories.leads import lead_of
from annotations.stories.naming import namings
from annotations.stories.statements import statements_of


def story_features(article: Article, entities: Sequence[Entity]) -> dict[str, Any]:
    """`keys` and `wide_keys` (the folded title and lead grouping compares), `day` (days since
    the epoch, or None), `statements` (the suggester's, and the quotations outside them, as
    `rawi compare` matches them) and `namings` (the titles beside each actor's name)."""
    lead = lead_of(article)
    return {
        "keys": lead.keys,
        "wide_keys": lead.wide_keys,
        "day": lead.day,
        "statements": [_without_article(s) for s in statements_of(article, entities)],
        "namings": [_without_article(n) for n in namings(article.id, article.text, entities)],
    }


def _without_article(found: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(found).items() if k != "article"}
