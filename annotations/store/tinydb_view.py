"""`open_tinydb`: the database as it stands, journal included, as a read-only TinyDB for scripts.

The file on disk may lag behind: saves wait in the journal until rawi folds them in. This view
replays the journal in memory (the files are left as they are) and hands TinyDB the result, so
`Query()` sees every acknowledged save. Writes go through `Store`, whose journal keeps them
durable; through this view they raise `StoreReadOnlyError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from annotations.store.database import Database
from annotations.store.database_file import Tables, tinydb_layout
from annotations.store.errors import StoreError, StoreReadOnlyError
from annotations.store.snapshot import database_tables


class ReadOnlyStorage(Storage):
    """A TinyDB storage over tables held in memory: every read gets its own copy (as TinyDB's
    JSON storage does), every write is refused before anything changes."""

    def __init__(self, tables: Tables, name: str) -> None:
        self._data = orjson.dumps(tables)
        self._name = name

    def read(self) -> dict[str, dict[str, Any]]:
        return orjson.loads(self._data)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreReadOnlyError(
            f"{self._name}: this TinyDB is a read-only view of the database; save changes "
            "through rawi's Store (annotations.store.Store), whose journal keeps them durable."
        )


def open_tinydb(path: str | Path, *, lock_timeout: float = 10) -> TinyDB:
    """The database at `path` with its journal replayed, as a read-only `TinyDB`.

    Tables as in the file (`spans`, `relations`, `attributions`, `claims`, `status`,
    `entity_decisions`, `rejections`, `history`, `_meta`). A snapshot taken under the database
    lock: later saves are not seen; open it again to see them. Nothing on disk is changed.
    """
    database = Database(Path(path), lock_timeout=lock_timeout)
    if not database.path.exists():
        raise StoreError(f"{database.path}: no database here.")
    snapshot = database.snapshot()
    tables = database_tables(snapshot.state.frozen(), snapshot.meta, snapshot.extra)
    return TinyDB(tinydb_layout(tables), str(database.path), storage=ReadOnlyStorage)
