"""`Mark`: a stretch of the article for the display to draw, and what it is."""

from __future__ import annotations

from typing import NamedTuple


class Mark(NamedTuple):
    """A stretch to draw and what it is: its `label` (an entity label PER ..., an annotation
    label SOURCE ...) and its `state`: None for an entity or a saved annotation, "suggested" for
    a span of a pending suggestion, "focused" for a span of the suggestion under the cursor,
    "proposed" for a span of the proposed attribution, "linking" for the annotation a link starts
    from, "linked" for the other end of a link of the annotation under the cursor, "hit" for a
    hit of find in the article (label "FIND"). How each looks is the display's business."""

    start: int
    end: int
    label: str
    state: str | None = None
