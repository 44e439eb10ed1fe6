"""The corpus: articles by id, in load order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from annotations.corpus.article import Article


class Corpus:
    """An ordered collection of articles with unique ids, plus the warnings its load produced."""

    def __init__(self, articles: list[Article] | None = None) -> None:
        self._articles: dict[str, Article] = {}
        self.warnings: list[str] = []
        for article in articles or ():
            self.add(article)

    def add(self, article: Article, warn: Callable[[str], None] | None = None) -> Article:
        """Add `article`; a clashing id gets a numeric suffix (and a warning)."""
        if article.id in self._articles:
            number = 2
            while f"{article.id}-{number}" in self._articles:
                number += 1
            new_id = f"{article.id}-{number}"
            if warn:
                warn(f"{article.source}: id {article.id!r} is taken, loaded as {new_id!r}")
            article = replace(article, id=new_id)
        self._articles[article.id] = article
        return article

    def __getitem__(self, article_id: str) -> Article:
        return self._articles[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles.values())

    def __len__(self) -> int:
        return len(self._articles)

    def ids(self) -> list[str]:
        """Article ids in load order."""
        return list(self._articles)

    def get(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

