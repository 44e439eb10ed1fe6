"""One export, without a display: what `rawi export` and the app's export form both run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from annotations.corpus import Corpus
from annotations.exchange import ExportReport, native_records, write_brat, write_export
from annotations.exchange.conll import write_conll
from annotations.exchange.native import SpanFilter
from annotations.model import ENTITY_LABELS, ArticleRecord
from annotations.session.entity_marks import corpus_recogniser, reviewed_entities
from annotations.session.text_units import sentence_ranges
from annotations.store import Store

#: (articles done, articles in all), after each article.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export (the options of `rawi export`)."""

    fmt: str = "native"
    annotator: str | None = None
    article_id: str | None = None
    layer: str | None = None
    label: str | None = None
    since: str | None = None
    no_entities: bool = False

    @property
    def tagged_layer(self) -> str:
        """The layer CoNLL writes as BIO tags (`entity` unless another is asked for)."""
        return self.layer or "entity"

    def span_filter(self) -> SpanFilter | None:
        """The spans `layer` and `label` keep (None: every span); CoNLL keeps its layer only."""
        layer = self.tagged_layer if self.fmt == "conll" else self.layer
        label = self.label
        if layer is None and label is None:
            return None
        return lambda span: layer in (None, span.layer) and label in (None, span.label)


def run_export(
    store: Store,
    corpus: Corpus,
    request: ExportRequest,
    target: IO[bytes] | Path,
    progress: Progress | None = None,
) -> ExportReport:
    """Export the store's records to `target` (a binary stream, or the directory for brat),
    one (article, annotator) record at a time; `progress` is told after each article."""
    report = ExportReport()
    layer = request.tagged_layer if request.fmt == "conll" else request.layer
    reviewed = None
    if layer in (None, "entity") and request.label in (None, *ENTITY_LABELS):
        reviewed = reviewed_entities(store, corpus_recogniser(corpus))
    ids = [request.article_id] if request.article_id else store.article_ids()
    natives = native_records(
        _records(store, ids, request.annotator, report, progress),
        corpus.get,
        report,
        since=request.since,
        no_entities=request.no_entities,
        keep=request.span_filter(),
        reviewed=reviewed,
    )
    if request.fmt == "brat":
        report.items = write_brat(natives, Path(target))  # type: ignore[arg-type]
    elif request.fmt == "conll":
        report.items = write_conll(
            natives, layer or "entity", sentence_ranges, target, report.overlapping_spans
        )
    else:
        report.items = write_export(natives, request.fmt, target)  # type: ignore[arg-type]
    return report


def _records(
    store: Store,
    ids: list[str],
    annotator: str | None,
    report: ExportReport,
    progress: Progress | None,
) -> Iterator[ArticleRecord]:
    for done, article_id in enumerate(ids, 1):
        yield from store.records(
            annotator=annotator, article_id=article_id, malformed=report.malformed
        )
        if progress is not None:
            progress(done, len(ids))
