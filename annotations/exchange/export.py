"""The export pipeline: store records -> native records -> a format, written as they come."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from annotations.durable import atomic_write
from annotations.exchange.brat import annotation_conf, to_brat
from annotations.exchange.doccano import to_doccano
from annotations.exchange.labelstudio import to_labelstudio
from annotations.exchange.native import (
    ExportArticle,
    NativeRecord,
    SpanFilter,
    native_record,
    select,
)
from annotations.exchange.prodigy import to_prodigy
from annotations.exchange.reviewed_entities import (
    ReviewedLookup,
    decisions_field,
    with_reviewed_entities,
)
from annotations.exchange.w3c import to_w3c
from annotations.exchange.writing import write_array, write_lines
from annotations.model import ArticleRecord

ExportLookup = Callable[[str], ExportArticle | None]

#: Bytes of a file name made from an id (file systems allow 255; room left for `.ann`).
MAX_NAME_BYTES = 200
_PLAIN_NAME = re.compile(r"(?!\.)[\w.-]+")
_UNSAFE_IN_NAME = re.compile(r"[^\w.-]|^\.")

#: Formats written as JSON lines, and how each native record becomes its lines.
LINE_FORMATS: dict[str, Callable[[NativeRecord], Iterable[Any]]] = {
    "native": lambda record: (record,),
    "prodigy": lambda record: (to_prodigy(record),),
    "doccano": lambda record: (to_doccano(record),),
    "w3c": to_w3c,
}
FORMATS = (*LINE_FORMATS, "labelstudio", "brat", "conll")


@dataclass
class ExportReport:
    """What was exported and what had to be left out (and why)."""

    records: int = 0
    items: int = 0
    missing_articles: Counter[str] = field(default_factory=Counter)
    unanchored_spans: list[str] = field(default_factory=list)
    #: Stored records left out because a field has the wrong type (see `rawi doctor`).
    malformed: list[str] = field(default_factory=list)
    #: Spans CoNLL could not tag: they share a token with a span kept (one tag per token).
    overlapping_spans: list[str] = field(default_factory=list)


def native_records(
    records: Iterable[ArticleRecord],
    articles: ExportLookup,
    report: ExportReport,
    *,
    since: str | None = None,
    no_entities: bool = False,
    keep: SpanFilter | None = None,
    reviewed: ReviewedLookup | None = None,
) -> Iterator[NativeRecord]:
    """Native records of the store's records, lazily.

    `since` keeps whole records changed at or after that UTC ISO time; `no_entities` leaves the
    entity layer out, `keep` keeps only the spans it accepts (a record left with none is left
    out); `reviewed` adds the entities the analyst sees (`reviewed_entities`) and the decisions
    behind them. Records whose article is not in the corpus, and spans that no longer fit the
    article's text (orphans, or saved against another version), are left out and reported.
    """
    if no_entities:
        reviewed, keep = None, _without_entities(keep)
    for record in records:
        if since is not None and record.updated < since:
            continue
        article = articles(record.article_id)
        if article is None:
            report.missing_articles[record.article_id] += 1
            continue
        entities = reviewed(article, record.annotator) if reviewed else None
        if entities is not None:
            record = with_reviewed_entities(record, article, entities)
        selected, unanchored = select(record, article, keep)
        report.unanchored_spans.extend(s.id for s in unanchored)
        if (record.spans or keep is not None) and not selected.spans:
            continue
        report.records += 1
        line = native_record(selected, article)
        if entities is not None and entities.decisions:
            line["entity_decisions"] = decisions_field(entities.decisions)
        yield line


def _without_entities(keep: SpanFilter | None) -> SpanFilter:
    return lambda span: span.layer != "entity" and (keep is None or keep(span))


def write_export(natives: Iterable[NativeRecord], fmt: str, out: IO[bytes]) -> int:
    """Write `natives` in a stream format to `out`; returns the number of items written."""
    if fmt == "labelstudio":
        groups = groupby(natives, key=itemgetter("article_id"))
        tasks = (to_labelstudio(list(group), n) for n, (_, group) in enumerate(groups, 1))
        return write_array(tasks, out)
    convert = LINE_FORMATS[fmt]
    return write_lines((item for record in natives for item in convert(record)), out)


def write_brat(natives: Iterable[NativeRecord], directory: Path) -> int:
    """Write `<directory>/<annotator>/<article>.txt|.ann` and an `annotation.conf` per annotator
    folder; returns the number of documents."""
    count = 0
    relation_labels: dict[Path, set[str]] = {}
    for record in natives:
        folder = Path(directory) / safe_name(record["annotator"])
        folder.mkdir(parents=True, exist_ok=True)
        text, ann = to_brat(record)
        name = safe_name(record["article_id"])
        atomic_write(folder / f"{name}.txt", text.encode("utf-8"))
        atomic_write(folder / f"{name}.ann", ann.encode("utf-8"))
        relation_labels.setdefault(folder, set()).update(r["label"] for r in record["relations"])
        count += 1
    for folder, labels in relation_labels.items():
        atomic_write(folder / "annotation.conf", annotation_conf(labels).encode("utf-8"))
    return count


def safe_name(value: str) -> str:
    """A file name for an id, one name per id and short enough for any file system: an id of
    letters, digits, `_`, `-` and `.` (not leading) up to `MAX_NAME_BYTES` is its own name; any
    other is shown with `_` for what is unsafe, cut short, then `~` and a hash of the whole id
    (`x/y` -> `x_y~1b2c...`, apart from `x_y`)."""
    if _PLAIN_NAME.fullmatch(value) and len(value.encode("utf-8")) <= MAX_NAME_BYTES:
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    shown = _UNSAFE_IN_NAME.sub("_", value).encode("utf-8")[: MAX_NAME_BYTES - len(digest) - 1]
    return f"{shown.decode('utf-8', 'ignore')}~{digest}"
