"""The article: canonical text plus the metadata the reader and the exports need."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from annotations.arabic import WORD_RE


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the raw page that cleaning dropped, and why (shown by `rawi show --raw`)."""

    reason: str
    text: str


@dataclass(frozen=True)
class Article:
    """One news article. `text` is canonical: every offset anywhere in rawi points into it."""

    id: str
    text: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    category: str | None = None
    source: str = ""
    removed: tuple[Removal, ...] = field(default=(), repr=False)

    @cached_property
    def sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 canonical text."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def words(self) -> int:
        """Number of word tokens in the canonical text."""
        return len(WORD_RE.findall(self.text))

    def meta(self) -> dict[str, str | None]:
        """The descriptive fields, as exported."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
        }
