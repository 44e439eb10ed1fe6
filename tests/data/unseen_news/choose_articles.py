"""How the unseen-news development set was chosen (run by hand; reads the ANT v2.1 corpus).

    python tests/data/unseen_news/choose_articles.py PATH/TO/ant-v2.1.jsonl.gz > articles.jsonl

The filter, then a fixed-seed shuffle per outlet, decided the selection before any system output
was looked at. An article qualifies when its category is news (world, Middle East, economy) or
sport, its body (the text after the title) has 120 to 450 words, and the body holds at least one
common reporting verb (a crude sign of reported speech). Each outlet's qualifying ids are sorted,
shuffled with `random.Random(SEED)`, and taken in that order: the first `NEWS_PER_OUTLET` news
articles and the first `SPORT_PER_OUTLET` sport articles, skipping an article that shares a fifth
of its five-word shingles with one already taken (the same story twice). Records are written
exactly as in the corpus, in the order they were taken.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SEED = 20
NEWS_PER_OUTLET = 7
SPORT_PER_OUTLET = 1
NEWS = {"internationalNews", "middleEast", "economy"}
SPORT = {"sport"}
MIN_WORDS, MAX_WORDS = 120, 450
SHARED_SHINGLES = 0.2
REPORTING = re.compile(
    r"(?<!\S)[وف]?(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|أضاف|أضافت|أوضح|أوضحت|صرح|صرحت|ذكر|ذكرت"
    r"|أشار|أشارت|شدد|شددت|حذر|حذرت|نفى|نفت)(?!\S)"
)


def body(text: str) -> str:
    """The article's text after its title line and the blank line."""
    return text.split("\n\n", 1)[1] if "\n\n" in text else text


def qualifies(record: dict) -> bool:
    words = len(body(record["text"]).split())
    return (
        record["category"] in NEWS | SPORT
        and MIN_WORDS <= words <= MAX_WORDS
        and REPORTING.search(body(record["text"])) is not None
    )


def shingles(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def choose(records: list[dict]) -> Iterator[dict]:
    """The selection, outlet by outlet in name order."""
    taken: list[set[tuple[str, ...]]] = []
    for outlet in sorted({r["outlet"] for r in records}):
        pool = sorted((r for r in records if r["outlet"] == outlet), key=lambda r: r["id"])
        random.Random(SEED).shuffle(pool)
        wanted = {"news": NEWS_PER_OUTLET, "sport": SPORT_PER_OUTLET}
        for record in pool:
            kind = "sport" if record["category"] in SPORT else "news"
            if not wanted[kind]:
                continue
            own = shingles(record["text"])
            if any(len(own & other) >= SHARED_SHINGLES * len(own) for other in taken):
                continue
            taken.append(own)
            wanted[kind] -= 1
            yield record


def main(path: str) -> None:
    with gzip.open(Path(path), "rt", encoding="utf-8") as lines:
        records = [r for r in map(json.loads, lines) if qualifies(r)]
    for record in choose(records):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
