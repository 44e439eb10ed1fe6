"""Gold triples and the seeds they annotate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotations.attribution import Suggestion, load_gold
from annotations.corpus import Article, Corpus

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: 000 and 004 were annotated first and the rules built on them; 001, 002 and 003 later, as checks.
GOLD_PREFIXES = ("000", "001", "002", "003", "004")


def gold_path(prefix: str) -> Path:
    return DATA_DIR / f"attribution_gold_{prefix}.jsonl"


def seed(seeds: Corpus, prefix: str) -> Article:
    return next(article for article in seeds if article.id.startswith(prefix))


@pytest.fixture(params=GOLD_PREFIXES)
def gold_article(request: pytest.FixtureRequest, seeds: Corpus) -> tuple[Article, list[Suggestion]]:
    """(seed article, its gold triples), for each annotated seed."""
    return seed(seeds, request.param), load_gold(gold_path(request.param))


@pytest.fixture(params=GOLD_PREFIXES)
def gold_records(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    """(seed prefix, the raw JSON records of its gold file)."""
    lines = gold_path(request.param).read_text(encoding="utf-8").splitlines()
    return request.param, [json.loads(line) for line in lines]
