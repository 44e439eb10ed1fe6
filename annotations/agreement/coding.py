"""One annotator's work on one article as the coefficients read it: a category per code point and
per word of each layer, the segments' weights, the spans by label and the attributions' ranges.

Compared are the spans an annotator made or decided (manual, imported, accepted suggestions);
spans of origin "model" (untouched model output) and orphans are left out. Where spans of one
layer overlap, each code point takes the innermost (shortest) span's label, and a word takes the
label of a span touching it (the later label in `LABELS` when two do).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotations.agreement.coefficients import CODE, K
from annotations.arabic import tokenize
from annotations.model import ArticleRecord, Span

Range = tuple[int, int]


@dataclass(frozen=True)
class Attributions:
    """Where one annotator's attributions of an article have their source, cue and content:
    `roles` (n, 4) holds source start, end, cue start, end (-1, -1 for none)."""

    roles: np.ndarray
    content: tuple[tuple[Range, ...], ...]

    def __len__(self) -> int:
        return len(self.content)


NO_ATTRIBUTIONS = Attributions(np.zeros((0, 4), dtype=np.intp), ())


@dataclass(frozen=True)
class Coding:
    """One annotator's spans on one article, layer after layer."""

    annotator: str
    #: Category code per code point, the layers one after another.
    points: np.ndarray
    #: Per category, the segments' lengths squared (gaps: their length).
    weights: np.ndarray
    #: Category code per word, the layers one after another.
    words: np.ndarray
    #: Per category, how many spans.
    counts: np.ndarray
    #: The spans as keys ((category x n + start) x n + end, n: text length + 1), each once,
    #: and how many spans have each key.
    keys: np.ndarray
    key_counts: np.ndarray
    #: The spans as arrays (category, start, end), for overlap matching.
    codes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    #: A key divided by this is its category.
    key_scale: int
    attributions: Attributions


@dataclass(frozen=True)
class Text:
    """What the coding needs of an article's text: its length and its words' bounds."""

    length: int
    #: [start0, end0, start1, end1, ...] of the words, for `np.maximum.reduceat` (without a
    #: last end at the end of the text).
    word_bounds: np.ndarray

    @classmethod
    def of(cls, text: str) -> Text:
        bounds = [offset for token in tokenize(text) for offset in (token.start, token.end)]
        if bounds and bounds[-1] == len(text):  # reduceat's last slice runs to the end anyway
            bounds.pop()
        return cls(len(text), np.array(bounds, dtype=np.intp))


def compared_spans(record: ArticleRecord, layers: tuple[str, ...], length: int) -> list[Span]:
    """The spans of `record` that agreement compares, inside the text."""
    return [
        s
        for s in record.spans
        if s.layer in layers and s.origin != "model" and not s.orphan and s.start < length
    ]


def coding(record: ArticleRecord, text: Text, layers: tuple[str, ...]) -> Coding:
    """`record`'s coding of an article whose text is `text`, over `layers`."""
    spans = compared_spans(record, layers, text.length)
    points = np.zeros((len(layers), text.length), dtype=np.intp)
    ids = np.zeros((len(layers), text.length), dtype=np.intp)
    row_of = {layer: row for row, layer in enumerate(layers)}
    ranges = {}
    for number, span in enumerate(sorted(spans, key=lambda s: s.start - s.end), 1):
        end = min(span.end, text.length)
        points[row_of[span.layer], span.start : end] = CODE[span.label]
        ids[row_of[span.layer], span.start : end] = number
        ranges[span.id] = (span.start, end)
    codes = np.array([CODE[s.label] for s in spans], dtype=np.intp)
    starts = np.array([s.start for s in spans], dtype=np.intp)
    ends = np.array([ranges[s.id][1] for s in spans], dtype=np.intp)
    keys, key_counts = np.unique((codes * (text.length + 1) + starts) * (text.length + 1) + ends,
                                 return_counts=True)  # fmt: skip
    flat = points.ravel()
    return Coding(
        annotator=record.annotator,
        points=flat,
        weights=_weights(flat, ids.ravel()),
        words=_words(points, text.word_bounds),
        counts=np.bincount(codes, minlength=K),
        keys=keys,
        key_counts=key_counts,
        codes=codes,
        starts=starts,
        ends=ends,
        key_scale=(text.length + 1) ** 2,
        attributions=_attributions(record, ranges) if "attribution" in layers else NO_ATTRIBUTIONS,
    )


def _attributions(record: ArticleRecord, ranges: dict[str, Range]) -> Attributions:
    none = (-1, -1)
    return Attributions(
        np.array(
            [(*ranges.get(a.source or "", none), *ranges.get(a.cue or "", none))
             for a in record.attributions],
            dtype=np.intp,
        ).reshape(-1, 4),
        tuple(tuple(ranges[c] for c in a.content if c in ranges) for a in record.attributions),
    )  # fmt: skip


def _weights(points: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Per category: each run of one span's code points counts its length squared, a gap its
    length (a gap is as many unit segments)."""
    if not len(ids):
        return np.zeros(K)
    starts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts = np.concatenate(([0], starts))
    lengths = np.diff(starts, append=len(ids))
    weight = np.where(ids[starts] > 0, lengths**2, lengths).astype(float)
    return np.bincount(points[starts], weights=weight, minlength=K)


def _words(points: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """The category of every word, layer after layer."""
    if not len(bounds):
        return np.zeros(0, dtype=np.intp)
    return np.maximum.reduceat(points, bounds, axis=1)[:, ::2].ravel()
