"""A citation: the quote in «», then what the article says of itself, each on its line."""

from __future__ import annotations

from annotations.corpus import Article
from annotations.session import citation


def test_citation_of_a_full_article() -> None:
    article = Article("a", "نص", "عنوان", "BBC Arabic", "https://e.x/1", "2019-03-01")
    assert citation(article, "قال\n  إن") == "«قال إن»\nBBC Arabic — عنوان (2019-03-01)\nhttps://e.x/1"


def test_citation_leaves_out_what_the_article_lacks() -> None:
    assert citation(Article("a", "نص"), "قال") == "«قال»"
    assert citation(Article("a", "نص", published="2019"), "قال") == "«قال»\n2019"
