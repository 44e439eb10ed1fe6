"""Hiding suggestions below a confidence threshold keeps the nesting indices right."""

from __future__ import annotations

from dataclasses import replace

from annotations.attribution import Cue, Excerpt, Suggestion, shown


def suggestion(at: int, confidence: float, nested_in: int | None) -> Suggestion:
    return Suggestion(
        Cue(at, at + 3, "قال", "statement"), None, (Excerpt(at + 4, at + 90, "x"),),
        nested_in=nested_in, confidence=confidence,
    )


def test_hidden_outer_suggestions_hand_their_place_to_the_next_outer_one() -> None:
    found = [suggestion(0, 0.9, None), suggestion(10, 0.4, 0), suggestion(20, 0.8, 1)]
    kept = shown(found, 0.5)
    assert [s.cue.start for s in kept] == [0, 20]
    assert [s.nested_in for s in kept] == [None, 0]
    assert kept[1] == replace(found[2], nested_in=0)


def test_nothing_is_hidden_at_zero() -> None:
    found = [suggestion(0, 0.1, None), suggestion(10, 0.0, 0)]
    assert shown(found, 0.0) == found
