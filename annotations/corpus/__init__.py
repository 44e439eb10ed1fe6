"""Corpus loading, cleaning, indexing and search: files to articles with canonical text."""

from annotations.corpus.article import Article, Removal
from annotations.corpus.cleaning import CleanPage, clean_page
from annotations.corpus.corpus import Corpus
from annotations.corpus.decoding import UndecodableError, decode
from annotations.corpus.index import ArticleFilter, ArticleInfo
from annotations.corpus.loading import IndexStatus, index_status, iter_articles, load_corpus
from annotations.corpus.search import (
    Hit,
    QueryError,
    SearchResult,
    Snippet,
    as_typed,
    parse_query,
)
from annotations.corpus.seeds import bundled_seeds_dir
from annotations.corpus.sources import DEFAULT_MAX_ARTICLE_BYTES

__all__ = [
    "DEFAULT_MAX_ARTICLE_BYTES",
    "Article",
    "ArticleFilter",
    "ArticleInfo",
    "CleanPage",
    "Corpus",
    "Hit",
    "IndexStatus",
    "QueryError",
    "Removal",
    "SearchResult",
    "Snippet",
    "UndecodableError",
    "as_typed",
    "bundled_seeds_dir",
    "clean_page",
    "decode",
    "index_status",
    "iter_articles",
    "load_corpus",
    "parse_query",
]
