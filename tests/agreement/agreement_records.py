"""Records for agreement tests, built from the model (no store)."""

from __future__ import annotations

from annotations.corpus import Article
from annotations.model import LAYER_OF, ArticleRecord, Attribution, new_span


def record(
    article: Article,
    annotator: str,
    spans: list[tuple[str, int, int]],
    *,
    origin: str = "manual",
    attributions: tuple[Attribution, ...] = (),
) -> ArticleRecord:
    """`annotator`'s record of `article` with (label, start, end) spans, ids s0, s1, ..."""
    made = tuple(
        new_span(article, LAYER_OF[label], label, start, end, annotator=annotator, origin=origin,
                 id=f"s{number}")
        for number, (label, start, end) in enumerate(spans)
    )  # fmt: skip
    return ArticleRecord(article.id, annotator, None, "done", "", "", made, (), attributions, ())
