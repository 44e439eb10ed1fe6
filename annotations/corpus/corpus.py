"""The corpus: articles by id, in load order, read from a corpus index."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from annotations.corpus.article import Article
from annotations.corpus.index import ArticleFilter, ArticleIndex, ArticleInfo
from annotations.corpus.records import ready
from annotations.corpus.search import Query, SearchResult, matching_ids, search


@dataclass(frozen=True)
class Partition:
    """Articles `first` (inclusive) to `stop` (exclusive) in load-order positions."""

    number: int
    first: int
    stop: int | None


class Corpus:
    """An ordered collection of articles with unique ids, plus the warnings its load produced.

    Backed by an `ArticleIndex`: texts are read when an article is asked for, so a corpus of any
    size opens at once. `Corpus(articles)` keeps its articles in an index in memory.
    """

    def __init__(
        self, articles: Iterable[Article] | None = None, *, index: ArticleIndex | None = None
    ) -> None:
        self.index = index or ArticleIndex.in_memory()
        self.warnings: list[str] = []
        for article in articles or ():
            self.add(article)

    def add(self, article: Article, warn: Callable[[str], None] | None = None) -> Article:
        """Add `article`; a clashing id gets a numeric suffix (and a warning)."""
        new_id = self.index.add_article(ready(article))
        if new_id == article.id:
            return article
        if warn:
            warn(f"{article.source}: id {article.id!r} is taken, loaded as {new_id!r}")
        return replace(article, id=new_id)

    def __getitem__(self, article_id: str) -> Article:
        article = self.index.article(article_id)
        if article is None:
            raise KeyError(article_id)
        return article

    def get(self, article_id: str) -> Article | None:
        return self.index.article(article_id)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.index.has(article_id)

    def __iter__(self) -> Iterator[Article]:
        return self.index.articles()

    def __len__(self) -> int:
        return self.index.count()

    def partitions(self, size: int = 100) -> list[Partition]:
        """The corpus in runs of `size` articles in load order, for batch jobs: each is read
        with `articles_in`, in this process or another that loads the same corpus."""
        return [Partition(n, *bounds) for n, bounds in enumerate(self.index.partitions(size))]

    def articles_in(self, partition: Partition) -> Iterator[Article]:
        return self.index.articles(partition.first, partition.stop)

    @property
    def results_folder(self) -> Path | None:
        """The folder of precomputed results registered for this corpus (`rawi annotate`)."""
        folder = self.index.note("results")
        return None if folder is None else Path(folder)

    def register_results(self, folder: Path) -> None:
        self.index.set_note("results", str(Path(folder).resolve()))

    def ids(self, where: ArticleFilter | None = None) -> list[str]:
        """The ids of the articles passing `where` (all by default), in load order."""
        return self.index.ids(where)

    def values(self, column: str) -> list[tuple[str, int]]:
        """The outlets (`column` "outlet") or categories ("category") with their number of
        articles, most first."""
        return self.index.values(column)

    def info(self, article_id: str) -> ArticleInfo | None:
        """An article's metadata, without reading its text."""
        return self.index.info(article_id)

    def infos(
        self, where: ArticleFilter | None = None, limit: int | None = None
    ) -> list[ArticleInfo]:
        """Metadata of the articles passing `where`, in load order (at most `limit`)."""
        return self.index.infos(where, limit)

    def search(
        self, query: Query | str, where: ArticleFilter | None = None, limit: int = 20
    ) -> list[SearchResult]:
        """The best `limit` articles for `query` (see `annotations.corpus.search`); a query
        that cannot be searched raises `QueryError`."""
        return search(self.index, query, where, limit)

    def matching_ids(self, query: Query | str, where: ArticleFilter | None = None) -> set[str]:
        """The ids of every article matching `query` (no order, no hits, no texts read)."""
        return matching_ids(self.index, query, where)

    def read_ahead(self) -> None:
        """Read now what the first search as you type needs, so that it answers at once."""
        self.index.read_ahead()

    def close_ids(self, article_id: str, count: int = 5) -> list[str]:
        """At most `count` ids that look like `article_id` (for "no such article" messages)."""
        from difflib import get_close_matches

        near = self.index.ids_near(article_id, 50)
        return get_close_matches(article_id, near, n=count, cutoff=0.6)
