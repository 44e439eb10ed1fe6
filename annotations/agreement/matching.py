"""Which spans and attributions of two annotators match, one to one.

A span matches exactly when label, start and end are the same, by overlap when the labels are
the same and the ranges share a code point; each span matches at most one of the other's, the
pairs sharing the most code points first. Two attributions match when their sources, their cues
and their contents overlap (or both have none of that role); each matches at most one, in order.
"""

from __future__ import annotations

import numpy as np

from annotations.agreement.coding import Attributions, Coding, Range
from annotations.agreement.coefficients import K


def exact_matches(a: Coding, b: Coding) -> np.ndarray:
    """Per category, the spans of `a` that `b` has with the same label and bounds."""
    keys, in_a, in_b = np.intersect1d(a.keys, b.keys, assume_unique=True, return_indices=True)
    both = np.minimum(a.key_counts[in_a], b.key_counts[in_b])
    return np.bincount(keys // a.key_scale, weights=both, minlength=K)


def overlap_matches(a: Coding, b: Coding) -> np.ndarray:
    """Per category, the spans of `a` matched one to one with an overlapping span of `b`."""
    if not len(a.codes) or not len(b.codes):
        return np.zeros(K)
    shared = np.minimum(a.ends[:, None], b.ends[None, :]) - np.maximum(
        a.starts[:, None], b.starts[None, :]
    )
    shared[a.codes[:, None] != b.codes[None, :]] = 0
    rows, columns = np.nonzero(shared > 0)
    if _repeats(rows) or _repeats(columns):
        rows, columns = _one_to_one(rows, columns, shared[rows, columns])
    return np.bincount(a.codes[rows], minlength=K).astype(float)


def _repeats(indices: np.ndarray) -> bool:
    return len(indices) > 1 and int(np.bincount(indices).max()) > 1


def _one_to_one(
    rows: np.ndarray, columns: np.ndarray, shared: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs kept when each row and column may be used once, largest first."""
    taken_rows: set[int] = set()
    taken_columns: set[int] = set()
    kept = []
    for k in np.argsort(-shared, kind="stable").tolist():
        i, j = int(rows[k]), int(columns[k])
        if i not in taken_rows and j not in taken_columns:
            taken_rows.add(i)
            taken_columns.add(j)
            kept.append(k)
    return rows[kept], columns[kept]


def attribution_matches(a: Attributions, b: Attributions) -> int:
    """How many attributions of `a` match one of `b`'s, one to one, in order."""
    if not len(a) or not len(b):
        return 0
    roles = _same_role(a.roles[:, None, 0:2], b.roles[None, :, 0:2]) & _same_role(
        a.roles[:, None, 2:4], b.roles[None, :, 2:4]
    )
    matched = 0
    used: set[int] = set()
    for i in range(len(a)):
        for j in np.flatnonzero(roles[i]).tolist():
            if j not in used and _same_content(a.content[i], b.content[j]):
                used.add(j)
                matched += 1
                break
    return matched


def _same_role(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether both lack the role (start -1) or both have it and the ranges overlap."""
    absent_a, absent_b = a[..., 0] < 0, b[..., 0] < 0
    overlap = (a[..., 0] < b[..., 1]) & (b[..., 0] < a[..., 1])
    return (absent_a & absent_b) | (~absent_a & ~absent_b & overlap)


def _same_content(a: tuple[Range, ...], b: tuple[Range, ...]) -> bool:
    return (not a and not b) or any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)
