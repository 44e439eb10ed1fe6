"""`rawi import`: native JSONL records merged into the store, idempotently, line by line.

A line is one (article, annotator) record: `article_id`, `annotator`, `spans` (`id`, `layer`,
`label`, `start`, `end`), and optionally `relations`, `attributions`, `claims`, `status`, `text`.
Fields left out are derived from the article. A bad line is reported by number; the others are kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from annotations.model import (
    ATTRIBUTION_TYPES,
    STATUSES,
    ArticleStatus,
    Attribution,
    Claim,
    Record,
    Relation,
    Span,
    TextSource,
    key_id,
    new_span,
    now,
)
from annotations.store.integrity import CLAIM_FIELDS
from annotations.store.store import Store

ArticleLookup = Callable[[str], TextSource | None]
BATCH_LINES = 200
FLAGS = ("verifiable", "check_worthy", "harmful")


@dataclass
class ImportReport:
    """Counts over the whole input, conflicts, and bad lines as (line number, message)."""

    added: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _GivenText:
    """An article known only from the `text` of an imported line."""

    id: str
    text: str

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def import_native(store: Store, lines: Iterable[str], articles: ArticleLookup) -> ImportReport:
    """Merge every good line of `lines` into `store`; saves in batches of `BATCH_LINES` lines."""
    report = ImportReport()
    pending: list[tuple[str, list[Record]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            pending.append(parse_line(line, articles))
        except (ValueError, KeyError, TypeError) as error:
            report.errors.append((number, _message(error)))
        if len(pending) >= BATCH_LINES:
            _merge(store, pending, report)
    _merge(store, pending, report)
    return report


def parse_line(line: str, articles: ArticleLookup) -> tuple[str, list[Record]]:
    """(annotator, records) of one JSONL line; raises ValueError/KeyError/TypeError if invalid."""
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    article_id, annotator = _text(data, "article_id"), _text(data, "annotator")
    article = _article(data, article_id, articles)
    common: dict[str, Any] = {
        "article_id": article_id,
        "text_sha256": article.sha256,
        "annotator": annotator,
    }
    records: list[Record] = [_span(item, article, annotator) for item in data["spans"]]
    spans = {record.id for record in records}
    for item in data.get("relations", ()):
        _known(spans, item["head"], item["child"])
        fields = {"head": item["head"], "child": item["child"], "label": _text(item, "label")}
        records.append(Relation(_text(item, "id"), **fields, **common, **_stamps(item)))
    for item in data.get("attributions", ()):
        records.append(_attribution(item, spans, common))
    for item in data.get("claims", ()):
        _known(spans, item["span"])
        attributes = {k: v for k, v in item.items() if k in CLAIM_FIELDS}
        if any(not isinstance(attributes.get(k), bool | None) for k in FLAGS):
            raise ValueError(f"claim {item['id']}: {', '.join(FLAGS)} must be true, false or null")
        records.append(
            Claim(_text(item, "id"), span=item["span"], **common, **attributes, **_stamps(item))
        )
    if status := data.get("status"):
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        status_id = key_id("status", article_id, annotator)
        records.append(ArticleStatus(status_id, article_id, annotator, status, now()))
    return annotator, records


def _span(item: dict[str, Any], article: TextSource, annotator: str) -> Span:
    span = new_span(
        article,
        item["layer"],
        item["label"],
        _int(item, "start"),
        _int(item, "end"),
        annotator=annotator,
        origin=item.get("origin", "import"),
        attrs=item.get("attrs"),
        id=_text(item, "id"),
        created=item.get("created"),
        updated=item.get("updated"),
    )
    if "text" in item and item["text"] != span.text:
        raise ValueError(f"span {span.id}: its text differs from the article at its offsets")
    return span


def _attribution(item: dict[str, Any], spans: set[str], common: dict[str, Any]) -> Attribution:
    content = tuple(item.get("content", ()))
    _known(spans, *(s for s in (item.get("source"), item.get("cue"), *content) if s))
    kind = item.get("type", "assertion")
    if kind not in ATTRIBUTION_TYPES:
        raise ValueError(f"attribution {item['id']}: type must be one of {ATTRIBUTION_TYPES}")
    return Attribution(
        _text(item, "id"),
        source=item.get("source"),
        cue=item.get("cue"),
        content=content,
        type=kind,
        nested_in=item.get("nested_in"),
        **common,
        **_stamps(item),
    )


def _stamps(item: dict[str, Any]) -> dict[str, Any]:
    created = item.get("created") or now()
    return {"created": created, "updated": item.get("updated") or created}


def _merge(store: Store, pending: list[tuple[str, list[Record]]], report: ImportReport) -> None:
    if not pending:
        return
    with store.batch(pending[0][0], "import", undoable=False):
        for annotator, records in pending:
            merged = store.merge(records, annotator=annotator)
            report.added += merged.added
            report.unchanged += merged.unchanged
            report.conflicts.extend(merged.conflicts)
    pending.clear()


def _article(data: dict[str, Any], article_id: str, articles: ArticleLookup) -> TextSource:
    article = articles(article_id)
    if article is None:
        if not isinstance(data.get("text"), str):
            raise ValueError(
                f"article {article_id!r} is not in the corpus and the line has no text"
            )
        article = _GivenText(article_id, data["text"])
    if data.get("text_sha256") not in (None, article.sha256):
        raise ValueError(f"article {article_id!r}: text_sha256 differs from the article's text")
    return article


def _text(item: dict[str, Any], name: str) -> str:
    value = item[name]
    if not isinstance(value, str) or not value:
        raise ValueError(f"`{name}` must be a non-empty string")
    return value


def _int(item: dict[str, Any], name: str) -> int:
    value = item[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"`{name}` must be an integer")
    return value


def _known(spans: set[str], *ids: str) -> None:
    if missing := [i for i in ids if i not in spans]:
        raise ValueError(f"unknown span ids {missing}")


def _message(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error}"
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON ({error})"
    return str(error)
