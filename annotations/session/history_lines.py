"""The undo history in words: what an action did and where, for undo messages and the history
view."""

from __future__ import annotations

from typing import NamedTuple

from annotations.store import Action, Store

#: How many actions the history view lists.
HISTORY_SHOWN = 50


class HistoryLine(NamedTuple):
    """One action of the history view: what was done (its label, what it was about), where,
    when, and whether it is undone."""

    label: str
    about: str | None
    where: str
    at: str
    undone: bool


def where(action: Action, here: str | None) -> str:
    """`this article` when the action was made in article `here` (or in none), else
    `article ID`."""
    if action.article_id in (None, here):
        return "this article"
    return f"article {action.article_id}"


def history_lines(
    store: Store, annotator: str, here: str | None = None, limit: int = HISTORY_SHOWN
) -> list[HistoryLine]:
    """The annotator's latest actions in every article, newest first; `here` is the article
    on screen, if any."""
    return [
        HistoryLine(a.label, a.about, where(a, here), a.at, a.undone)
        for a in store.history(annotator, limit=limit)
    ]
