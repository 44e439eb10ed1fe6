"""The numpy neural tagger: packing, CRF decoding against brute force, the mix, shipped model."""

from __future__ import annotations

from itertools import pairwise, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.entities.bio import (
    TAGS,
    Packing,
    bio_constraints,
    bio_spans,
    joint_marginals,
    marginals,
    mix,
    viterbi,
)
from annotations.entities.trained_model import load_model

lengths = st.lists(st.integers(1, 12), min_size=1, max_size=12)


@given(lengths)
def test_packing_places_every_token_once_and_reads_back(sizes: list[int]) -> None:
    packing = Packing.of(sizes)
    values = np.arange(sum(sizes), dtype=np.float32)[:, None] + 1
    grid = packing.grid(values)
    assert np.array_equal(packing.tokens(grid), values)
    assert np.count_nonzero(grid) == sum(sizes)
    assert packing.first.sum() == packing.last.sum() == len(sizes)
    assert packing.width == max(sizes)


@given(lengths, st.integers(0, 2**32 - 1))
def test_spread_equals_grid_of_gathered_rows(sizes: list[int], seed: int) -> None:
    packing = Packing.of(sizes)
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(5, 3)).astype(np.float32)
    rows = rng.integers(0, 5, sum(sizes))
    assert np.array_equal(packing.spread(values, rows), packing.grid(values[rows]))


def test_packings_are_shared_and_read_only() -> None:
    packing = Packing.of([3, 1, 2])
    assert Packing.of([3, 1, 2]) is packing
    with pytest.raises(ValueError, match="read-only"):
        packing.first[0, 0] = False


def _paths(n: int, tags: int) -> list[tuple[int, ...]]:
    return list(product(range(tags), repeat=n))


def _path_score(path, scores, transitions, start, end) -> float:
    total = start[path[0]] + end[path[-1]] + sum(scores[i, t] for i, t in enumerate(path))
    return total + sum(transitions[a, b] for a, b in pairwise(path))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
def test_marginals_and_viterbi_match_brute_force(sizes: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    tags = 3
    scores = rng.normal(size=(sum(sizes), tags)).astype(np.float32)
    transitions, start, end = (rng.normal(size=s).astype(np.float32) for s in ((3, 3), 3, 3))
    packing = Packing.of(sizes)
    got = marginals(packing, scores, transitions, start, end)
    best = viterbi(packing, scores, transitions, start, end)
    at = 0
    for n in sizes:
        mine = scores[at : at + n]
        weights = {
            path: np.exp(_path_score(path, mine, transitions, start, end))
            for path in _paths(n, tags)
        }
        total = sum(weights.values())
        expected = np.zeros((n, tags))
        for path, weight in weights.items():
            expected[np.arange(n), path] += weight / total
        assert np.allclose(got[at : at + n], expected, atol=1e-4)
        assert tuple(best[at : at + n]) == max(weights, key=weights.get)
        at += n


@settings(max_examples=20, deadline=None)
@given(lengths, st.integers(0, 2**32 - 1))
def test_joint_marginals_equal_each_chain_alone_to_the_bit(sizes: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    packing = Packing.of(sizes)
    chains = [
        tuple(rng.normal(size=s).astype(np.float32) for s in ((sum(sizes), 9), (9, 9), 9, 9))
        for _ in range(3)
    ]
    joint = joint_marginals(packing, chains)
    assert len(joint) == 3
    for together, chain in zip(joint, chains, strict=True):
        assert np.array_equal(together, marginals(packing, *chain))


def _scanned_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """`bio_spans` the plain way: every tag in turn, an O at the end."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            spans.add((start, i, kind))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, tag[2:]
    return spans


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]), max_size=12))
def test_bio_spans_equal_a_plain_scan(tags: list[str]) -> None:
    assert bio_spans(tags) == _scanned_spans(tags)


def test_mix_decodes_valid_bio_with_mixed_probabilities() -> None:
    rng = np.random.default_rng(0)
    crf = [rng.dirichlet(np.ones(len(TAGS)), size=n).astype(np.float32) for n in (5, 0, 7)]
    neural = [rng.dirichlet(np.ones(len(TAGS)), size=len(p)).astype(np.float32) for p in crf]
    mixed = mix(crf, neural, weight=0.5)
    assert [len(sentence) for sentence in mixed] == [5, 0, 7]
    transitions, start = bio_constraints()
    for sentence, a, b in zip(mixed, crf, neural, strict=True):
        ids = [TAGS.index(tag) for tag, _ in sentence]
        if ids:
            assert start[ids[0]] == 0
        assert all(transitions[x, y] == 0 for x, y in pairwise(ids))
        for i, (tag, p) in enumerate(sentence):
            j = TAGS.index(tag)
            assert p == pytest.approx(0.5 * a[i, j] + 0.5 * b[i, j], abs=1e-6)


def test_mix_with_all_weight_on_one_model_follows_it() -> None:
    confident = np.full((2, len(TAGS)), 0.01, dtype=np.float32)
    confident[0, TAGS.index("B-PER")] = confident[1, TAGS.index("I-PER")] = 0.92
    other = np.full((2, len(TAGS)), 0.01, dtype=np.float32)
    other[:, TAGS.index("O")] = 0.92
    assert [t for t, _ in mix([confident], [other], weight=1.0)[0]] == ["B-PER", "I-PER"]
    assert [t for t, _ in mix([confident], [other], weight=0.0)[0]] == ["O", "O"]


def test_shipped_tagger_finds_names_and_handles_empty_input() -> None:
    tagger = load_model().neural
    assert tagger is not None
    sentence = ["وقال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس"]
    (probs, tags), (empty_probs, empty_tags) = tagger.tag([sentence, []])
    assert probs.shape == (len(sentence), len(TAGS))
    assert np.allclose(probs.sum(1), 1, atol=1e-3)
    assert {(start, end, label) for start, end, label in bio_spans(tags)} >= {
        (3, 5, "PER"),
        (6, 7, "LOC"),
    }
    assert empty_probs.shape == (0, len(TAGS)) and empty_tags == []
    assert tagger.tag([]) == []
    alone = tagger.marginals([[], sentence, [], ["باريس"]])
    assert [len(p) for p in alone] == [0, len(sentence), 0, 1]
    np.testing.assert_allclose(alone[1], probs, atol=1e-6)


def test_model_mixes_both_taggers() -> None:
    model = load_model()
    tagged = model.tag([["زار", "بوتين", "أنقرة"], []])
    assert [tag for tag, _ in tagged[0]] == ["O", "B-PER", "B-LOC"]
    assert all(0 < p <= 1 for _, p in tagged[0]) and tagged[1] == []
