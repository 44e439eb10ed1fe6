"""The native format, both ways: one JSON object per (article, annotator), described by
`native.schema.json`. Written from the store's `ArticleRecord` and the article it points into;
read back into model records, fields left out derived from the article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import Any, Protocol

from annotations.exchange.tokens import TokenIndex
from annotations.model import (
    ATTRIBUTION_TYPES,
    CLAIM_FLAGS,
    STATUSES,
    ArticleLookup,
    ArticleRecord,
    ArticleStatus,
    Attribution,
    Claim,
    Record,
    Relation,
    Span,
    TextSource,
    new_span,
    now,
    to_dict,
)
from annotations.store.integrity import CLAIM_FIELDS

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
        "spans": [_span(s, words) for s in record.spans],
        "relations": [_linked(r) for r in record.relations],
        "attributions": [_linked(a) for a in record.attributions],
        "claims": [_linked(c) for c in record.claims],
    }


def _attributions(attributions: tuple[Attribution, ...], kept: set[str]) -> tuple[Attribution, ...]:
    pruned = []
    for a in attributions:
        source = a.source if a.source in kept else None
        cue = a.cue if a.cue in kept else None
        content = tuple(c for c in a.content if c in kept)
        if source or cue or content:
            pruned.append(replace(a, source=source, cue=cue, content=content))
    return tuple(pruned)


def _span(span: Span, words: TokenIndex) -> dict[str, Any]:
    token_start, token_end = words.covering(span.start, span.end)
    return {
        "id": span.id,
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


#: Fields the enclosing line already carries, left out of its relations, attributions, claims.
LINE_FIELDS = frozenset({"article_id", "text_sha256", "annotator"})


def _linked(record: Relation | Attribution | Claim) -> dict[str, Any]:
    """A relation, attribution or claim as exported: its own fields, in declaration order."""
    return {k: v for k, v in to_dict(record).items() if k not in LINE_FIELDS}


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _GivenText:
    """An article known only from the `text` of an imported line."""

    id: str
    text: str

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def from_native(line: str, articles: ArticleLookup) -> tuple[str, list[Record]]:
    """(annotator, records) of one native line; raises ValueError/KeyError/TypeError if invalid.

    Only `article_id`, `annotator` and the spans' `id`, `layer`, `label`, `start`, `end` are
    required; text, quotes and the text hash come from the article (`articles`, else the line's
    `text`).
    """
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
    records: list[Record] = [_read_span(item, article, annotator) for item in data["spans"]]
    spans = {record.id for record in records}
    for item in data.get("relations", ()):
        _known(spans, item["head"], item["child"])
        fields = {"head": item["head"], "child": item["child"], "label": _text(item, "label")}
        records.append(Relation(_text(item, "id"), **fields, **common, **_stamps(item)))
    for item in data.get("attributions", ()):
        records.append(_read_attribution(item, spans, common))
    for item in data.get("claims", ()):
        _known(spans, item["span"])
        attributes = {k: v for k, v in item.items() if k in CLAIM_FIELDS}
        if any(not isinstance(attributes.get(k), bool | None) for k in CLAIM_FLAGS):
            raise ValueError(
                f"claim {item['id']}: {', '.join(CLAIM_FLAGS)} must be true, false or null"
            )
        records.append(
            Claim(_text(item, "id"), span=item["span"], **common, **attributes, **_stamps(item))
        )
    if status := data.get("status"):
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        records.append(ArticleStatus(article_id, annotator, status, now()))
    return annotator, records


def _read_span(item: dict[str, Any], article: TextSource, annotator: str) -> Span:
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


def _read_attribution(item: dict[str, Any], spans: set[str], common: dict[str, Any]) -> Attribution:
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
