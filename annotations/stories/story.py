"""A story (articles reporting one event) and the options stories are found with; light to
import, so that reading cached stories loads no machine-learning library."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class StoryOptions:
    """How stories are found: the date window in days, and the score two stories' articles must
    reach on average to be merged (pairs below it are never linked)."""

    window: float = 3.0
    threshold: float = 0.26


@dataclass(frozen=True)
class Story:
    """Articles reporting one event, in time order (undated last)."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    duplicates: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def record(self) -> dict:
        """The story as `rawi stories --json` prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
        }

    def cache_record(self) -> dict:
        """`record()` and the near-duplicate pairs: what the cache keeps."""
        return {**self.record(), "duplicates": [list(pair) for pair in self.duplicates]}

    @classmethod
    def from_record(cls, record: dict) -> Story:
        """The story of a `cache_record()`."""
        return cls(
            id=record["id"],
            title=record["title"],
            articles=tuple(record["articles"]),
            outlets=tuple(record["outlets"]),
            first=record["first"],
            last=record["last"],
            duplicates=tuple((a, b) for a, b in record.get("duplicates", ())),
        )


class Member(Protocol):
    """What a story needs of each of its articles (a `Lead` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def outlet(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def day(self) -> float | None: ...


def story_of(members: Sequence[Member], duplicates: Iterable[tuple[str, str]] = ()) -> Story:
    """The story of `members` (two or more articles): in time order, undated last, titled by
    the first, named after its smallest article id; the near-duplicate pairs among them kept."""
    ordered = sorted(members, key=lambda m: (m.day is None, m.day or 0))
    dates = [m.published for m in ordered if m.published]
    ids = {m.id for m in ordered}
    return Story(
        id=f"s-{min(ids)}",
        title=ordered[0].title,
        articles=tuple(m.id for m in ordered),
        outlets=tuple(dict.fromkeys(m.outlet for m in ordered)),
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
        duplicates=tuple((a, b) for a, b in duplicates if a in ids and b in ids),
    )
