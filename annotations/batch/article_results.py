"""What the batch computes for one article: one JSON-ready record."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from annotations import __version__
from annotations.attribution import suggest_attributions
from annotations.corpus import Article
from annotations.entities import AnalystRule, recognise
from annotations.stories import story_features
from annotations.versions import recogniser_version, stories_version, suggester_version


def model_versions() -> dict[str, str]:
    """The versions a record is computed with: a record of other versions is not used."""
    return {
        "rawi": __version__,
        "entities": recogniser_version(),
        "attribution": suggester_version(),
        "stories": stories_version(),
    }


def decisions_digest(decisions: Sequence[AnalystRule]) -> str:
    """A digest of the analyst's entity decisions the entities were computed with."""
    pairs = sorted((d.key, d.label or "") for d in decisions)
    return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode()).hexdigest()[:16]


def article_record(
    article: Article, decisions: Sequence[AnalystRule], versions: dict[str, str]
) -> dict[str, Any]:
    """`id`, `sha256`, the entities as `rawi entities --format jsonl` prints them, the
    suggestions as `rawi suggest --format jsonl` prints them (all of them, without entities),
    the story features (`annotations.stories.story_features`, from those entities) and the
    `versions` they were computed with."""
    entities = recognise(article.text, decisions)
    return {
        "id": article.id,
        "sha256": article.sha256,
        "entities": [e.record(article.id) for e in entities],
        "suggestions": [
            {"article": article.id, **s.record()} for s in suggest_attributions(article.text)
        ],
        "story": story_features(article, entities),
        "versions": versions,
    }
