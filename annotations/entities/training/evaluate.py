"""Strict entity scores (P/R/F1 per type and overall, PER/LOC/ORG) on CoNLL files and hand gold.

`python -m annotations.entities.training.evaluate` scores the shipped recogniser on the ANERcorp
official and bug-fixed test splits and on the seed gold in tests/data/. CoNLL sentences are joined
in blocks of `chunk` (ANERcorp has no article boundaries) so that in-text propagation can act.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotations.entities.bio import bio_spans
from annotations.entities.recogniser import DEFAULT_MIN_CONFIDENCE, find_entities
from annotations.entities.trained_model import DATA_DIR, load_model
from annotations.entities.training import conll
from annotations.entities.training.conll import TYPES

GOLD_DIR = Path(__file__).parents[3] / "tests" / "data"


@dataclass
class Scores:
    """True positive, false positive and false negative counts per type."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[tuple], predicted: set[tuple]) -> None:
        """Count one document; tuples end with their type, other types ignored."""
        gold = {g for g in gold if g[-1] in TYPES}
        predicted = {p for p in predicted if p[-1] in TYPES}
        for kind, counter in (
            (gold & predicted, self.tp),
            (predicted - gold, self.fp),
            (gold - predicted, self.fn),
        ):
            counter.update(span[-1] for span in kind)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or micro-averaged over all."""
        tp, fp, fn = (
            sum(c[k] for k in TYPES) if kind is None else c[kind]
            for c in (self.tp, self.fp, self.fn)
        )
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score_sentences(
    sentences: list[conll.Sentence],
    model_dir: Path = DATA_DIR,
    chunk: int = 10,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> Scores:
    """Run the recogniser over blocks of `chunk` sentences and compare token spans strictly."""
    model = load_model(model_dir)
    scores = Scores()
    for block_start in range(0, len(sentences), chunk):
        block = sentences[block_start : block_start + chunk]
        starts, ends, tags, lines = [], [], [], []
        offset = 0
        for sentence in block:
            for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
                starts.append(offset)
                ends.append(offset + len(token))
                tags.append(tag)
                offset += len(token) + 1
            lines.append(" ".join(sentence.tokens))
        text = "\n".join(lines)
        predicted = set()
        for entity in find_entities(text, model, min_confidence=min_confidence):
            covered = [
                i
                for i, (s, e) in enumerate(zip(starts, ends, strict=True))
                if s < entity.end and e > entity.start
            ]
            predicted.add((covered[0], covered[-1] + 1, entity.label))
        gold = {span for span in bio_spans(tags)}
        scores.add(gold, predicted)
    return scores


def read_gold(path: Path) -> dict[str, set[tuple[int, int, str]]]:
    """Hand gold JSONL (`article`, `start`, `end`, `label`) as spans per article."""
    gold: dict[str, set[tuple[int, int, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold.setdefault(item["article"], set()).add((item["start"], item["end"], item["label"]))
    return gold


def score_gold(
    paths: Iterable[Path], texts: dict[str, str], min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Scores:
    """Score the recogniser on hand gold; `texts` maps article ids to their canonical text."""
    model = load_model()
    scores = Scores()
    for path in paths:
        for article, spans in read_gold(path).items():
            found = find_entities(texts[article], model, min_confidence=min_confidence)
            scores.add(spans, {(e.start, e.end, e.label) for e in found})
    return scores


def print_report(title: str, scores: Scores) -> None:
    """One line per type and an overall line."""
    print(title)
    for kind in (*TYPES, None):
        p, r, f = scores.prf(kind)
        n = (
            scores.tp[kind] + scores.fn[kind]
            if kind
            else sum(scores.tp.values()) + sum(scores.fn.values())
        )
        print(f"  {kind or 'all':4} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {n})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE)
    parser.add_argument("--chunk", type=int, default=10)
    args = parser.parse_args()
    for split in ("test", "test.bugfixed"):
        scores = score_sentences(
            conll.anercorp(split), chunk=args.chunk, min_confidence=args.min_confidence
        )
        print_report(f"ANERcorp {split} (blocks of {args.chunk} sentences)", scores)
    from annotations.corpus import load_corpus

    texts = {article.id: article.text for article in load_corpus()}
    print_report(
        "seed hand gold",
        score_gold(sorted(GOLD_DIR.glob("entities_gold_*.jsonl")), texts, args.min_confidence),
    )


if __name__ == "__main__":
    main()
