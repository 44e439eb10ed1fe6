"""What the copy keys give: a quote of the article as logical text, alone or as a citation."""

from __future__ import annotations

from typing import Any


def citation(article: Any, quote: str) -> str:
    """`quote` (whitespace runs made one space) in «», then the outlet, title and date of
    `article`, then its url: those of them it has, one line each."""
    lines = [f"«{' '.join(quote.split())}»"]
    where = " — ".join(part for part in (article.outlet, article.title) if part)
    if article.published:
        where = f"{where} ({article.published})" if where else article.published
    lines += [line for line in (where, article.url) if line]
    return "\n".join(lines)
