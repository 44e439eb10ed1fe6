"""Changes gathered under the lock before one durable save; reads see them at once."""

from __future__ import annotations

from typing import Any

from annotations.model import Record, to_dict
from annotations.store.state import HISTORY, Op, State

_ABSENT = object()


class Transaction:
    """Puts and deletes over `state`, not yet saved. `changes()` gives before/after documents."""

    def __init__(self, state: State, annotator: str, label: str, *, undoable: bool) -> None:
        self.state = state
        self.annotator = annotator
        self.label = label
        self.undoable = undoable
        self.article_id: str | None = None
        self._pending: dict[tuple[str, str], Any] = {}

    def get(self, table: str, record_id: str) -> Any:
        """The record as this transaction leaves it (None when absent or deleted)."""
        pending = self._pending.get((table, record_id), _ABSENT)
        return self.state.get(table, record_id) if pending is _ABSENT else pending

    def put(self, table: str, record: Record | dict[str, Any]) -> None:
        record_id = record["id"] if isinstance(record, dict) else record.id
        self._note_article(table, record)
        self._pending[(table, record_id)] = record

    def _note_article(self, table: str, record: Any) -> None:
        """The first record put or deleted names the article the change belongs to."""
        if self.article_id is None and table != HISTORY:
            self.article_id = getattr(record, "article_id", None)

    def in_article(self, table: str, article_id: str) -> list[Any]:
        """The article's records of `table` as this transaction leaves them."""
        records = {record.id: record for record in self.state.in_article(table, article_id)}
        for (pending_table, record_id), record in self._pending.items():
            if pending_table != table:
                continue
            if record is None:
                records.pop(record_id, None)
            elif record.article_id == article_id:
                records[record_id] = record
        return list(records.values())

    def delete(self, table: str, record_id: str) -> None:
        self._note_article(table, self.get(table, record_id))
        self._pending[(table, record_id)] = None

    def changes(self) -> list[tuple[str, str, dict[str, Any] | None, dict[str, Any] | None]]:
        """(table, id, before, after) for every record that really changed, in first-touch order."""
        result = []
        for (table, record_id), record in self._pending.items():
            before, after = _document(self.state.get(table, record_id)), _document(record)
            if before != after:
                result.append((table, record_id, before, after))
        return result

    def ops(self) -> list[Op]:
        return [(table, record_id, after) for table, record_id, _, after in self.changes()]


def _document(record: Any) -> dict[str, Any] | None:
    if record is None or isinstance(record, dict):
        return record
    return to_dict(record)
