"""The neural NER tagger at inference, numpy only: `load_neural(directory).tag(sentences)`.

Each token is a word vector plus a max-pooled char CNN over its spelling (both precomputed for
the vocabulary), then two bidirectional quasi-recurrent layers (QRNN with fo-pooling: the gates
come from the token and its neighbour, only `c = f * c + (1 - f) * z` runs step by step), a
linear layer to BIO tags and a linear-chain CRF whose transitions forbid invalid BIO; `tag` gives
its marginals (forward-backward) and their best tags. Sentences are packed end to end into rows
as long as the longest one, so each step works on all rows at once. `mix` decodes the mean of
these marginals and the feature CRF's. Trained by `train_neural`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from annotations.arabic import match_key

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
WEIGHTS_FILE = "neural.npz"
VOCAB_FILE = "neural.json"
#: Characters kept of a word (after its begin and end marks are added).
MAX_CHARS = 24
PAD, UNK, BOW, EOW = 0, 1, 2, 3
#: Weight of the CRF's marginals in their mean with the network's (`mix`): best on held-out
#: tenth 9 of ANERcorp train (with 0.4), +0.8 F1 over the CRF alone on tenth 4.
MIX_WEIGHT = 0.5
#: Additive score of a transition or start that BIO forbids.
FORBIDDEN = -1e4
_DIGITS = re.compile(r"\d")


def word_key(token: str) -> str:
    """The key a token is looked up by: its match key with every digit as 0."""
    return _DIGITS.sub("0", match_key(token))


def char_ids(keys: list[str], index: dict[str, int]) -> np.ndarray:
    """(words, positions) character ids with begin and end marks, 0-padded."""
    width = min(max(map(len, keys), default=0), MAX_CHARS - 2) + 2
    ids = np.zeros((len(keys), width), dtype=np.int64)
    for row, key in enumerate(keys):
        chars = [BOW, *(index.get(c, UNK) for c in key[: width - 2]), EOW]
        ids[row, : len(chars)] = chars
    return ids


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
    back = np.zeros((width, rows, n), dtype=np.intp)
    delta = np.empty((width, rows, n), dtype=np.float32)
    delta[0] = grid[0]
    keep = ~packing.first[:, :, None]
    restarts = packing.first.any(1).tolist()
    # (rows, to, from): the best predecessor is an argmax over the contiguous last axis.
    through = np.empty((rows, n, n), dtype=np.float32)
    flat = through.reshape(-1)
    cells = np.arange(rows * n) * n
    moves = np.ascontiguousarray(transitions.T)
    for t in range(1, width):
        np.add(delta[t - 1][:, None, :], moves, out=through)
        back[t] = came = through.argmax(2)
        kept = flat[cells + came.reshape(-1)].reshape(rows, n)
        if restarts[t]:
            kept *= keep[t]
        np.add(kept, grid[t], out=delta[t])
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


def marginals(
    packing: Packing,
    scores: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """(tokens, tags) posterior marginals of a linear-chain CRF (forward-backward, rescaled).

    The forward pass and the backward pass (on the time-reversed grid) run as one stack; both
    messages include the token's own emission, divided out once.
    """
    emit = packing.grid(scores.astype(np.float32))
    emit = np.exp(emit - emit.max(2, keepdims=True))
    emit[packing.first] *= np.exp(start)
    emit[packing.last] *= np.exp(end)
    step = np.exp(np.stack([transitions, transitions.T]))
    emitted = np.stack([emit, emit[::-1]], 1)
    restart = np.stack([packing.first, packing.last[::-1]], 1)[..., None]
    restarts = restart.any((1, 2, 3)).tolist()
    messages = np.empty_like(emitted)
    np.divide(emitted[0], emitted[0].sum(2, keepdims=True), out=messages[0])
    for t in range(1, packing.width):
        current = messages[t]
        np.matmul(messages[t - 1], step, out=current)
        if restarts[t]:
            np.copyto(current, 1, where=restart[t])
        current *= emitted[t]
        current /= current.sum(2, keepdims=True)
    posterior = messages[:, 0] * messages[::-1, 1] / np.maximum(emit, 1e-30)
    return packing.tokens(posterior / posterior.sum(2, keepdims=True))


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
    kept = [i for i, p in enumerate(crf) if len(p)]
    out: list[list[tuple[str, float]]] = [[] for _ in crf]
    if not kept:
        return out
    a = np.concatenate([crf[i] for i in kept])
    b = np.concatenate([neural[i] for i in kept])
    mean = weight * a + (1 - weight) * b
    if geometric:
        scores = weight * np.log(a + 1e-9) + (1 - weight) * np.log(b + 1e-9)
    else:
        scores = np.log(mean + 1e-9)
    lengths = [len(crf[i]) for i in kept]
    best = viterbi(Packing.of(lengths), scores, *bio_constraints(tags))
    chosen = mean[np.arange(len(best)), best].tolist()
    names = [tags[j] for j in best.tolist()]
    at = 0
    for i, n in zip(kept, lengths, strict=True):
        out[i] = list(zip(names[at : at + n], chosen[at : at + n], strict=True))
        at += n
    return out


def repair(best: np.ndarray, starts: np.ndarray, tags: tuple[str, ...] = TAGS) -> np.ndarray:
    """Tag ids (tokens,) with each I- not continuing its type (`starts` open sentences) as B-."""
    kind = np.array([t[2:] for t in tags])[best]
    begin = np.array([tags.index(f"B-{t[2:]}") if t[:2] == "I-" else i for i, t in enumerate(tags)])
    stray = begin[best] != best
    stray[1:] &= (kind[1:] != kind[:-1]) | starts[1:]
    best = best.copy()
    best[stray] = begin[best[stray]]
    return best


def _project(x: np.ndarray, w: np.ndarray, own: int) -> list[np.ndarray]:
    """(n, dims) inputs times a layer's gate weights: [own gates], or [own, neighbours'] when
    `w` has more than `own` columns (a window of two)."""
    return [x @ w[:, :own]] + ([x @ w[:, own:]] if own < w.shape[1] else [])


def _layer(packing: Packing, projected: list[np.ndarray], b: np.ndarray) -> np.ndarray:
    """One bidirectional QRNN layer over the (width, rows) grid, from each token's own z, f, o
    gate inputs (forward then backward) and, with a window of two, its neighbours'.

    The f and o weights come halved, so one tanh gives every gate: sigmoid(x) = (1 + tanh(x/2))/2.
    """
    h = b.size // 6
    gates = projected[0]
    if len(projected) > 1:
        near = projected[1]
        near[:, :, : 3 * h][packing.last | packing.empty] = 0
        near[:, :, 3 * h :][packing.first | packing.empty] = 0
        gates[1:, :, : 3 * h] += near[:-1, :, : 3 * h]
        gates[:-1, :, 3 * h :] += near[1:, :, 3 * h :]
    gates += b
    np.tanh(gates, out=gates)
    forget = np.concatenate([gates[..., h : 2 * h], gates[::-1, :, 4 * h : 5 * h]], 2)
    forget *= 0.5
    forget += 0.5
    cells = np.concatenate([gates[..., :h], gates[::-1, :, 3 * h : 4 * h]], 2)
    cells *= 1 - forget
    forget[..., :h][packing.first] = 0
    forget[..., h:][packing.last[::-1]] = 0
    for t in range(1, packing.width):
        cells[t] += forget[t] * cells[t - 1]
    output = np.concatenate([gates[..., 2 * h : 3 * h], gates[..., 5 * h :]], 2)
    output *= 0.5
    output += 0.5
    output[..., :h] *= cells[..., :h]
    output[..., h:] *= cells[::-1, :, h:]
    return output


@dataclass
class NeuralTagger:
    """Weights (float32) and vocabularies of a trained tagger; see the module docstring.

    `table` rows are the vocabulary's input vectors (word embedding, then char CNN); words out
    of the vocabulary get the UNK embedding and their char CNN computed here.
    """

    weights: dict[str, np.ndarray]
    words: dict[str, int]
    chars: dict[str, int]
    tags: tuple[str, ...]
    keys: dict[str, str] = field(default_factory=dict)

    def spell(self, keys: list[str]) -> np.ndarray:
        """(words, filters) max-pooled char CNN features."""
        w = self.weights
        ids = char_ids(keys, self.chars)
        spread = np.pad(w["char_emb"][ids], ((0, 0), (1, 1), (0, 0)))
        windows = np.concatenate([spread[:, :-2], spread[:, 1:-1], spread[:, 2:]], axis=2)
        conv = np.tanh(windows @ w["conv_w"] + w["conv_b"])
        return np.where(ids[..., None] > 0, conv, -1).max(1)

    def inputs(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(distinct keys, dims) input vectors and each token's row among them."""
        if len(self.keys) > 100_000:
            self.keys.clear()
        keys = []
        for sentence in sentences:
            for token in sentence:
                key = self.keys.get(token)
                if key is None:
                    key = self.keys[token] = word_key(token)
                keys.append(key)
        position: dict[str, int] = {}
        rows = np.array([position.setdefault(key, len(position)) for key in keys])
        distinct = list(position)
        ids = np.array([self.words.get(key, UNK) for key in distinct])
        vectors = self.weights["table"][ids]
        unknown = np.flatnonzero(ids == UNK)
        if len(unknown):
            features = self.spell([distinct[i] for i in unknown])
            vectors[unknown, -features.shape[1] :] = features
        return vectors, rows

    def scores(self, sentences: list[list[str]]) -> tuple[Packing, np.ndarray]:
        """The packing of non-empty `sentences` and each token's (tags,) emission scores.

        The first layer's gate inputs are computed once per distinct word, then spread.
        """
        w = self.weights
        packing = Packing.of([len(sentence) for sentence in sentences])
        vectors, rows = self.inputs(sentences)
        projected = [
            packing.spread(part, rows)
            for part in _project(vectors, w["gates_w0"], w["gates_b0"].size)
        ]
        states = _layer(packing, projected, w["gates_b0"])
        layer = 1
        while f"gates_w{layer}" in w:
            flat = states.reshape(-1, states.shape[2])
            projected = [
                part.reshape(*states.shape[:2], -1)
                for part in _project(flat, w[f"gates_w{layer}"], w[f"gates_b{layer}"].size)
            ]
            states = _layer(packing, projected, w[f"gates_b{layer}"])
            layer += 1
        return packing, packing.tokens(states) @ w["out_w"] + w["out_b"]

    def marginals(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence its (tokens, tags) marginals over `self.tags`."""
        keep = [s for s in sentences if s]
        if not keep:
            return [np.zeros((0, len(self.tags)), dtype=np.float32) for _ in sentences]
        w = self.weights
        packing, scores = self.scores(keep)
        probs = marginals(packing, scores, w["transitions"], w["start"], w["end"])
        ends = np.cumsum([len(sentence) for sentence in sentences]).tolist()
        return [probs[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]

    def tag(self, sentences: list[list[str]]) -> list[tuple[np.ndarray, list[str]]]:
        """Per sentence: (tokens, tags) marginals over `self.tags` and the tags of the highest ones
        (an I- not continuing its type read as B-)."""
        out = self.marginals(sentences)
        if not any(len(probs) for probs in out):
            return [(probs, []) for probs in out]
        probs = np.concatenate(out)
        starts = np.zeros(len(probs), dtype=bool)
        starts[np.cumsum([0, *[len(p) for p in out if len(p)][:-1]])] = True
        best = [self.tags[i] for i in repair(probs.argmax(1), starts, self.tags).tolist()]
        tagged, at = [], 0
        for sentence in out:
            tagged.append((sentence, best[at : at + len(sentence)]))
            at += len(sentence)
        return tagged


def load_neural(directory: Path) -> NeuralTagger:
    """The tagger saved in `directory` (`neural.npz` weights, `neural.json` vocabularies)."""
    with np.load(directory / WEIGHTS_FILE) as saved:
        weights = {name: saved[name].astype(np.float32) for name in saved.files}
    vocab = json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8"))
    return NeuralTagger(
        weights,
        {word: i for i, word in enumerate(vocab["words"])},
        {char: i for i, char in enumerate(vocab["chars"])},
        tuple(vocab["tags"]),
    )
