"""fit_status: the status bar at 80 columns keeps what matters most."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.layout.status_fit import StatusPart, fit_status

PARTS = [
    StatusPart("ana", "", 1),
    StatusPart("NOT SAVED", "NOT SAVED", 10),
    StatusPart("SELECTING 3 words (v ends, Esc clears)", "SELECTING 3 words", 8),
    StatusPart("SOURCE 1 CUE 0 CONTENT 2 CLAIM 1", "S1 C0 M2 K1", 6),
    StatusPart("entities 19", "", 2),
]


def test_everything_when_it_fits() -> None:
    assert fit_status(PARTS, 200) == (
        "ana │ NOT SAVED │ SELECTING 3 words (v ends, Esc clears) │ "
        "SOURCE 1 CUE 0 CONTENT 2 CLAIM 1 │ entities 19"
    )


def test_least_important_shortened_then_dropped() -> None:
    assert fit_status(PARTS, 80) == (
        "NOT SAVED │ SELECTING 3 words (v ends, Esc clears) │ S1 C0 M2 K1"
    )
    assert fit_status(PARTS, 50) == "NOT SAVED │ SELECTING 3 words │ S1 C0 M2 K1"
    assert fit_status(PARTS, 30) == "NOT SAVED │ SELECTING 3 words"
    assert fit_status(PARTS, 5) == "NOT S"


@given(st.integers(min_value=0, max_value=200))
def test_never_wider_than_asked(width: int) -> None:
    assert cell_len(fit_status(PARTS, width)) <= width
