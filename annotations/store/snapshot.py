"""The database as it stands: the file read strictly and its journal replayed over it, in memory.

Reading changes no file (a damaged one is only copied aside); `Database` adds what opening does
on disk (creating, migrating, compacting).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.store.database_file import corrupt, read_database
from annotations.store.errors import StoreCorruptError
from annotations.store.journal import Journal, Tail
from annotations.store.schema import META, check_supported, migrate, schema_of
from annotations.store.state import TABLES, State


@dataclass
class Snapshot:
    """What `read_snapshot` found: the state with the journal replayed, and where it came from."""

    state: State
    #: The file's `_meta` document and the tables rawi does not know (kept as they are).
    meta: dict[str, Any]
    extra: dict[str, dict[str, Any]]
    #: The file's schema version (an older file is migrated in memory only).
    version: int
    #: The journal as replayed, None when there is none.
    tail: Tail | None

    @property
    def generation(self) -> str:
        return self.meta["generation"]


def read_snapshot(path: Path, journal: Journal, *, locked: bool) -> Snapshot:
    """The database at `path` with `journal` replayed. `locked`: we hold the lock, so a torn
    last journal line is cut off (else it is taken for a save in progress and left out)."""
    tables = read_database(path)
    version = schema_of(tables)
    check_supported(str(path), version)
    state = State()
    try:
        tables = migrate(tables, version)
        meta = next(iter(tables[META].values()))
        for table in TABLES:
            for document in tables.get(table, {}).values():
                state.apply((table, document["id"], document))
    except (KeyError, TypeError, ValueError) as error:
        raise corrupt(path, f"a record is malformed ({error!r})") from None
    extra = {name: docs for name, docs in tables.items() if name not in TABLES and name != META}
    snapshot = Snapshot(state, meta, extra, version, None)
    if journal.path.exists():
        snapshot.tail = tail = journal.read(0, None, locked=locked)
        check_supported(str(journal.path), tail.schema)
        if tail.generation not in (snapshot.generation, meta.get("compacted_from")):
            raise StoreCorruptError(
                f"{journal.path}: this journal belongs to another database than {path}; neither "
                "file was changed. Put back the database it belongs to, or move the journal away "
                "to open the database as it is."
            )
        replay(state, tail, journal.path)
    return snapshot


def database_tables(
    state: State, meta: dict[str, Any], extra: dict[str, dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Every table's documents, `meta` as the `_meta` document: the file a compaction writes."""
    return {
        META: [meta],
        **{table: state.documents(table) for table in TABLES},
        **{name: list(documents.values()) for name, documents in extra.items()},
    }


def replay(state: State, tail: Tail, journal_path: Path) -> None:
    """Apply the journal entries of `tail` to `state`."""
    for number, entry in enumerate(tail.entries, 1):
        try:
            for table, record_id, document in entry["ops"]:
                state.apply((table, record_id, document))
        except (KeyError, TypeError, ValueError):
            raise corrupt(journal_path, f"journal entry {number} is not a valid change") from None
