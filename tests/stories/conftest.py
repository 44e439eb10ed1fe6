"""The hand-judged ANT articles and pairs (tests/data/story_pairs, see its README)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from annotations.corpus import Article

PAIRS_DIR = Path(__file__).resolve().parents[1] / "data" / "story_pairs"


@pytest.fixture(scope="session")
def judged() -> tuple[list[Article], list[dict]]:
    """The 899 judged articles, and the pairs judged among them."""
    with gzip.open(PAIRS_DIR / "articles.jsonl.gz", "rt", encoding="utf-8") as file:
        records = [json.loads(line) for line in file]
    articles = [
        Article(
            id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"],
            published=r["published"],
        )
        for r in records
    ]
    lines = (PAIRS_DIR / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    return articles, [json.loads(line) for line in lines]
