"""A story (articles reporting one event) and the options stories are found with; light to
import, so that reading cached stories loads no machine-learning library."""

from __future__ import annotations

from dataclasses import dataclass, field


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
