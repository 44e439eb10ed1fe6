"""Counts that add up over articles, and the figures they give. One article's counts are taken
for all its pairs of annotators at once (arrays with a leading pair axis)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import combinations
from typing import Any

import numpy as np

from annotations.agreement.coding import Coding
from annotations.agreement.coefficients import (
    CATEGORIES,
    K,
    binary_confusion,
    binary_weights,
    cohen_kappa,
    f1,
    figure,
    fleiss_kappa,
    unitized_alpha,
)
from annotations.agreement.matching import (
    attribution_matches,
    exact_matches,
    overlap_matches,
)


@dataclass
class PairTally:
    """Two annotators' counts (or, with a leading axis, several pairs' counts)."""

    articles: np.ndarray
    spans_a: np.ndarray
    spans_b: np.ndarray
    exact: np.ndarray
    overlap: np.ndarray
    #: Words: rows a's category, columns b's.
    words: np.ndarray
    coincidences: np.ndarray
    weights: np.ndarray
    #: Attributions: a's, b's, matched.
    attributions: np.ndarray

    @classmethod
    def zero(cls) -> PairTally:
        shapes = {"articles": (), "attributions": (3,), "words": (K, K), "coincidences": (K, K)}
        return cls(**{f.name: np.zeros(shapes.get(f.name, (K,))) for f in fields(cls)})

    @classmethod
    def of_article(cls, codings: list[Coding]) -> PairTally:
        """The counts of every pair of `codings` (of one article), in `combinations` order."""
        pairs = list(combinations(range(len(codings)), 2))
        first, second = np.array([i for i, _ in pairs]), np.array([j for _, j in pairs])
        points = _confusions(Stacked.of([c.points for c in codings]), first, second)
        counts = np.stack([c.counts for c in codings]).astype(float)
        weights = np.stack([c.weights for c in codings])
        matches = [
            (exact_matches(codings[i], codings[j]), overlap_matches(codings[i], codings[j]))
            for i, j in zip(first.tolist(), second.tolist(), strict=True)
        ]
        attributions = [
            (
                len(codings[i].attributions),
                len(codings[j].attributions),
                attribution_matches(codings[i].attributions, codings[j].attributions),
            )
            for i, j in zip(first.tolist(), second.tolist(), strict=True)
        ]
        return cls(
            articles=np.ones(len(first)),
            spans_a=counts[first],
            spans_b=counts[second],
            exact=np.stack([m[0] for m in matches]),
            overlap=np.stack([m[1] for m in matches]),
            words=_confusions(Stacked.of([c.words for c in codings]), first, second),
            coincidences=points + points.transpose(0, 2, 1),
            weights=weights[first] + weights[second],
            attributions=np.array(attributions, dtype=float),
        )

    def add(self, other: PairTally, row: int) -> None:
        """Add row `row` of `other` (a tally with a pair axis)."""
        for f in fields(self):
            getattr(self, f.name).__iadd__(getattr(other, f.name)[row])

    def overall(self) -> list[dict[str, Any]] | dict[str, Any]:
        """Micro over every label: span F1 exact and by overlap, word kappa, unitized alpha
        (a list over the pair axis, when there is one)."""
        a, b = self.spans_a.sum(axis=-1), self.spans_b.sum(axis=-1)
        columns = {
            "f1_exact": f1(self.exact.sum(axis=-1), a, b),
            "f1_overlap": f1(self.overlap.sum(axis=-1), a, b),
            "kappa": cohen_kappa(self.words),
            "alpha": unitized_alpha(self.coincidences, self.weights),
        }
        rows = [
            {**{name: figure(values[p]) for name, values in columns.items()},
             "spans": [int(a[p]), int(b[p])]}
            for p in np.ndindex(a.shape)
        ]  # fmt: skip
        return rows if a.ndim else rows[0]

    def labels(self) -> dict[str, dict[str, Any]]:
        """The same per label that either annotator used (kappa and alpha: that label against
        everything else)."""
        used = np.flatnonzero(self.spans_a + self.spans_b)
        return {CATEGORIES[code]: self._label(code) for code in used if code}

    def attribution_figures(self) -> dict[str, Any]:
        a, b, matched = self.attributions
        return {
            "f1": figure(f1(matched, a, b)),
            "matched": int(matched),
            "counts": [int(a), int(b)],
        }

    def _label(self, code: int) -> dict[str, Any]:
        a, b = self.spans_a[code], self.spans_b[code]
        coincidences = binary_confusion(self.coincidences, code)
        weights = binary_weights(self.coincidences, self.weights, code)
        return {
            "f1_exact": figure(f1(self.exact[code], a, b)),
            "f1_overlap": figure(f1(self.overlap[code], a, b)),
            "kappa": figure(cohen_kappa(binary_confusion(self.words, code))),
            "alpha": figure(unitized_alpha(coincidences, weights)),
            "spans": [int(a), int(b)],
        }


@dataclass(frozen=True)
class Stacked:
    """Every coder's codes of one article's items (code points or words), kept only where one
    of them coded something: `blank` items were left blank (category 0) by all."""

    codes: np.ndarray
    blank: int

    @classmethod
    def of(cls, rows: list[np.ndarray]) -> Stacked:
        codes = np.stack(rows)
        kept = codes.any(axis=0)
        return cls(codes[:, kept], len(kept) - int(kept.sum()))

    def ratings(self) -> np.ndarray:
        """(kept items, K): how many coders chose each category for each kept item."""
        items = self.codes.shape[1]
        cells = (np.arange(items) * K)[None, :] + self.codes
        return np.bincount(cells.ravel(), minlength=items * K).reshape(items, K).astype(float)


def _confusions(stacked: Stacked, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """(pairs, K, K): for each pair, how many items the first coded c and the second k."""
    codes = stacked.codes
    offsets = (np.arange(len(first)) * K * K)[:, None]
    cells = codes[first] * K + codes[second] + offsets
    counts = np.bincount(cells.ravel(), minlength=len(first) * K * K)
    confusions = counts.reshape(len(first), K, K).astype(float)
    confusions[:, 0, 0] += stacked.blank
    return confusions


@dataclass
class GroupTally:
    """Every chosen annotator's counts over the articles all of them annotated."""

    raters: int
    articles: int = 0
    words: int = 0
    agreeing_pairs: float = 0.0
    totals: np.ndarray | None = None
    coincidences: np.ndarray | None = None
    weights: np.ndarray | None = None

    def __post_init__(self) -> None:
        self.totals, self.coincidences, self.weights = np.zeros(K), np.zeros((K, K)), np.zeros(K)

    def add(self, codings: list[Coding]) -> None:
        """Add one article that every rater coded."""
        m = self.raters
        self.articles += 1
        words = Stacked.of([c.words for c in codings])
        ratings = words.ratings()
        self.words += len(ratings) + words.blank
        self.agreeing_pairs += float((ratings * (ratings - 1)).sum()) + words.blank * m * (m - 1)
        self.totals += ratings.sum(axis=0)
        self.totals[0] += words.blank * m
        points = Stacked.of([c.points for c in codings])
        ratings = points.ratings()
        pairs = ratings.T @ ratings - np.diag(ratings.sum(axis=0))
        self.coincidences += pairs / (m - 1)
        self.coincidences[0, 0] += points.blank * m  # m (m - 1) ordered pairs, over m - 1
        self.weights += np.stack([c.weights for c in codings]).sum(axis=0)

    def figures(self) -> dict[str, Any]:
        kappa = fleiss_kappa(self.words, self.agreeing_pairs, self.totals, self.raters)
        return {
            "articles": self.articles,
            "fleiss_kappa": figure(kappa),
            "alpha": figure(unitized_alpha(self.coincidences, self.weights)),
        }
