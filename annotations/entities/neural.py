"""The neural NER tagger at inference, numpy only: `load_neural(directory).tag(sentences)`.

Each token is a word vector plus a max-pooled char CNN over its spelling (both precomputed for
the vocabulary), then two bidirectional quasi-recurrent layers (QRNN with fo-pooling: the gates
come from the token and its neighbour, only `c = f * c + (1 - f) * z` runs step by step), a
linear layer to BIO tags and a linear-chain CRF whose transitions forbid invalid BIO; `tag` gives
its marginals (forward-backward) and their best tags. Sentences are packed end to end into rows
as long as the longest one (`bio.Packing`), so each step works on all rows at once; `bio.mix`
decodes the mean of these marginals and the feature CRF's. Trained by `training.train_neural`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from annotations.arabic import word_forms
from annotations.entities.bio import Chain, Packing, marginals, repair

WEIGHTS_FILE = "neural.npz"
VOCAB_FILE = "neural.json"
#: Characters kept of a word (after its begin and end marks are added).
MAX_CHARS = 24
PAD, UNK, BOW, EOW = 0, 1, 2, 3
_DIGITS = re.compile(r"\d")


def word_key(token: str) -> str:
    """The key a token is looked up by: its match key (`word_forms`' cached one) with every
    digit as 0."""
    return _DIGITS.sub("0", word_forms(token)[1])


def _key(token: str, known: dict[str, str]) -> str:
    """`word_key`, remembered in `known`."""
    key = known[token] = word_key(token)
    return key


def char_ids(keys: list[str], index: dict[str, int]) -> np.ndarray:
    """(words, positions) character ids with begin and end marks, 0-padded."""
    width = min(max(map(len, keys), default=0), MAX_CHARS - 2) + 2
    ids = np.zeros((len(keys), width), dtype=np.int64)
    for row, key in enumerate(keys):
        chars = [BOW, *(index.get(c, UNK) for c in key[: width - 2]), EOW]
        ids[row, : len(chars)] = chars
    return ids


def _project(x: np.ndarray, parts: list[np.ndarray]) -> list[np.ndarray]:
    """(n, dims) inputs times each part of a layer's gate weights (`NeuralTagger.gates`)."""
    return [x @ part for part in parts]


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
    carried = np.empty_like(cells[0])
    for previous, current, kept in zip(cells[:-1], cells[1:], forget[1:], strict=True):
        current += np.multiply(kept, previous, out=carried)
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

    @cached_property
    def gates(self) -> list[tuple[list[np.ndarray], np.ndarray]]:
        """Per layer, its gate weights cut into the token's own columns and (with a window of
        two) its neighbours', each contiguous: BLAS multiplies a short article's words by them
        three times faster than by column slices, to the same bits. And the layer's biases."""
        layers = []
        while f"gates_w{len(layers)}" in self.weights:
            w, b = self.weights[f"gates_w{len(layers)}"], self.weights[f"gates_b{len(layers)}"]
            parts = [w[:, : b.size]] + ([w[:, b.size :]] if b.size < w.shape[1] else [])
            layers.append(([np.ascontiguousarray(part) for part in parts], b))
        return layers

    def spell(self, keys: list[str]) -> np.ndarray:
        """(words, filters) max-pooled char CNN features."""
        w = self.weights
        ids = char_ids(keys, self.chars)
        spread = np.zeros((ids.shape[0], ids.shape[1] + 2, w["char_emb"].shape[1]), np.float32)
        spread[:, 1:-1] = w["char_emb"][ids]  # zero-padded at both ends (np.pad is slow)
        windows = np.concatenate([spread[:, :-2], spread[:, 1:-1], spread[:, 2:]], axis=2)
        conv = np.tanh(windows @ w["conv_w"] + w["conv_b"])
        return np.where(ids[..., None] > 0, conv, -1).max(1)

    def inputs(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(distinct keys, dims) input vectors and each token's row among them."""
        if len(self.keys) > 100_000:
            self.keys.clear()
        known = self.keys
        keys = [known.get(token) or _key(token, known) for s in sentences for token in s]
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
        (parts, bias), *later = self.gates
        projected = [packing.spread(part, rows) for part in _project(vectors, parts)]
        states = _layer(packing, projected, bias)
        for parts, bias in later:
            flat = states.reshape(-1, states.shape[2])
            projected = [part.reshape(*states.shape[:2], -1) for part in _project(flat, parts)]
            states = _layer(packing, projected, bias)
        return packing, packing.tokens(states) @ w["out_w"] + w["out_b"]

    def chain(self, sentences: list[list[str]]) -> tuple[Packing, Chain]:
        """The packing of non-empty `sentences` and the tagger's CRF over their tokens (for
        `bio.joint_marginals`)."""
        w = self.weights
        packing, scores = self.scores(sentences)
        return packing, (scores, w["transitions"], w["start"], w["end"])

    def marginals(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence its (tokens, tags) marginals over `self.tags`."""
        keep = [s for s in sentences if s]
        if not keep:
            return [np.zeros((0, len(self.tags)), dtype=np.float32) for _ in sentences]
        packing, chain = self.chain(keep)
        probs = marginals(packing, *chain)
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
