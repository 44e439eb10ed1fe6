"""The feature CRF's inference in numpy: `CrfWeights.read(path).marginals(sentences)`.

A crfsuite first-order CRF (`FOMC`) holds only state weights (attribute, label) and transition
weights (label, label): no start or end weights. A token's score for a tag is the sum of the
state weights of its attributes (each of value 1, as pycrfsuite gives them); marginals and best
paths come from `bio`'s forward-backward and Viterbi, batched over all sentences.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat
from pathlib import Path

import numpy as np

from annotations.entities.bio import FORBIDDEN, TAGS, Chain, Packing, marginals, viterbi

#: A sentence as the tagger takes it: each token's attributes, as bytes or as their rows of
#: `CrfWeights.state` (not both in one call).
FeatureSentence = Sequence[Sequence[bytes | int]]
#: (source, target, weight) columns: attribute or label id, label id, weight.
Weights = tuple[np.ndarray, np.ndarray, np.ndarray]

#: A model file's header: magic, size, type, version, features, labels, attributes, then the
#: offsets of the feature, label, attribute, label-ref and attribute-ref chunks.
_HEADER = struct.Struct("<4sI4s9I")
#: A feature record (packed): type (0 state, 1 transition), source, target, weight.
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
#: A string table's (CQDB) header: magic, size, flag, byte-order mark, strings, offset of the
#: array of each id's record offset. A record is id, size (with the NUL), string, NUL.
_CQDB = struct.Struct("<4sIIIII")


def _strings(data: bytes, at: int) -> list[bytes]:
    """The strings of the CQDB chunk at `at`, by id."""
    magic, _, _, _, count, backward = _CQDB.unpack_from(data, at)
    if magic != b"CQDB":
        raise ValueError("not a crfsuite string table")
    starts = np.frombuffer(data, "<u4", count, at + backward).astype(np.int64) + at
    raw = np.frombuffer(data, np.uint8)
    sizes = raw[starts[:, None] + np.arange(4, 8)].view("<u4")[:, 0]
    return [
        data[a:b] for a, b in zip((starts + 8).tolist(), (starts + 7 + sizes).tolist(), strict=True)
    ]


def _records(data: bytes, at: int, kind: int) -> Weights:
    """The (source, target, weight) columns of the features of one type in the chunk at `at`."""
    (count,) = struct.unpack_from("<I", data, at + 8)
    features = np.frombuffer(data, _FEATURE, count, at + 12)
    if not np.isin(features["type"], (0, 1)).all():
        raise ValueError("not a first-order CRF: unknown feature types")
    chosen = features[features["type"] == kind]
    return chosen["src"].astype(np.int64), chosen["dst"].astype(np.int64), chosen["weight"]


def _split(values: np.ndarray | list, sentences: list[FeatureSentence]) -> list:
    """`values` cut into consecutive runs, one as long as each sentence."""
    ends = np.cumsum([len(sentence) for sentence in sentences]).tolist()
    return [values[a:b] for a, b in pairwise([0, *ends])]


@dataclass(frozen=True)
class CrfWeights:
    """A CRF's weights over `tags` (float32).

    `index` maps an attribute to its row of `state` (attributes + 1, tags); the last row, all 0,
    stands for attributes the model lacks. `transitions` is (from, to). A tag the model lacks has
    `FORBIDDEN` as its `start` score and in every transition into it: its probability is 0.
    """

    tags: tuple[str, ...]
    index: dict[bytes, int]
    state: np.ndarray
    transitions: np.ndarray
    start: np.ndarray

    @classmethod
    def build(
        cls,
        labels: list[str],
        attributes: list[bytes],
        state: Weights,
        transitions: Weights,
        tags: tuple[str, ...] = TAGS,
    ) -> CrfWeights:
        """From the model's labels and attributes (by id) and its state and transition weights."""
        if unknown := set(labels) - set(tags):
            raise ValueError(f"labels not among the tags: {sorted(unknown)}")
        column = np.array([tags.index(label) for label in labels], dtype=np.int64)
        weights = np.zeros((len(attributes) + 1, len(tags)), dtype=np.float32)
        weights[state[0], column[state[1]]] = state[2]
        moves = np.zeros((len(tags), len(tags)), dtype=np.float32)
        moves[column[transitions[0]], column[transitions[1]]] = transitions[2]
        start = np.full(len(tags), FORBIDDEN, dtype=np.float32)
        start[column] = 0
        moves += start
        return cls(tags, {a: i for i, a in enumerate(attributes)}, weights, moves, start)

    @classmethod
    def read(cls, path: Path, tags: tuple[str, ...] = TAGS) -> CrfWeights:
        """The weights in the crfsuite model file at `path` (~10 ms for the shipped model)."""
        data = path.read_bytes()
        head = _HEADER.unpack_from(data)
        if head[0] != b"lCRF" or head[2] != b"FOMC":
            raise ValueError(f"not a crfsuite first-order CRF: {path}")
        features, labels, attributes = head[7:10]
        return cls.build(
            [label.decode() for label in _strings(data, labels)],
            _strings(data, attributes),
            _records(data, features, 0),
            _records(data, features, 1),
            tags,
        )

    def scores(self, tokens: FeatureSentence) -> np.ndarray:
        """(tokens, tags) emission scores: each token's attributes' state rows, summed (a
        token's attributes are the rows, or bytes looked up in `index`)."""
        lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        unknown = len(self.state) - 1
        features = chain.from_iterable(tokens)
        if isinstance(next((token[0] for token in tokens if token), 0), bytes):
            features = map(self.index.get, features, repeat(unknown))
        # A trailing unknown row keeps every start below the end (empty tokens are zeroed).
        rows = np.fromiter(
            chain(features, (unknown,)), dtype=np.int64, count=int(lengths.sum()) + 1
        )
        out = np.add.reduceat(self.state[rows], np.cumsum(lengths) - lengths, axis=0)
        out[lengths == 0] = 0
        return out

    def _prepare(self, sentences: list[FeatureSentence]) -> tuple[Packing, np.ndarray]:
        """The packing of the non-empty sentences and their tokens' scores."""
        packing = Packing.of([len(s) for s in sentences if s] or [1])
        return packing, self.scores([token for sentence in sentences for token in sentence])

    def chain(self, sentences: list[FeatureSentence]) -> tuple[Packing, Chain]:
        """The packing of the non-empty sentences and the CRF over their tokens (for
        `bio.joint_marginals`)."""
        packing, scores = self._prepare(sentences)
        end = np.zeros(len(self.tags), dtype=np.float32)
        return packing, (scores, self.transitions, self.start, end)

    def _marginals(self, packing: Packing, scores: np.ndarray) -> np.ndarray:
        if not len(scores):
            return np.zeros((0, len(self.tags)), dtype=np.float32)
        end = np.zeros(len(self.tags), dtype=np.float32)
        return marginals(packing, scores, self.transitions, self.start, end)

    def _best(self, packing: Packing, scores: np.ndarray) -> list[str]:
        if not len(scores):
            return []
        return [self.tags[i] for i in viterbi(packing, scores, self.transitions, self.start)]

    def marginals(self, sentences: list[FeatureSentence]) -> list[np.ndarray]:
        """Per sentence its (tokens, tags) posterior marginals."""
        return _split(self._marginals(*self._prepare(sentences)), sentences)

    def tag(self, sentences: list[FeatureSentence]) -> list[tuple[np.ndarray, list[str]]]:
        """Per sentence its marginals and best tags, from one computation of the scores."""
        packing, scores = self._prepare(sentences)
        probs = _split(self._marginals(packing, scores), sentences)
        return list(zip(probs, _split(self._best(packing, scores), sentences), strict=True))
