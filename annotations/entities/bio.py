"""BIO tagging over PER/LOC/ORG/MISC, decoded as a linear-chain CRF, shared by both taggers.

`Packing` lays sentences end to end in rows so that each step works on all rows at once;
`viterbi` and `marginals` decode (tokens, tags) scores on it under BIO transition constraints;
`mix` decodes the mean of two taggers' marginals; `bio_spans` reads entity spans off tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
#: Weight of the CRF's marginals in their mean with the network's (`mix`): best on held-out
#: tenth 9 of ANERcorp train (with 0.4), +0.8 F1 over the CRF alone on tenth 4.
MIX_WEIGHT = 0.5
#: Additive score of a transition or start that BIO forbids.
FORBIDDEN = -1e4


def bio_constraints(tags: tuple[str, ...] = TAGS) -> tuple[np.ndarray, np.ndarray]:
    """Additive (from, to) transition and start scores: 0, or FORBIDDEN for an I- not continuing."""
    transitions = np.zeros((len(tags), len(tags)), dtype=np.float32)
    start = np.zeros(len(tags), dtype=np.float32)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = FORBIDDEN
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    transitions[i, j] = FORBIDDEN
    return transitions, start


@dataclass(frozen=True)
class Packing:
    """Sentences laid end to end in `rows` rows of `width` tokens (first fit, longest first).

    Grids are time-major, (width, rows, ...). `flat` holds each token's cell in the flattened
    grid, sentence by sentence; `first`, `last` and `empty` (width, rows) mark the cells that
    start and end a sentence and those holding no token.
    """

    rows: int
    width: int
    flat: np.ndarray
    first: np.ndarray
    last: np.ndarray
    empty: np.ndarray

    @classmethod
    def of(cls, lengths: list[int]) -> Packing:
        """Pack sentences of these lengths (all at least 1); the last few packings are kept, as
        both taggers and their mix pack the same sentences."""
        return _pack(tuple(lengths))

    def grid(self, values: np.ndarray) -> np.ndarray:
        """Token rows (tokens, ...) laid on the (width, rows, ...) grid, zeros elsewhere."""
        out = np.zeros((self.width * self.rows, *values.shape[1:]), dtype=values.dtype)
        out[self.flat] = values
        return out.reshape(self.width, self.rows, *values.shape[1:])

    def spread(self, values: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """`grid(values[rows])` in one gather."""
        index = np.zeros(self.width * self.rows, dtype=np.intp)
        index[self.flat] = rows
        out = values[index].reshape(self.width, self.rows, *values.shape[1:])
        out[self.empty] = 0
        return out

    def tokens(self, grid: np.ndarray) -> np.ndarray:
        """The inverse of `grid`: (tokens, ...) rows in sentence order."""
        return grid.reshape(self.width * self.rows, *grid.shape[2:])[self.flat]


@lru_cache(maxsize=4)
def _pack(lengths: tuple[int, ...]) -> Packing:
    """`Packing.of` (read-only arrays, as packings are shared)."""
    width = max(lengths)
    used: list[int] = []
    starts = [(0, 0)] * len(lengths)
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        row = next((r for r, n in enumerate(used) if n + lengths[i] <= width), len(used))
        if row == len(used):
            used.append(0)
        starts[i] = (used[row], row)
        used[row] += lengths[i]
    rows = len(used)
    cells = [
        (column + np.arange(n)) * rows + row
        for (column, row), n in zip(starts, lengths, strict=True)
    ]
    first = np.zeros(width * rows, dtype=bool)
    last = np.zeros(width * rows, dtype=bool)
    first[[c[0] for c in cells]] = True
    last[[c[-1] for c in cells]] = True
    flat = np.concatenate(cells)
    empty = np.ones(width * rows, dtype=bool)
    empty[flat] = False
    shape = (width, rows)
    arrays = (flat, first.reshape(shape), last.reshape(shape), empty.reshape(shape))
    for array in arrays:
        array.flags.writeable = False
    return Packing(rows, width, *arrays)


def viterbi(
    packing: Packing,
    scores: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray | None = None,
) -> np.ndarray:
    """Best tag ids (tokens,) of (tokens, tags) scores under additive (from, to) transitions."""
    grid = packing.grid(scores.astype(np.float32))
    width, rows, n = grid.shape
    grid[packing.first] += start
    if end is not None:
        grid[packing.last] += end
    delta = np.empty((width, rows, n), dtype=np.float32)
    delta[0] = grid[0]
    keep = ~packing.first[:, :, None]
    restarts = packing.first.any(1).tolist()
    # (from, rows, to): the best score over the leading axis, a reduction several times cheaper
    # per step than over the last one (and a max: the same float whatever the order).
    through = np.empty((n, rows, n), dtype=np.float32)
    moves = transitions[:, None, :]
    for t in range(1, width):
        np.add(delta[t - 1].T[:, :, None], moves, out=through)
        current = np.maximum.reduce(through, 0, out=delta[t])
        if restarts[t]:
            current *= keep[t]
        current += grid[t]
    # The same sums again, all steps at once, for the best predecessors: (steps, rows, to, from).
    back = np.zeros((width, rows, n), dtype=np.intp)
    back[1:] = (delta[:-1, :, None, :] + transitions.T).argmax(3)
    finals = delta.argmax(2)
    best = np.zeros((width, rows), dtype=np.int64)
    current = finals[width - 1]
    row_ids = np.arange(rows)
    ends = packing.last.any(1).tolist()
    for t in range(width - 1, -1, -1):
        if ends[t]:
            current = np.where(packing.last[t], finals[t], current)
        best[t] = current
        current = back[t, row_ids, current]
    return best.reshape(-1)[packing.flat]


#: A linear-chain CRF over packed tokens: (tokens, tags) scores, (from, to) transitions, start
#: and end scores.
Chain = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def marginals(
    packing: Packing,
    scores: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """(tokens, tags) posterior marginals of a linear-chain CRF (forward-backward, rescaled)."""
    return joint_marginals(packing, [(scores, transitions, start, end)])[0]


def joint_marginals(packing: Packing, chains: Sequence[Chain]) -> list[np.ndarray]:
    """`marginals` of several chains over the same packed tokens (both taggers), in one loop.

    The forward and backward passes of every chain (the backward on the time-reversed grid) run
    as one stack; both messages include the token's own emission, divided out once.
    """
    emits, steps = [], []
    for scores, transitions, start, end in chains:
        emit = packing.grid(scores.astype(np.float32))
        emit = np.exp(emit - emit.max(2, keepdims=True))
        emit[packing.first] *= np.exp(start)
        emit[packing.last] *= np.exp(end)
        emits.append(emit)
        steps += [transitions, transitions.T]
    step = np.exp(np.stack(steps))
    emitted = np.stack([e for emit in emits for e in (emit, emit[::-1])], 1)
    restart = np.stack([packing.first, packing.last[::-1]] * len(chains), 1)[..., None]
    restarts = restart.any((1, 2, 3)).tolist()
    messages = np.empty_like(emitted)
    np.divide(emitted[0], emitted[0].sum(2, keepdims=True), out=messages[0])
    for t in range(1, packing.width):
        current = messages[t]
        np.matmul(messages[t - 1], step, out=current)
        if restarts[t]:
            np.copyto(current, 1, where=restart[t])
        current *= emitted[t]
        current /= np.add.reduce(current, 2, keepdims=True)
    out = []
    for i, emit in enumerate(emits):
        posterior = messages[:, 2 * i] * messages[::-1, 2 * i + 1] / np.maximum(emit, 1e-30)
        out.append(packing.tokens(posterior / posterior.sum(2, keepdims=True)))
    return out


def mix(
    crf: list[np.ndarray],
    neural: list[np.ndarray],
    weight: float = MIX_WEIGHT,
    geometric: bool = False,
    tags: tuple[str, ...] = TAGS,
) -> list[list[tuple[str, float]]]:
    """Best valid BIO tags per sentence from two models' (tokens, tags) marginals, `weight` on
    the first (the CRF's): their weighted arithmetic mean, or with `geometric` the geometric.

    Each tag comes with its mixed probability (arithmetic mean of the two marginals).
    """
    lengths = [len(p) for p in crf]
    if not any(lengths):
        return [[] for _ in crf]
    a, b = np.concatenate(crf), np.concatenate(neural)
    return mix_tokens(a, b, lengths, weight, geometric, tags)


def mix_tokens(
    crf: np.ndarray,
    neural: np.ndarray,
    lengths: list[int],
    weight: float = MIX_WEIGHT,
    geometric: bool = False,
    tags: tuple[str, ...] = TAGS,
) -> list[list[tuple[str, float]]]:
    """`mix` of the (tokens, tags) marginals of sentences of `lengths` (one at least not
    empty) laid end to end."""
    mean = weight * crf + (1 - weight) * neural
    if geometric:
        scores = weight * np.log(crf + 1e-9) + (1 - weight) * np.log(neural + 1e-9)
    else:
        scores = np.log(mean + 1e-9)
    best = viterbi(Packing.of([n for n in lengths if n]), scores, *_constraints(tags))
    names = [tags[j] for j in best.tolist()]
    pairs = list(zip(names, mean[np.arange(len(best)), best].tolist(), strict=True))
    ends = np.cumsum(lengths).tolist()
    return [pairs[end - n : end] for n, end in zip(lengths, ends, strict=True)]


@lru_cache(maxsize=4)
def _constraints(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """`bio_constraints` made once (read-only)."""
    arrays = bio_constraints(tags)
    for array in arrays:
        array.flags.writeable = False
    return arrays


def repair(best: np.ndarray, starts: np.ndarray, tags: tuple[str, ...] = TAGS) -> np.ndarray:
    """Tag ids (tokens,) with each I- not continuing its type (`starts` open sentences) as B-."""
    kind = np.array([t[2:] for t in tags])[best]
    begin = np.array([tags.index(f"B-{t[2:]}") if t[:2] == "I-" else i for i, t in enumerate(tags)])
    stray = begin[best] != best
    stray[1:] &= (kind[1:] != kind[:-1]) | starts[1:]
    best = best.copy()
    best[stray] = begin[best[stray]]
    return best


def bio_spans(tags: tuple[str, ...] | list[str]) -> set[tuple[int, int, str]]:
    """(first token, end token, type) spans of a BIO sequence; a stray I- opens one.

    Only the tags other than O are visited (most are O): a gap before one closes the open span.
    """
    spans: set[tuple[int, int, str]] = set()
    start, kind, last = None, "", -1
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        tag = tags[i]
        if start is not None and (i > last + 1 or tag.startswith("B-") or tag[2:] != kind):
            spans.add((start, last + 1, kind))
            start = None
        if start is None:
            start, kind = i, tag[2:]
        last = i
    if start is not None:
        spans.add((start, last + 1, kind))
    return spans
