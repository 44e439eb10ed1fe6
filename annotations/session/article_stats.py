"""The numbers of the article list: what the store knows, and what the text gives (lazily)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from annotations.store import Store


@dataclass(frozen=True, slots=True)
class StoreStats:
    """One annotator's claims, sources and status for one article."""

    claims: int = 0
    sources: int = 0
    status: str = "todo"


def store_stats(store: Store, annotator: str) -> dict[str, StoreStats]:
    """Stats of every article the annotator touched (the others are `StoreStats()`), from the
    store's running counts (no record is walked)."""
    counts, statuses = store.counts_by_article(annotator), store.statuses(annotator)
    return {
        article_id: StoreStats(
            counts.get(article_id, {}).get("CLAIM", 0),
            counts.get(article_id, {}).get("SOURCE", 0),
            statuses.get(article_id, "todo"),
        )
        for article_id in counts.keys() | statuses.keys()
    }


def progress_summary(statuses: Iterable[str]) -> str:
    """ "3 of 40 done · 2 in progress · 35 todo": the statuses of the articles listed."""
    counts = Counter(statuses)
    total = sum(counts.values())
    rest = [f"{counts[s]} {s}" for s in ("in progress", "todo") if counts[s]]
    return " · ".join([f"{counts['done']} of {total} done", *rest])
