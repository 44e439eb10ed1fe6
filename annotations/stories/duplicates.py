"""Near-duplicates: one outlet's article filed twice, or the same wire copy, by MinHash LSH.

datasketch's MinHash LSH finds the pairs above a Jaccard threshold on character shingles without
comparing every pair (tens of thousands of articles), which a hand-made version would repeat.
The shingles are hashed with numpy (a rolling hash of code points) and permuted by random odd
multipliers modulo 2**32 (each a bijection of 32-bit values): an order of magnitude faster than
datasketch's own per-shingle hashing and 61-bit permutations, for the same signatures' use.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from annotations.stories.leads import Lead

SHINGLE = 5
THRESHOLD = 0.8
PERMUTATIONS = 64
SEED = 1
_SCHEME = "affine32"
_BASE = np.uint64(1_000_003)


def near_duplicates(
    leads: Sequence[Lead], window: float, threshold: float = THRESHOLD
) -> list[tuple[int, int]]:
    """(i, j), i < j, of the leads whose wider leads are near-identical, within `window` days."""
    random = np.random.default_rng(SEED)
    multipliers = random.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint32) | np.uint32(1)
    offsets = random.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    hashes = [_minhash(lead.wide_keys, multipliers, offsets) for lead in leads]
    for n, minhash in enumerate(hashes):
        lsh.insert(n, minhash)
    found = set()
    for i, minhash in enumerate(hashes):
        for j in lsh.query(minhash):
            close = j > i and _within(leads[i], leads[j], window)
            if close and minhash.jaccard(hashes[j]) >= threshold:
                found.add((i, j))
    return sorted(found)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the `SHINGLE`-character shingles of `text` (one for a shorter text),
    repeats kept: they change no minimum."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(points) < SHINGLE:
        points = np.concatenate([points, np.zeros(SHINGLE - len(points), dtype=np.uint64)])
    count = len(points) - SHINGLE + 1
    rolled = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            rolled = rolled * _BASE + points[k : k + count]
    return rolled >> np.uint64(32)


def _minhash(text: str, multipliers: np.ndarray, offsets: np.ndarray) -> LeanMinHash:
    values = shingle_hashes(text).astype(np.uint32)
    permuted = multipliers[:, None] * values[None, :] + offsets[:, None]  # wraps modulo 2**32
    return LeanMinHash(seed=SEED, hashvalues=permuted.min(axis=1), scheme=_SCHEME)


def _within(a: Lead, b: Lead, window: float) -> bool:
    return a.day is None or b.day is None or abs(a.day - b.day) <= window
