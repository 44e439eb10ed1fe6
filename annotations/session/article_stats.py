"""The numbers of the article list: what the store knows, and what the text gives (lazily)."""

from __future__ import annotations

from dataclasses import dataclass

from annotations.store import Store


@dataclass(frozen=True, slots=True)
class StoreStats:
    """One annotator's claims, sources and status for one article."""

    claims: int = 0
    sources: int = 0
    status: str = "todo"


def store_stats(store: Store, annotator: str) -> dict[str, StoreStats]:
    """Stats of every article the annotator touched (the others are `StoreStats()`)."""
    stats = {}
    for record in store.records(annotator=annotator):
        labels = [span.label for span in record.spans]
        stats[record.article_id] = StoreStats(
            labels.count("CLAIM"), labels.count("SOURCE"), record.status
        )
    return stats
