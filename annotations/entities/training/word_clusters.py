"""Word clusters from unlabelled text: neighbour-count vectors, PPMI, SVD, spherical k-means.

Used at training time only; the result ships as `data/clusters.json` (key -> coarse and fine id).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from annotations.arabic import match_key


def learn_clusters(
    sentences: Iterable[Iterable[str]],
    min_count: int = 3,
    contexts: int = 800,
    dims: int = 100,
    sizes: tuple[int, int] = (64, 512),
    seed: int = 0,
) -> dict[str, tuple[str, str]]:
    """Cluster the words seen `min_count` times by their neighbours (two each side)."""
    keyed = [[match_key(token) for token in sentence] for sentence in sentences]
    counts = Counter(key for sentence in keyed for key in sentence)
    vocab = {key: i for i, (key, n) in enumerate(counts.most_common()) if n >= min_count}
    context_ids = {key: i for i, (key, _) in enumerate(counts.most_common(contexts))}
    rows, cols = [], []
    for sentence in keyed:
        for i, key in enumerate(sentence):
            if key not in vocab:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                j = i + offset
                if 0 <= j < len(sentence) and sentence[j] in context_ids:
                    rows.append(vocab[key])
                    cols.append(slot * contexts + context_ids[sentence[j]])
    matrix = np.zeros((len(vocab), 4 * contexts), dtype=np.float32)
    np.add.at(matrix, (np.array(rows), np.array(cols)), 1.0)
    total = matrix.sum()
    expected = np.outer(matrix.sum(1), matrix.sum(0)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.maximum(np.log(matrix / expected), 0)
    ppmi = np.nan_to_num(ppmi, nan=0.0, posinf=0.0, neginf=0.0)
    _, vectors = np.linalg.eigh(ppmi.T @ ppmi)
    embedded = ppmi @ vectors[:, -dims:]
    embedded /= np.linalg.norm(embedded, axis=1, keepdims=True) + 1e-9
    coarse, fine = (_kmeans(embedded, k, seed) for k in sizes)
    return {key: (str(coarse[i]), str(fine[i])) for key, i in vocab.items()}


def _kmeans(points: np.ndarray, k: int, seed: int, iterations: int = 15) -> np.ndarray:
    """Spherical k-means assignments."""
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(len(points), size=k, replace=False)]
    for _ in range(iterations):
        assignment = np.argmax(points @ centres.T, axis=1)
        for c in range(k):
            members = points[assignment == c]
            if len(members):
                centre = members.sum(0)
                centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
    return np.argmax(points @ centres.T, axis=1)
