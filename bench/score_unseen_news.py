"""Scores of the shipped recognisers on the unseen-news development set (tests/data/unseen_news).

Run by hand: `.venv/bin/python bench/score_unseen_news.py`. Entities: strict P/R/F1 per type by
`annotations.entities.training.evaluate`; attributions: precision and recall by
`annotations.attribution.evaluation` (cue, content and source overlap), without and with
entities, over all articles, per half (A: the even-numbered articles, on which rules are decided
and the confidences fitted; B: the odd ones, only scored) and per outlet.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from annotations.attribution import Score, Suggestion, score, suggest_attributions
from annotations.attribution.evaluation import from_record
from annotations.corpus import Article, load_corpus
from annotations.entities import recognise
from annotations.entities.training.evaluate import print_report, score_gold

SET_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "unseen_news"


def gold_by_article(path: Path) -> dict[str, list[Suggestion]]:
    """Gold triples grouped by article (`nested_in` counts within an article)."""
    grouped: dict[str, list[Suggestion]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        grouped[record["article"]].append(from_record(record))
    return grouped


def total(scores: list[Score]) -> Score:
    """The pooled score of several articles."""
    fields = ("matched", "suggested", "gold")
    return Score(*(sum(getattr(part, name) for part in scores) for name in fields))


def report(title: str, scores: list[Score]) -> None:
    result = total(scores)
    print(
        f"  {title:<22} P {result.precision:.3f}  R {result.recall:.3f}"
        f"  (matched {result.matched}, suggested {result.suggested}, gold {result.gold})"
    )


def main() -> None:
    articles: list[Article] = list(load_corpus([SET_DIR / "articles.jsonl"]))
    texts = {article.id: article.text for article in articles}
    print_report("entities, unseen news", score_gold([SET_DIR / "entities_gold.jsonl"], texts))

    gold = gold_by_article(SET_DIR / "attribution_gold.jsonl")
    plain: dict[str, list[Score]] = defaultdict(list)
    linked: dict[str, list[Score]] = defaultdict(list)
    halves: list[list[Score]] = [[], []]
    for index, article in enumerate(articles):
        triples = gold.get(article.id, [])
        plain[article.outlet].append(score(suggest_attributions(article.text), triples))
        halves[index % 2].append(plain[article.outlet][-1])
        found = suggest_attributions(article.text, recognise(article.text))
        linked[article.outlet].append(score(found, triples))
    print("attributions, unseen news")
    report("all, no entities", [s for scores in plain.values() for s in scores])
    report("all, with entities", [s for scores in linked.values() for s in scores])
    report("half A, no entities", halves[0])
    report("half B, no entities", halves[1])
    for outlet in sorted(plain):
        report(f"{outlet}, no entities", plain[outlet])


if __name__ == "__main__":
    main()
