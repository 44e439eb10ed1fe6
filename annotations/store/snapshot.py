"""The database as it stands: the file read strictly and its journal replayed over it, in memory.

Reading changes no file (a damaged one is only copied aside); `Database` adds what opening does
on disk (creating, migrating, compacting).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.store.database_file import corrupt, read_database
from annotations.store.errors import StoreCorruptError
from annotations.store.journal import Journal, Tail
from annotations.store.schema import META, check_supported, migrate, schema_of
from annotations.store.state import TABLES, State, documents


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
    #: The sealed journal of an unfinished fold, replayed before the journal (None: none).
    sealed: Tail | None = None
    #: A sealed journal is there that a fold already put into the file (left to delete).
    sealed_folded: bool = False

    @property
    def generation(self) -> str:
        return self.meta["generation"]


def read_snapshot(path: Path, journal: Journal, *, locked: bool, live: bool = True) -> Snapshot:
    """The database at `path` with `journal` replayed (not `live`: its sealed journal only, as
    a fold writes it). `locked`: we hold the lock, so a torn last journal line is cut off (else
    it is taken for a save in progress and left out)."""
    tables = read_database(path)
    version = schema_of(tables)
    check_supported(str(path), version)
    state = State()
    try:
        tables = migrate(tables, version)
        meta = next(iter(tables[META].values()))
        for table in TABLES:
            state.load(table, tables.get(table, {}).values())
    except (KeyError, TypeError, ValueError) as error:
        raise corrupt(path, f"a record is malformed ({error!r})") from None
    extra = {name: docs for name, docs in tables.items() if name not in TABLES and name != META}
    snapshot = Snapshot(state, meta, extra, version, None)
    _replay_sealed(snapshot, path, journal.sealed, locked=locked)
    if live and journal.path.exists():
        snapshot.tail = tail = journal.read(0, None, locked=locked)
        check_supported(str(journal.path), tail.schema)
        _check_journal(snapshot, tail, path, journal.path)
        replay(state, tail, journal.path)
    return snapshot


def _replay_sealed(snapshot: Snapshot, path: Path, sealed: Journal, *, locked: bool) -> None:
    """Replay the sealed journal of a fold that did not swap the file in yet."""
    if not sealed.path.exists():
        return
    tail = sealed.read(0, None, locked=locked)
    if tail.generation == snapshot.generation:
        snapshot.sealed = tail
        replay(snapshot.state, tail, sealed.path)
    elif tail.generation == snapshot.meta.get("compacted_from"):
        snapshot.sealed_folded = True
    else:
        raise _foreign(sealed.path, path)


def _check_journal(snapshot: Snapshot, tail: Tail, path: Path, journal_path: Path) -> None:
    """The journal goes with the file (or with the sealed journal it follows)."""
    if snapshot.sealed is not None and tail.follows == snapshot.sealed.generation:
        return
    if tail.generation == snapshot.generation:
        return
    if tail.generation == snapshot.meta.get("compacted_from") and tail.follows is None:
        return  # folded into the file by a compaction cut short before the journal was renewed
    if tail.follows == snapshot.generation:
        raise corrupt(
            journal_path,
            f"it continues a sealed journal {journal_path.name}.sealed that is missing (its "
            "changes are in neither file)",
        )
    raise _foreign(journal_path, path)


def _foreign(journal_path: Path, path: Path) -> StoreCorruptError:
    return StoreCorruptError(
        f"{journal_path}: this journal belongs to another database than {path}; neither "
        "file was changed. Put back the database it belongs to, or move the journal away "
        "to open the database as it is."
    )


def database_tables(
    records: dict[str, list[Any]], meta: dict[str, Any], extra: dict[str, dict[str, Any]]
) -> dict[str, Iterable[dict[str, Any]]]:
    """Every table's documents (from `State.frozen()`), `meta` as the `_meta` document: the
    file a fold writes."""
    return {
        META: [meta],
        **{table: documents(records[table]) for table in TABLES},
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
