"""Agreement coefficients from accumulated counts, for one pair or many at once (leading axes);
NaN where a coefficient is undefined (`figure` turns it into None).

Category 0 is "nothing" (a word outside every span, a gap between spans); categories 1.. are
span labels (`CATEGORIES`).
"""

from __future__ import annotations

import math

import numpy as np

from annotations.model import LABELS

#: Category codes: 0 for nothing, then every span label.
CATEGORIES = ("", *LABELS)
CODE = {label: code for code, label in enumerate(CATEGORIES)}
K = len(CATEGORIES)


def figure(value: float | np.floating) -> float | None:
    """A coefficient for JSON: a float, None when undefined."""
    return None if math.isnan(value) else float(value)


def f1(matched: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dice / F1 of two annotators' `a` and `b` items of which `matched` pairs match (the same
    whichever of the two is taken as reference); NaN when neither has any."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(a + b > 0, 2 * matched / (a + b), np.nan)


def cohen_kappa(confusion: np.ndarray) -> np.ndarray:
    """Cohen's kappa of confusion matrices (..., K, K): rows one annotator's categories, columns
    the other's."""
    total = confusion.sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = np.trace(confusion, axis1=-2, axis2=-1) / total
        expected = (confusion.sum(axis=-1) * confusion.sum(axis=-2)).sum(axis=-1) / total**2
        kappa = (observed - expected) / (1 - expected)
    return np.where((total > 0) & ~np.isclose(expected, 1), kappa, np.nan)


def fleiss_kappa(items: int, agreeing_pairs: float, totals: np.ndarray, raters: int) -> float:
    """Fleiss' kappa from `items` rated by `raters` each: `agreeing_pairs` is the sum over items
    and categories of n(n - 1) (n: raters who chose that category for that item), `totals` the
    number of ratings per category."""
    if not items or raters < 2:
        return math.nan
    observed = agreeing_pairs / (items * raters * (raters - 1))
    shares = totals / (items * raters)
    expected = float(shares @ shares)
    return math.nan if math.isclose(expected, 1) else (observed - expected) / (1 - expected)


def unitized_alpha(coincidences: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Krippendorff's unitized alpha (nominal categories over a continuum, gaps included), as
    defined by Krippendorff, Mathet, Bouvry and Widlöcher (2016, Quality & Quantity 50).

    `coincidences[..., c, k]`: summed over continua, 1/(m - 1) times the length over which one
    coder's segment of category c meets another coder's of category k (ordered pairs of the m
    coders). `weights[..., c]`: summed over every coder's segments of category c, the length
    squared (gaps: the length, a gap being as many unit segments)."""
    lengths = coincidences.sum(axis=-1)
    total = lengths.sum(axis=-1)
    denominator = total**2 - weights.sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = total - total * (lengths**2 - weights).sum(axis=-1) / denominator
        observed = total - np.trace(coincidences, axis1=-2, axis2=-1)
        alpha = 1 - observed / expected
    return np.where((denominator > 0) & (expected > 1e-12 * total), alpha, np.nan)


def binary_confusion(confusion: np.ndarray, code: int) -> np.ndarray:
    """`confusion` (or coincidences) of category `code` against all others merged."""
    both = confusion[code, code]
    row, column = confusion[code].sum(), confusion[:, code].sum()
    rest = confusion.sum() - row - column + both
    return np.array([[both, row - both], [column - both, rest]])


def binary_weights(coincidences: np.ndarray, weights: np.ndarray, code: int) -> np.ndarray:
    """Segment weights of category `code` against all others, the others counted as gaps."""
    lengths = coincidences.sum(axis=1)
    return np.array([weights[code], lengths.sum() - lengths[code]])
