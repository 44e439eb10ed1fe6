"""Undo and redo, per annotator, kept in the database's `history` table.

Each undoable save adds one action holding the before and after documents of what it changed.
Undo writes the befores back and marks the action undone; redo writes the afters back. A new action
drops the annotator's undone actions; only the last `HISTORY_LIMIT` actions are kept.
"""

from __future__ import annotations

from typing import Any

from annotations.model import from_dict, new_id, now
from annotations.store.state import HISTORY, MODEL_TABLES
from annotations.store.transaction import Transaction

HISTORY_LIMIT = 500


def record_action(txn: Transaction) -> None:
    """Add `txn`'s changes to its annotator's history, dropping their redo list and the oldest."""
    changes = txn.changes()
    if not changes:
        return
    actions = _actions(txn)
    done = [a for a in actions if not a["undone"]]
    for action in [a for a in actions if a["undone"]] + done[
        : max(0, len(done) + 1 - HISTORY_LIMIT)
    ]:
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


def undo(txn: Transaction) -> dict[str, Any] | None:
    """Revert the annotator's latest action still done; returns it (None if there is none)."""
    done = [a for a in _actions(txn) if not a["undone"]]
    return _replay(txn, done[-1], undone=True) if done else None


def redo(txn: Transaction) -> dict[str, Any] | None:
    """Re-apply the annotator's earliest undone action; returns it (None if there is none)."""
    undone = [a for a in _actions(txn) if a["undone"]]
    return _replay(txn, undone[0], undone=False) if undone else None


def _replay(txn: Transaction, action: dict[str, Any], *, undone: bool) -> dict[str, Any]:
    changes = reversed(action["changes"]) if undone else action["changes"]
    for table, record_id, before, after in changes:
        document = before if undone else after
        if document is None:
            txn.delete(table, record_id)
        else:
            txn.put(table, from_dict(MODEL_TABLES[table], document))
    txn.put(HISTORY, {**action, "undone": undone})
    return action


def _actions(txn: Transaction) -> list[dict[str, Any]]:
    actions = txn.state.history_by_annotator.get(txn.annotator, {}).values()
    return sorted(actions, key=lambda a: a["seq"])
