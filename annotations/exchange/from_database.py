"""Another rawi database as native lines, so that `rawi import` merges an analyst's database like
their export: one line per (article, annotator), ids as that database's files had them.

The database is opened read-only (file and journal read, nothing written there). Its articles'
text is not in it: lines carry `text_sha256` and every span its quote, so the importer anchors
them in the corpus (re-anchoring by quote when the corpus text differs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotations.exchange.native import linked_fields, local_names, story_field
from annotations.model import ArticleRecord, EntityDecision, Rejection, now
from annotations.store import Store

#: How a rawi database file begins (TinyDB's layout, rawi's `_meta` table first).
DATABASE_START = b'{"_meta":'


def is_database(path: Path) -> bool:
    """Whether `path` is a rawi database file rather than JSONL."""
    try:
        with open(path, "rb") as file:
            return file.read(len(DATABASE_START) + 16).lstrip().startswith(DATABASE_START)
    except OSError:
        return False


def database_lines(store: Store) -> Iterator[bytes]:
    """A native line per (article, annotator) record of `store` (opened read-only)."""
    for record in store.records():
        yield orjson.dumps(_native(record))


def decisions(store: Store) -> list[EntityDecision | Rejection]:
    """The entity decisions and rejected suggestions saved in `store`, to merge as they are."""
    rejections = [
        Rejection(record.article_id, key, record.annotator, now())
        for record in store.records()
        for key in sorted(store.rejected_suggestions(record.article_id, record.annotator))
    ]
    return [*store.entity_decisions(), *rejections]


def _native(record: ArticleRecord) -> dict[str, Any]:
    names = local_names(record)
    line: dict[str, Any] = {
        "article_id": record.article_id,
        "annotator": record.annotator,
        "status": record.status,
        "spans": [linked_fields(s, names) for s in record.spans if not s.orphan],
        "relations": [linked_fields(r, names) for r in record.relations],
        "attributions": [linked_fields(a, names) for a in record.attributions],
        "claims": [linked_fields(c, names) for c in record.claims],
        **story_field(record),
    }
    stamps = (
        ("text_sha256", record.text_sha256),
        ("created", record.created),
        ("updated", record.updated),
    )
    line.update((name, value) for name, value in stamps if value)
    return line
