"""The database in memory: records by table and id, indexed by article (history by annotator)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from annotations.model import (
    ArticleStatus,
    Attribution,
    Claim,
    EntityDecision,
    Rejection,
    Relation,
    Span,
    from_dict,
    to_dict,
)

#: Model tables and their record class; `history` (undo actions) holds plain dicts.
MODEL_TABLES: dict[str, type] = {
    "spans": Span,
    "relations": Relation,
    "attributions": Attribution,
    "claims": Claim,
    "status": ArticleStatus,
    "entity_decisions": EntityDecision,
    "rejections": Rejection,
}
HISTORY = "history"
TABLES = (*MODEL_TABLES, HISTORY)
ARTICLE_TABLES = ("spans", "relations", "attributions", "claims", "status", "rejections")

Op = tuple[str, str, dict[str, Any] | None]


class State:
    """Every record, plus the indexes reads need; updated one op at a time."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {table: {} for table in TABLES}
        self.by_article: dict[str, defaultdict[str, dict[str, Any]]] = {
            table: defaultdict(dict) for table in ARTICLE_TABLES
        }
        self.history_by_annotator: defaultdict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        #: Per (article, annotator): records per table, spans per label, orphans; kept up to
        #: date op by op, so the article list never walks every record.
        self.counts: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        #: How many ops were applied: readers compare it to know whether anything changed.
        self.applied = 0

    def get(self, table: str, record_id: str) -> Any:
        return self.records[table].get(record_id)

    def apply(self, op: Op) -> None:
        """Put (document) or delete (None) one record."""
        table, record_id, document = op
        self.applied += 1
        self._unindex(table, self.records[table].pop(record_id, None))
        if document is None:
            return
        record: Any = (
            from_dict(MODEL_TABLES[table], document) if table in MODEL_TABLES else document
        )
        self.records[table][record_id] = record
        if table in self.by_article:
            self.by_article[table][record.article_id][record_id] = record
            self._count(table, record, 1)
        elif table == HISTORY:
            self.history_by_annotator[record["annotator"]][record_id] = record

    def _unindex(self, table: str, record: Any) -> None:
        if record is None:
            return
        if table in self.by_article:
            group = self.by_article[table][record.article_id]
            group.pop(record.id, None)
            if not group:
                del self.by_article[table][record.article_id]
            self._count(table, record, -1)
        elif table == HISTORY:
            self.history_by_annotator[record["annotator"]].pop(record["id"], None)

    def _count(self, table: str, record: Any, step: int) -> None:
        key = (record.article_id, record.annotator)
        counts = self.counts[key]
        counts[table] += step
        if table == "spans":
            counts[record.label] += step
            counts["orphans"] += step * (record.orphan is True)
        if step < 0 and not any(counts.values()):
            del self.counts[key]

    def frozen(self) -> dict[str, list[Any]]:
        """Every table's records as they stand (records are never changed in place)."""
        return {table: list(records.values()) for table, records in self.records.items()}


def documents(table: str, records: list[Any]) -> Iterator[dict[str, Any]]:
    """Records of `table` as JSON-ready dicts, one at a time (a fold of 100,000 records never
    holds them all as dicts at once, nor gives the collector that many to walk)."""
    return iter(records) if table == HISTORY else map(to_dict, records)
