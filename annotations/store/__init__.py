"""The durable annotation store: a TinyDB JSON file plus a write-ahead journal beside it.

Scripts read it with TinyDB through `open_tinydb(path)` (journal included, read-only)."""

from annotations.store.cascade import Cascade
from annotations.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreSchemaError,
)
from annotations.store.store import Action, MergeReport, ReanchorReport, Store
from annotations.store.tinydb_view import open_tinydb

__all__ = [
    "Action",
    "Cascade",
    "MergeReport",
    "ReanchorReport",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "StoreSchemaError",
    "open_tinydb",
]
