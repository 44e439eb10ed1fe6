"""The database's schema version, its `_meta` document, and migrations from older versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotations.model import KeyedRecord, new_id
from annotations.store.database_file import Tables
from annotations.store.errors import StoreSchemaError
from annotations.store.state import MODEL_TABLES

SCHEMA_VERSION = 1
META = "_meta"


def meta_document(generation: str, compacted_from: str | None) -> dict[str, Any]:
    """The `_meta` document: schema version and which journal generation goes with the file."""
    return {"schema": SCHEMA_VERSION, "generation": generation, "compacted_from": compacted_from}


def schema_of(tables: Tables) -> int:
    """The schema version of a database file's tables (0: a TinyDB file rawi never wrote)."""
    meta = next(iter(tables.get(META, {}).values()), None)
    return int(meta.get("schema", 0)) if isinstance(meta, dict) else 0


def check_supported(name: str, version: int) -> None:
    """Refuse a file from a newer rawi."""
    if version > SCHEMA_VERSION:
        raise StoreSchemaError(
            f"{name}: written by a newer rawi (schema {version}; this rawi reads up to "
            f"{SCHEMA_VERSION}). Upgrade rawi to open it; the file was not changed."
        )


def _from_plain_tinydb(tables: Tables) -> Tables:
    """0 -> 1: a plain TinyDB file: give every record its id and add `_meta`."""
    upgraded: Tables = {}
    for name, documents in tables.items():
        if name in MODEL_TABLES:
            documents = {k: _with_id(name, doc) for k, doc in documents.items()}
        upgraded[name] = documents
    upgraded[META] = {"1": meta_document(new_id(), None)}
    return upgraded


def _with_id(table: str, document: dict[str, Any]) -> dict[str, Any]:
    """Status, entity decisions and rejections are identified by their key; other records keep
    the id they have or get a new one."""
    cls = MODEL_TABLES[table]
    if issubclass(cls, KeyedRecord):
        return {**document, "id": cls.id_of(**document)}
    return {"id": new_id(), **document}


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_plain_tinydb}


def migrate(tables: Tables, version: int) -> Tables:
    """`tables` brought from `version` to `SCHEMA_VERSION`."""
    for step in range(version, SCHEMA_VERSION):
        tables = MIGRATIONS[step](tables)
    return tables
