"""Corpus loading and cleaning: pages and JSONL records to articles with canonical text."""

from annotations.corpus.article import Article, Removal
from annotations.corpus.cleaning import CleanPage, clean_page
from annotations.corpus.corpus import Corpus
from annotations.corpus.decoding import UndecodableError, decode
from annotations.corpus.loading import DEFAULT_MAX_BYTES, iter_articles, load_corpus
from annotations.corpus.seeds import bundled_seeds_dir

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "CleanPage",
    "Corpus",
    "Removal",
    "UndecodableError",
    "bundled_seeds_dir",
    "clean_page",
    "decode",
    "iter_articles",
    "load_corpus",
]
