"""The coefficients against published examples, another implementation and a maintained library."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from agreement_records import record
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.agreement import agreement
from annotations.agreement.coefficients import cohen_kappa, fleiss_kappa
from annotations.corpus import Article

#: Fleiss (1971) as Wikipedia's "Fleiss' kappa" article works it: 10 subjects, 14 raters, 5
#: categories; P-bar 0.378, P_e 0.213, kappa 0.210.
FLEISS_1971 = np.array([
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
])  # fmt: skip


def test_cohen_kappa_of_the_textbook_example() -> None:
    # 50 proposals: both yes 20, both no 15, 5 and 10 split: p_o 0.7, p_e 0.5.
    assert cohen_kappa(np.array([[20, 5], [10, 15]])) == pytest.approx(0.4)
    assert np.isnan(cohen_kappa(np.array([[7, 0], [0, 0]])))  # one category: undefined


def test_fleiss_kappa_of_fleiss_1971() -> None:
    pairs = float((FLEISS_1971 * (FLEISS_1971 - 1)).sum())
    kappa = fleiss_kappa(10, pairs, FLEISS_1971.sum(axis=0), 14)
    assert kappa == pytest.approx(0.20993, abs=1e-5)


def alpha_of(length: int, coders: dict[str, list[tuple[str, int, int]]]) -> float | None:
    article = Article("x", "ب" * length)
    records = [record(article, who, spans) for who, spans in coders.items()]
    return agreement(records, {"x": article}.get, layers=("entity",))["all"]["alpha"]


def test_unitized_alpha_by_hand() -> None:
    # 10 code points; a: PER [0, 4), b: PER [0, 2). Coincidences PER-PER 4, PER-gap 2 + 2,
    # gap-gap 12 (l.. = 20); weights PER 4^2 + 2^2, gaps 6 + 8 (unit segments): 20 + 14.
    # e_PER = 20 (6^2 - 20) / (400 - 34), e_gap = 20 (14^2 - 14) / 366; alpha = 1 - 4 / (20 -
    # e_PER - e_gap) = 79/140.
    assert alpha_of(10, {"a": [("PER", 0, 4)], "b": [("PER", 0, 2)]}) == pytest.approx(79 / 140)


def test_unitized_alpha_as_another_implementation_computes_it() -> None:
    # The values of krippendorff-unitized-alpha 0.1.0 (KrippendorffUnitizedAlpha, gaps given as
    # EMPTY_TAG segments) for these continua; it is not a dependency (it pins numpy < 2).
    coders = {
        "c0": [("PER", 0, 10), ("ORG", 20, 30), ("LOC", 40, 50)],
        "c1": [("PER", 0, 8), ("ORG", 22, 30), ("LOC", 40, 52)],
        "c2": [("PER", 2, 10), ("LOC", 20, 30), ("LOC", 45, 50)],
    }
    assert alpha_of(60, coders) == pytest.approx(0.6188938320426209, abs=1e-12)
    two = {name: coders[name] for name in ("c0", "c1")}
    assert alpha_of(60, two) == pytest.approx(0.8539261460101868, abs=1e-12)


LABEL = st.sampled_from(["", "PER", "ORG", "LOC"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(LABEL, LABEL, LABEL), min_size=2, max_size=40))
def test_unit_segments_give_the_nominal_alpha_of_the_krippendorff_library(rows) -> None:
    """Where every segment is one code point long, unitized alpha is nominal alpha over code
    points (each code point a unit, a gap a value), as `krippendorff.alpha` computes it."""
    coders = {
        who: [(row[c], p, p + 1) for p, row in enumerate(rows) if row[c]]
        for c, who in enumerate(("a", "b", "c"))
    }
    codes = {"": 0, "PER": 1, "ORG": 2, "LOC": 3}
    data = np.array([[codes[row[c]] for row in rows] for c in range(3)], dtype=float)
    if len(np.unique(data)) < 2:
        assert alpha_of(len(rows), coders) is None
        return
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert alpha_of(len(rows), coders) == pytest.approx(expected, abs=1e-9)
