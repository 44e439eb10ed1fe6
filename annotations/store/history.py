"""Undo and redo, per annotator (and per article when one is named), kept in the database's
`history` table.

Each undoable save adds one action holding the before and after documents of what it changed and
the article it was made in. Undo writes the befores back and marks the action undone; redo writes
the afters back. A new action drops the annotator's undone actions of its article; only the last
`HISTORY_LIMIT` actions are kept.

Story decisions are kept apart from the tags: their actions are made "in" `STORIES`, which no
article id can be, so only an undo naming `STORIES` reaches them (not even an undo everywhere).
"""

from __future__ import annotations

from typing import Any

from annotations.model import from_dict, new_id, now
from annotations.store.state import HISTORY, MODEL_TABLES, State
from annotations.store.transaction import Transaction

HISTORY_LIMIT = 500
#: The scope of story decisions' actions (a control character: never an article id).
STORIES = "\x1estories"


def record_action(txn: Transaction) -> None:
    """Add `txn`'s changes to its annotator's history, dropping their redo list and the oldest."""
    changes = txn.changes()
    if not changes:
        return
    actions = sorted(txn.state.history_by_annotator.get(txn.annotator, {}).values(), key=_seq)
    done = [a for a in actions if not a["undone"]]
    undone = [a for a in _actions(txn, txn.article_id) if a["undone"]]
    for action in undone + done[: max(0, len(done) + 1 - HISTORY_LIMIT)]:
        txn.delete(HISTORY, action["id"])
    txn.put(
        HISTORY,
        {
            "id": new_id(),
            "annotator": txn.annotator,
            "seq": actions[-1]["seq"] + 1 if actions else 1,
            "label": txn.label,
            "article_id": txn.article_id,
            "at": now(),
            "undone": False,
            "changes": [list(change) for change in changes],
        },
    )


def undo(txn: Transaction, article_id: str | None = None) -> dict[str, Any] | None:
    """Revert the annotator's latest action still done (made in `article_id`, when given);
    returns it (None if there is none)."""
    done = [a for a in _actions(txn, article_id) if not a["undone"]]
    return _replay(txn, done[-1], undone=True) if done else None


def redo(txn: Transaction, article_id: str | None = None) -> dict[str, Any] | None:
    """Re-apply the annotator's earliest undone action (made in `article_id`, when given);
    returns it (None if there is none)."""
    undone = [a for a in _actions(txn, article_id) if a["undone"]]
    return _replay(txn, undone[0], undone=False) if undone else None


def _replay(txn: Transaction, action: dict[str, Any], *, undone: bool) -> dict[str, Any]:
    changes = reversed(action["changes"]) if undone else action["changes"]
    for table, record_id, before, after in changes:
        document = before if undone else after
        if document is None:
            txn.delete(table, record_id)
        else:
            txn.put(table, from_dict(MODEL_TABLES[table], document))
    replayed = {**action, "undone": undone}
    txn.put(HISTORY, replayed)
    return replayed


def latest(
    state: State, annotator: str, article_id: str | None, limit: int
) -> list[dict[str, Any]]:
    """The annotator's `limit` latest actions (made in `article_id`, when given), newest first."""
    return _of(state, annotator, article_id)[::-1][:limit]


def _actions(txn: Transaction, article_id: str | None = None) -> list[dict[str, Any]]:
    return _of(txn.state, txn.annotator, article_id)


def _of(state: State, annotator: str, article_id: str | None) -> list[dict[str, Any]]:
    actions = state.history_by_annotator.get(annotator, {}).values()
    if article_id is None:
        mine = (a for a in actions if a["article_id"] != STORIES)
    else:
        mine = (a for a in actions if a["article_id"] == article_id)
    return sorted(mine, key=_seq)


def _seq(action: dict[str, Any]) -> int:
    return action["seq"]


def touched(action: dict[str, Any]) -> str | None:
    """What the action was about, in words: the text of its first span, or the name of its
    entity decision (None when it changed neither)."""
    for table, _, before, after in action["changes"]:
        document = after or before
        if table == "spans":
            return document["text"]
        if table == "entity_decisions":
            return document["key"]
    return None
