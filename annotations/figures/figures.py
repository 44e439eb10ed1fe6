"""Counting what a corpus holds and what its annotators did, for charts and reports.

`compute_figures` works on plain records (article metadata and one `ArticleRecord` per
article and annotator); `corpus_figures` reads them from a corpus and a store. Only articles in
scope (the corpus, narrowed by an `ArticleFilter`) count; records of other articles are counted
in `left_out`. Every label and every named annotator appears, with zero when nothing was done.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from annotations.arabic import strip_marks
from annotations.corpus import ArticleFilter, ArticleInfo, Corpus
from annotations.model import LABELS, ArticleRecord
from annotations.store import Store

#: The outlet of articles that credit none.
NO_OUTLET = ""
#: The source type of a SOURCE whose type was never set.
NO_SOURCE_TYPE = ""
#: The verdict of a claim not judged yet.
NO_VERDICT = ""
#: How many sources and cues the "most" lists keep.
TOP = 10

#: (name, count) pairs, largest count first (ties by name), or in a fixed order where one exists.
Tally = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Progress:
    """One annotator's articles in scope by status."""

    annotator: str
    done: int = 0
    in_progress: int = 0
    todo: int = 0


@dataclass(frozen=True)
class Figures:
    """Everything the report and the statistics screen draw."""

    articles: int
    articles_per_outlet: Tally
    progress: tuple[Progress, ...]
    tags_per_label: Tally
    attributions_per_outlet: Tally
    source_types_per_outlet: dict[str, Tally]
    most_quoted_sources: Tally
    cue_verbs_per_outlet: dict[str, Tally]
    claims_by_verdict: Tally
    #: (article, annotator) records of articles out of scope, not counted.
    left_out: int = 0


def corpus_figures(
    corpus: Corpus, store: Store, where: ArticleFilter | None = None, annotators: Iterable[str] = ()
) -> Figures:
    """The figures of the articles of `corpus` passing `where`, from `store`; `annotators` are
    shown in the progress even when they have done nothing yet."""
    return compute_figures(corpus.infos(where), store.records(), annotators)


def compute_figures(
    infos: Iterable[ArticleInfo], records: Iterable[ArticleRecord], annotators: Iterable[str] = ()
) -> Figures:
    """The figures of the articles `infos` given every (article, annotator) `records`."""
    outlet_of = {info.id: info.outlet or NO_OUTLET for info in infos}
    status: dict[str, Counter[str]] = {name: Counter() for name in annotators}
    labels: Counter[str] = Counter(dict.fromkeys(LABELS, 0))
    attributions: Counter[str] = Counter(dict.fromkeys(outlet_of.values(), 0))
    source_types: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, Counter[str]] = defaultdict(Counter)
    cues: dict[str, Counter[str]] = defaultdict(Counter)
    verdicts: Counter[str] = Counter()
    left_out = 0
    for record in records:
        outlet = outlet_of.get(record.article_id)
        if outlet is None:
            left_out += 1
            continue
        status.setdefault(record.annotator, Counter())[record.status] += 1
        labels.update(span.label for span in record.spans)
        attributions[outlet] += len(record.attributions)
        for span in record.spans:
            if span.label == "SOURCE":
                source_types[outlet][span.attrs.get("source_type") or NO_SOURCE_TYPE] += 1
                sources[strip_marks(span.text)][span.text] += 1
            elif span.label == "CUE":
                cues[outlet][strip_marks(span.text)] += 1
        verdicts.update(claim.verdict or NO_VERDICT for claim in record.claims)
    return Figures(
        articles=len(outlet_of),
        articles_per_outlet=_tally(Counter(outlet_of.values())),
        progress=tuple(
            _progress(name, counts, len(outlet_of)) for name, counts in sorted(status.items())
        ),
        tags_per_label=tuple((label, labels[label]) for label in LABELS),
        attributions_per_outlet=_tally(attributions),
        source_types_per_outlet={o: _tally(c) for o, c in sorted(source_types.items())},
        most_quoted_sources=_most_quoted(sources),
        cue_verbs_per_outlet={o: _tally(c)[:TOP] for o, c in sorted(cues.items())},
        claims_by_verdict=_tally(verdicts),
        left_out=left_out,
    )


def _progress(annotator: str, statuses: Counter[str], articles: int) -> Progress:
    done, in_progress = statuses["done"], statuses["in progress"]
    return Progress(annotator, done, in_progress, articles - done - in_progress)


def _tally(counts: Counter[str]) -> Tally:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _most_quoted(sources: dict[str, Counter[str]]) -> Tally:
    """Sources counted by their letters (harakat and tatweel ignored), each named by its most
    frequent written form."""
    totals = Counter({key: sum(forms.values()) for key, forms in sources.items()})
    return tuple((sources[key].most_common(1)[0][0], count) for key, count in _tally(totals)[:TOP])
