"""`Mark`: a stretch of the article for the display to draw, and what it is."""

from __future__ import annotations

from typing import NamedTuple


class Mark(NamedTuple):
    """A stretch to draw and what it is: an entity label, an annotation label, a suggestion
    style key (`suggested-*`) or a state (proposal, link)."""

    start: int
    end: int
    kind: str
