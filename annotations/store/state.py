"""The database in memory: records by table and id, indexed by article (history by annotator).

A record read from the file or a journal is kept as the document parsed there and built into
its dataclass on first read (`Records`): opening costs little more than parsing the JSON, and a
fold writes back the documents of records nobody read. Indexes and counts are taken from the
documents, so they never build a record either.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from annotations.model import (
    ArticleStatus,
    Attribution,
    Claim,
    EntityDecision,
    Rejection,
    Relation,
    Span,
    StoryDecision,
    check_loadable,
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
    "story_decisions": StoryDecision,
}
HISTORY = "history"
TABLES = (*MODEL_TABLES, HISTORY)
ARTICLE_TABLES = (
    "spans", "relations", "attributions", "claims", "status", "rejections", "story_decisions",
)  # fmt: skip

Op = tuple[str, str, dict[str, Any] | None]


class Records(Mapping[str, Any]):
    """One table's records by id, each held as its stored document until first read (history
    actions stay dicts). Records and documents are never changed in place."""

    def __init__(self, cls: type | None) -> None:
        self._cls = cls
        self._held: dict[str, Any] = {}

    def __getitem__(self, record_id: str) -> Any:
        held = self._held[record_id]
        if self._cls is not None and type(held) is dict:
            held = self._held[record_id] = from_dict(self._cls, held)
        return held

    def get(self, record_id: str, default: Any = None) -> Any:
        """The record, or `default` (without the KeyError `Mapping.get` raises on a miss)."""
        return self[record_id] if record_id in self._held else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._held)

    def __len__(self) -> int:
        return len(self._held)

    def put(self, record_id: str, held: Any) -> None:
        self._held[record_id] = held

    def pop(self, record_id: str) -> Any:
        """Remove a record; returns what was held (document or record), None if absent."""
        return self._held.pop(record_id, None)

    def held(self) -> list[Any]:
        """What is held, documents and records, as it stands (for a fold)."""
        return list(self._held.values())


def field_of(held: Any, name: str) -> Any:
    """A field of a held record, document or built."""
    return held[name] if type(held) is dict else getattr(held, name)


class State:
    """Every record, plus the indexes reads need; updated one op at a time."""

    def __init__(self) -> None:
        self.records: dict[str, Records] = {
            table: Records(MODEL_TABLES.get(table)) for table in TABLES
        }
        #: Per table, article id -> the ids of its records (in the order they were put).
        self.by_article: dict[str, defaultdict[str, dict[str, None]]] = {
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

    def in_article(self, table: str, article_id: str) -> list[Any]:
        """The article's records of `table`."""
        records = self.records[table]
        return [records[record_id] for record_id in self.by_article[table].get(article_id, ())]

    def apply(self, op: Op) -> None:
        """Put (a document, checked as loadable, or a record) or delete (None) one record."""
        table, record_id, held = op
        if type(held) is dict and table in MODEL_TABLES:
            check_loadable(MODEL_TABLES[table], held)
        self.applied += 1
        self._unindex(table, record_id, self.records[table].pop(record_id))
        if held is None:
            return
        self.records[table].put(record_id, held)
        self._index(table, record_id, held)

    def load(self, table: str, documents: Iterable[dict[str, Any]]) -> None:
        """Put the documents of a table read from the database file (each checked as loadable):
        `apply`, unrolled for the hundred thousand records of an open."""
        cls, held = MODEL_TABLES.get(table), self.records[table]._held
        index = self.by_article.get(table)
        if index is None:
            for document in documents:
                self.apply((table, document["id"], document))
            return
        for document in documents:
            record_id = document["id"]
            if record_id in held:  # twice in the file: the later one stands
                self.apply((table, record_id, document))
                continue
            check_loadable(cls, document)  # type: ignore[arg-type]
            self.applied += 1
            held[record_id] = document
            article_id, annotator = document["article_id"], document["annotator"]
            index[article_id][record_id] = None
            counts = self.counts[article_id, annotator]
            counts[table] += 1
            if table == "spans":
                counts[document["label"]] += 1
                counts["orphans"] += document.get("orphan") is True

    def _index(self, table: str, record_id: str, held: Any) -> None:
        if table in self.by_article:
            self.by_article[table][field_of(held, "article_id")][record_id] = None
            self._count(table, held, 1)
        elif table == HISTORY:
            self.history_by_annotator[held["annotator"]][record_id] = held

    def _unindex(self, table: str, record_id: str, held: Any) -> None:
        if held is None:
            return
        if table in self.by_article:
            article_id = field_of(held, "article_id")
            group = self.by_article[table][article_id]
            group.pop(record_id, None)
            if not group:
                del self.by_article[table][article_id]
            self._count(table, held, -1)
        elif table == HISTORY:
            self.history_by_annotator[held["annotator"]].pop(record_id, None)

    def _count(self, table: str, held: Any, step: int) -> None:
        key = (field_of(held, "article_id"), field_of(held, "annotator"))
        counts = self.counts[key]
        counts[table] += step
        if table == "spans":
            counts[field_of(held, "label")] += step
            orphan = held.get("orphan") if type(held) is dict else held.orphan
            counts["orphans"] += step * (orphan is True)
        if step < 0 and not any(counts.values()):
            del self.counts[key]

    def frozen(self) -> dict[str, list[Any]]:
        """Every table's records as they stand, documents or built (see `documents`)."""
        return {table: records.held() for table, records in self.records.items()}


def documents(held: list[Any]) -> Iterator[dict[str, Any]]:
    """Held records as JSON-ready dicts, one at a time: a document as it was read, a built
    record through `to_dict` (a fold of 100,000 records never holds them all as new dicts at
    once, nor gives the collector that many to walk)."""
    return (item if type(item) is dict else to_dict(item) for item in held)
