"""The native format, both ways: one JSON object per (article, annotator), described by
`native.schema.json`. Written from the store's `ArticleRecord` and the article it points into
(read back by `native_reading`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Protocol

from annotations.exchange.tokens import TokenIndex
from annotations.model import (
    ArticleRecord,
    Attribution,
    Record,
    Span,
    TextSource,
    to_dict,
)

NATIVE_SCHEMA_ID = "rawi-native"
NATIVE_SCHEMA_VERSION = 1
OFFSET_UNIT = "codepoint"

NativeRecord = dict[str, Any]
SpanFilter = Callable[[Span], bool]


class ExportArticle(TextSource, Protocol):
    """What the export needs of an article (`annotations.corpus.Article` is one)."""

    def meta(self) -> dict[str, str | None]: ...


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of a native line (package data)."""
    return json.loads(files(__package__).joinpath("native.schema.json").read_text("utf-8"))


@lru_cache(maxsize=4)
def word_index(text: str) -> TokenIndex:
    """Word tokens of `text`, remembered for the few articles being exported right now."""
    return TokenIndex.words(text)


def select(
    record: ArticleRecord, article: ExportArticle, keep: SpanFilter | None = None
) -> tuple[ArticleRecord, tuple[Span, ...]]:
    """`record` with only the spans anchored in `article`'s current text (and passing `keep`),
    links to other spans pruned; also returns the spans left out as orphans or stale."""
    unanchored = tuple(s for s in record.spans if s.orphan or s.text_sha256 != article.sha256)
    skipped = {s.id for s in unanchored}
    spans = tuple(s for s in record.spans if s.id not in skipped and (keep is None or keep(s)))
    kept = {s.id for s in spans}
    attributions = _attributions(record.attributions, kept)
    known = {a.id for a in attributions} | {None}
    attributions = tuple(
        a if a.nested_in in known else replace(a, nested_in=None) for a in attributions
    )
    claims = tuple(
        c if c.attribution in known else replace(c, attribution=None)
        for c in record.claims
        if c.span in kept
    )
    relations = tuple(r for r in record.relations if r.head in kept and r.child in kept)
    selected = replace(
        record, spans=spans, relations=relations, attributions=attributions, claims=claims
    )
    return selected, unanchored


def native_record(record: ArticleRecord, article: ExportArticle) -> NativeRecord:
    """The native dict of `record` (already `select`ed against `article`)."""
    words = word_index(article.text)
    names = local_names(record)
    return {
        "schema": {"id": NATIVE_SCHEMA_ID, "version": NATIVE_SCHEMA_VERSION},
        "article_id": article.id,
        "text": article.text,
        "text_sha256": article.sha256,
        "offset_unit": OFFSET_UNIT,
        "meta": article.meta(),
        "annotator": record.annotator,
        "status": record.status,
        "created": record.created,
        "updated": record.updated,
        "spans": [_span(s, words, names) for s in record.spans],
        "relations": [linked_fields(r, names) for r in record.relations],
        "attributions": [linked_fields(a, names) for a in record.attributions],
        "claims": [linked_fields(c, names) for c in record.claims],
        **story_field(record),
    }


def story_field(record: ArticleRecord) -> dict[str, Any]:
    """The line's `story` (the analyst's story decision for the article), when there is one."""
    if record.story is None:
        return {}
    return {"story": {"joins": record.story.joins, "updated": record.story.updated}}


def _attributions(attributions: tuple[Attribution, ...], kept: set[str]) -> tuple[Attribution, ...]:
    pruned = []
    for a in attributions:
        source = a.source if a.source in kept else None
        cue = a.cue if a.cue in kept else None
        content = tuple(c for c in a.content if c in kept)
        if source or cue or content:
            pruned.append(replace(a, source=source, cue=cue, content=content))
    return tuple(pruned)


def _span(span: Span, words: TokenIndex, names: dict[str, str]) -> dict[str, Any]:
    token_start, token_end = words.covering(span.start, span.end)
    return {
        "id": names.get(span.id, span.id),
        "layer": span.layer,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "token_start": token_start,
        "token_end": token_end,
        "quote": {
            "prefix": span.quote.prefix,
            "exact": span.quote.exact,
            "suffix": span.quote.suffix,
        },
        "origin": span.origin,
        "attrs": span.attrs,
        "created": span.created,
        "updated": span.updated,
    }


#: Fields the enclosing line already carries (or the ids stand for), left out of its records.
LINE_FIELDS = frozenset({"article_id", "text_sha256", "annotator", "local_id", "orphan"})
#: Fields that hold the id of a record of the same line.
ID_FIELDS = frozenset({"id", "head", "child", "source", "cue", "nested_in", "span", "attribution"})


def local_names(record: ArticleRecord) -> dict[str, str]:
    """Stored id -> the id the record's file had, for the imported records of `record`."""
    return {
        r.id: r.local_id
        for group in (record.spans, record.relations, record.attributions, record.claims)
        for r in group
        if r.local_id
    }


def linked_fields(record: Record, names: dict[str, str]) -> dict[str, Any]:
    """A stored record's own fields in declaration order, ids written as the file they were
    imported from had them (`names`, from `local_names`)."""
    data = {k: v for k, v in to_dict(record).items() if k not in LINE_FIELDS}
    for name in ID_FIELDS & data.keys():
        data[name] = names.get(data[name], data[name])
    if "content" in data:
        data["content"] = [names.get(i, i) for i in data["content"]]
    return data
