"""Who has what in the database: per annotator, articles, spans by label, links, last activity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotations.model import LABELS
from annotations.store.store import Store


@dataclass
class AnnotatorWork:
    """One annotator's records over the whole database."""

    annotator: str
    articles: int = 0
    done: int = 0
    spans: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    attributions: int = 0
    claims: int = 0
    #: The latest `updated` time of any of their records (UTC ISO 8601), "" when unknown.
    last_activity: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "annotator": self.annotator,
            "articles": self.articles,
            "done": self.done,
            "spans": {label: self.spans[label] for label in LABELS if self.spans[label]},
            "relations": self.relations,
            "attributions": self.attributions,
            "claims": self.claims,
            "last_activity": self.last_activity or None,
        }


def annotator_work(store: Store) -> list[AnnotatorWork]:
    """Every annotator with at least one record, by name."""
    work: dict[str, AnnotatorWork] = {}
    for record in store.records():
        mine = work.setdefault(record.annotator, AnnotatorWork(record.annotator))
        mine.articles += 1
        mine.done += record.status == "done"
        mine.spans.update(span.label for span in record.spans)
        mine.relations += len(record.relations)
        mine.attributions += len(record.attributions)
        mine.claims += len(record.claims)
        mine.last_activity = max(mine.last_activity, record.updated or "")
    return [work[name] for name in sorted(work)]
