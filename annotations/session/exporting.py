"""One export, without a display: what `rawi export` and the app's export form both run."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from annotations.corpus import Corpus
from annotations.durable import output_file
from annotations.exchange import ExportReport, native_records, write_brat, write_export
from annotations.exchange.conll import write_conll
from annotations.exchange.native import SpanFilter
from annotations.model import ENTITY_LABELS, ArticleRecord
from annotations.session.entity_marks import Recogniser, corpus_recogniser, reviewed_entities
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
    recogniser: Recogniser | None = None,
) -> ExportReport:
    """Export the store's records to `target` (a binary stream, or the directory for brat),
    one (article, annotator) record at a time; `progress` is told after each article. The
    entities are `recogniser`'s (by default the corpus's: `corpus_recogniser`)."""
    report = ExportReport()
    layer = request.tagged_layer if request.fmt == "conll" else request.layer
    reviewed = None
    if layer in (None, "entity") and request.label in (None, *ENTITY_LABELS):
        reviewed = reviewed_entities(store, recogniser or corpus_recogniser(corpus))
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


#: Where each format goes unless another file is named (brat: a folder).
DEFAULT_OUTPUTS = {
    "native": "annotations.jsonl",
    "prodigy": "prodigy.jsonl",
    "doccano": "doccano.jsonl",
    "w3c": "annotations.w3c.jsonl",
    "labelstudio": "labelstudio.json",
    "brat": "brat",
    "conll": "entities.conll",
}


class ExportCancelled(Exception):
    """The export was stopped before its end (nothing it would have replaced was)."""


def export_to(
    store: Store,
    corpus: Corpus,
    request: ExportRequest,
    path: Path,
    progress: Progress | None = None,
    recogniser: Recogniser | None = None,
) -> ExportReport:
    """`run_export` into the file the user named (`annotations.durable.output_file`: replaced
    atomically, only once fully written), or the folder for brat."""
    if request.fmt == "brat":
        return run_export(store, corpus, request, path, progress, recogniser)
    with output_file(path) as out:
        return run_export(store, corpus, request, out, progress, recogniser)


def would_replace(path: Path, fmt: str) -> str | None:
    """What exporting to `path` would replace, in a few words ("a file of 1,204 bytes", "a
    folder of 12 files" for brat), or None: nothing (a new file, an empty folder, a FIFO or a
    device written through, or a path `output_file` refuses)."""
    try:
        status = path.stat()
    except OSError:
        return None
    if fmt == "brat" and stat.S_ISDIR(status.st_mode):
        files = sum(1 for item in path.rglob("*") if item.is_file())
        return f"a folder of {files:,} file(s)" if files else None
    if fmt != "brat" and stat.S_ISREG(status.st_mode):
        return f"a file of {status.st_size:,} bytes"
    return None


def not_written(output: str, error: OSError) -> str:
    """One line saying why `output` was not written (and that nothing there was replaced)."""
    where = error.filename if error.filename and error.filename != output else None
    reason = f"{error.strerror or error}" + (f" ({where})" if where else "")
    return f"cannot write {output}: {reason}; nothing there was replaced"


def report_lines(report: ExportReport) -> list[str]:
    """The warnings of an export (what was left out, and why), then what it wrote."""
    lines = [
        f"warning: left out {count} record(s) of article {article_id!r}: not in the corpus "
        "(add it with --corpus)"
        for article_id, count in sorted(report.missing_articles.items())
    ]
    if report.overlapping_spans:
        lines.append(
            f"warning: left out {len(report.overlapping_spans)} span(s) that share a token with "
            "another (CoNLL has one tag per token; the first, then the longest, is kept)"
        )
    if report.unanchored_spans:
        lines.append(
            f"warning: left out {len(report.unanchored_spans)} span(s) that no longer fit their "
            "article's text (orphans, or saved against another version of the text; see "
            "`rawi doctor`)"
        )
    if report.malformed:
        lines.append(
            f"warning: left out {len(report.malformed)} malformed stored record(s), e.g. "
            f"{report.malformed[0]} (see `rawi doctor`)"
        )
    lines.append(f"exported {report.records} record(s) as {report.items} item(s)")
    return lines


def incomplete(report: ExportReport) -> bool:
    """Whether records or spans were left out for a fault (exit code 1 of `rawi export`)."""
    return bool(report.missing_articles or report.unanchored_spans or report.malformed)
