"""What story grouping reads of an article: its folded title and lead, its outlet and its time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from annotations.corpus import Article
from annotations.corpus.search_keys import index_text

#: Characters of the body after the title that count as the lead.
LEAD_CHARS = 300
#: Characters of the body the wider lead (word overlap) reads.
WIDE_LEAD_CHARS = 1200


@dataclass(frozen=True, slots=True)
class Lead:
    """An article as grouping sees it: search-key folded words (harakat, hamza forms, ya and
    ta marbuta folded, see `annotations.corpus.search_keys`) and its time in days (None:
    undated)."""

    id: str
    outlet: str
    title: str
    keys: str
    wide_keys: str
    day: float | None
    published: str | None


def leads_of(articles: Iterable[Article]) -> list[Lead]:
    """The lead of every article, in order."""
    return [lead_of(article) for article in articles]


def lead_of(article: Article) -> Lead:
    """One article's lead; an article without an outlet counts as its own outlet."""
    body = article.text[len(article.title) :] if article.text.startswith(article.title) else (
        article.text
    )
    title = index_text(article.title)[0]
    body = body.strip()
    return Lead(
        id=article.id,
        outlet=article.outlet or f"({article.id})",
        title=article.title,
        keys=f"{title} {index_text(body[:LEAD_CHARS])[0]}",
        wide_keys=f"{title} {index_text(body[:WIDE_LEAD_CHARS])[0]}",
        day=day_of(article.published),
        published=article.published,
    )


def day_of(published: str | None) -> float | None:
    """`published` in days since the epoch, or None when absent or not an ISO date."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment.timestamp() / 86400
