"""The analyst's attributions of an article as statements (what `compare` reads before the
suggester's): each content span with the texts of its cue and source spans."""

from __future__ import annotations

from annotations.store import Store
from annotations.stories.statements import Statement


def analyst_statements(store: Store, article_id: str) -> list[Statement] | None:
    """The statements of the attributions stored for `article_id` (every annotator's), or None
    when there are none (the article then gets the suggester's); orphaned spans are left out."""
    attributions = store.attributions(article_id)
    if not attributions:
        return None
    spans = {span.id: span for span in store.spans(article_id) if not span.orphan}
    statements = []
    for attribution in attributions:
        cue, source = spans.get(attribution.cue or ""), spans.get(attribution.source or "")
        for span_id in attribution.content:
            if (content := spans.get(span_id)) is not None:
                statements.append(
                    Statement(
                        article_id, content.start, content.end, content.text,
                        cue.text if cue else None, source.text if source else None,
                        source.attrs.get("source_type") if source else None,
                    )
                )
    return statements
