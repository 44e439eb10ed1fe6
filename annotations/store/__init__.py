"""The durable annotation store: a TinyDB JSON file plus a write-ahead journal beside it."""

from annotations.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreSchemaError,
)
from annotations.store.store import Action, MergeReport, ReanchorReport, Store

__all__ = [
    "Action",
    "MergeReport",
    "ReanchorReport",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreSchemaError",
]
