"""The numpy CRF against pycrfsuite on the shipped model: marginals and best paths."""

from __future__ import annotations

import dataclasses
from functools import cache

import numpy as np
import pycrfsuite
import pytest

from annotations.entities.bio import TAGS
from annotations.entities.crf import CrfWeights
from annotations.entities.features import Resources, tagger_features
from annotations.entities.gazetteer import Gazetteer
from annotations.entities.trained_model import DATA_DIR, MODEL_FILE, load_model
from annotations.entities.training import conll

TEXT = [
    "قال الرئيس المصري عبد الفتاح السيسي لماكرون إن ليبيا وفرنسا تتفقان .",
    "التقى وزير الخارجية الروسي سيرغي لافروف في موسكو بنظيره التركي .",
    "أعلنت شركة أرامكو السعودية عن أرباحها في الرياض يوم الأحد .",
    "بوتين",
    "، ، ، 2024",
]


@pytest.fixture(scope="module")
def weights() -> CrfWeights:
    return CrfWeights.read(DATA_DIR / MODEL_FILE)


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DATA_DIR / MODEL_FILE))
    return tagger


@cache
def _encoded() -> Resources:
    """The shipped model's resources with features as bytes (pycrfsuite's), not row ids."""
    resources = load_model().resources
    known = frozenset(resources.known or ())
    return dataclasses.replace(resources, known=known, cache={})


def _weights_from_info(tagger: pycrfsuite.Tagger) -> CrfWeights:
    """The weights `tagger.info()` lists (slow, rounded to 6 decimals): a check of the reader."""
    info = tagger.info()
    labels = tagger.labels()
    label_id = {label: i for i, label in enumerate(labels)}
    attribute_id: dict[str, int] = {}
    for attribute, _ in info.state_features:
        attribute_id.setdefault(attribute, len(attribute_id))
    state = [
        (attribute_id[attribute], label_id[label], weight)
        for (attribute, label), weight in info.state_features.items()
    ]
    moves = [(label_id[a], label_id[b], w) for (a, b), w in info.transitions.items()]
    columns = [np.array(rows, dtype=np.float64).reshape(-1, 3) for rows in (state, moves)]
    state_cols, move_cols = (
        (c[:, 0].astype(np.int64), c[:, 1].astype(np.int64), c[:, 2]) for c in columns
    )
    attributes = [attribute.encode() for attribute in attribute_id]
    return CrfWeights.build(labels, attributes, state_cols, move_cols)


def _best(weights: CrfWeights, sentences: list[list[list[bytes]]]) -> list[list[str]]:
    return [tags for _, tags in weights.tag(sentences)]


def _features(sentences: list[list[str]]) -> list[list[list[bytes]]]:
    return [tagger_features(sentence, _encoded()) for sentence in sentences]  # type: ignore[misc]


def _check(weights: CrfWeights, sentences: list[list[list[bytes]]]) -> None:
    tagger = _tagger()
    labels = set(tagger.labels())
    for features, (probs, best) in zip(sentences, weights.tag(sentences), strict=True):
        tagger.set(features)
        assert best == tagger.tag()
        expected = [
            [tagger.marginal(tag, i) if tag in labels else 0.0 for tag in TAGS]
            for i in range(len(features))
        ]
        assert probs.shape == (len(features), len(TAGS))
        np.testing.assert_allclose(probs, expected, atol=1e-4)


def test_matches_pycrfsuite(weights: CrfWeights) -> None:
    _check(weights, _features([line.split() for line in TEXT]))


@pytest.mark.skipif(conll.missing_eval_dir() is not None, reason=str(conll.missing_eval_dir()))
def test_matches_pycrfsuite_on_anercorp(weights: CrfWeights) -> None:
    _check(weights, _features([list(s.tokens) for s in conll.anercorp("train")[:40]]))


def test_empty_and_short_sentences(weights: CrfWeights) -> None:
    sentences = _features([[], ["مصر"], [], ["في", "القاهرة"]])
    out = weights.marginals(sentences)
    assert [p.shape for p in out] == [(0, 9), (1, 9), (0, 9), (2, 9)]
    np.testing.assert_allclose([p.sum() for p in out], [0, 1, 0, 2], atol=1e-5)
    assert _best(weights, sentences)[::2] == [[], []]
    _check(weights, [s for s in sentences if s])
    assert weights.marginals([]) == [] and _best(weights, [[]]) == [[]]
    assert weights.scores([[], [b"no such attribute"]]).tolist() == [[0] * 9, [0] * 9]


def test_tag_order_and_missing_tags(weights: CrfWeights) -> None:
    tags = ("B-X", *reversed(TAGS))
    other = CrfWeights.read(DATA_DIR / MODEL_FILE, tags)
    sentences = _features([TEXT[0].split()])
    np.testing.assert_allclose(
        other.marginals(sentences)[0][:, 1:], weights.marginals(sentences)[0][:, ::-1], atol=1e-6
    )
    assert not other.marginals(sentences)[0][:, 0].any()
    assert _best(other, sentences) == _best(weights, sentences)
    with pytest.raises(ValueError, match="labels not among"):
        CrfWeights.read(DATA_DIR / MODEL_FILE, TAGS[:-1])


def test_read_equals_info(weights: CrfWeights) -> None:
    """The file reader gives the weights `tagger.info()` lists (rounded there to 6 decimals)."""
    slow = _weights_from_info(_tagger())
    assert slow.index.keys() == weights.index.keys()
    rows = [weights.index[attribute] for attribute in slow.index]
    np.testing.assert_allclose(weights.state[rows], slow.state[:-1], atol=1e-6)
    np.testing.assert_allclose(weights.transitions, slow.transitions, atol=1e-6)


def test_row_ids_equal_bytes(weights: CrfWeights) -> None:
    """The shipped model's features are row ids; as bytes they score the same."""
    sentences = [line.split() for line in TEXT] + [[]]
    rows = [tagger_features(sentence, load_model().resources) for sentence in sentences]
    assert all(isinstance(f, int) for sentence in rows for token in sentence for f in token)
    flat = [token for sentence in rows for token in sentence]
    encoded = [token for sentence in _features(sentences) for token in sentence]
    assert [len(token) for token in flat] == [len(token) for token in encoded]
    np.testing.assert_array_equal(weights.scores(flat), weights.scores(encoded))


def test_row_id_zero_is_kept() -> None:
    known = {"bias": 0, "k=مصر": 1, "w=مصر": 2, "-1:k=مصر": 3, "-1:edge": 4, "b-=مصر|مصر": 5}
    resources = Resources(Gazetteer({}, {}), known=known)
    assert tagger_features(["مصر", "مصر"], resources) == [[2, 1, 0, 4], [2, 1, 0, 5, 3]]


def test_crf_alone_matches_pycrfsuite() -> None:
    """Without a neural tagger, `Model.tag` gives pycrfsuite's tags, marginals and 1 for O."""
    model = dataclasses.replace(load_model(), neural=None)
    sentences = [line.split() for line in TEXT] + [[]]
    tagger = _tagger()
    for features, tagged in zip(_features(sentences), model.tag(sentences), strict=True):
        tagger.set(features)
        assert [tag for tag, _ in tagged] == (tagger.tag() if features else [])
        expected = [
            1.0 if tag == "O" else tagger.marginal(tag, i) for i, (tag, _) in enumerate(tagged)
        ]
        np.testing.assert_allclose([p for _, p in tagged], expected, atol=1e-4)
