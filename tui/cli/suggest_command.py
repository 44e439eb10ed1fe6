"""`rawi suggest`: suggested attributions (cue, source, content) as JSON lines or a table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import click

from tui.cli.entities_command import analyst_decisions
from tui.cli.options import GlobalOptions, article_listing, global_options, pass_options
from tui.printable import printable_json, printable_row

TABLE_COLUMNS = (
    "article",
    "index",
    "class",
    "cue",
    "source_type",
    "source",
    "content",
    "nested_in",
    "confidence",
)


@click.command("suggest")
@global_options
@article_listing("attribution")
@click.option(
    "--entities/--no-entities",
    default=False,
    show_default=True,
    help="Run entity recognition first and link sources to the entities inside them.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Leave out suggestions less confident than this (confidences are calibrated).",
)
@pass_options
def suggest_command(
    options: GlobalOptions,
    article_ids: tuple[str, ...],
    output_format: str,
    entities: bool,
    min_confidence: float,
) -> None:
    """Suggest attributions in the given articles (all articles by default)."""
    from annotations.attribution import shown, suggest_attributions

    articles = options.articles(article_ids)
    decisions = analyst_decisions(options) if entities else []
    if output_format == "table":
        click.echo("\t".join(TABLE_COLUMNS))
    results = options.precomputed() if not entities and min_confidence == 0 else None
    for article in articles:
        records = results.suggestions(article.sha256) if results else None
        if records is None:
            found = _entities(article.text, decisions) if entities else None
            suggestions = shown(suggest_attributions(article.text, found), min_confidence)
            records = [s.record() for s in suggestions]
        for line in _lines(article.id, records, output_format):
            click.echo(line)


def _entities(text: str, decisions: list[Any]) -> list[Any]:
    """The named entities of `text` after the analyst's decisions (the model loads on demand)."""
    from annotations.entities import recognise

    return list(recognise(text, decisions))


def _lines(article_id: str, records: Iterable[dict[str, Any]], output_format: str) -> Iterator[str]:
    for index, record in enumerate(records):
        if output_format == "jsonl":
            yield printable_json({"article": article_id, **record})
            continue
        source = record["source"] or {"type": "-", "text": "-"}
        row = (
            article_id,
            index,
            record["cue"]["class"],
            record["cue"]["text"],
            source["type"],
            source["text"],
            " | ".join(span["text"] for span in record["content"]),
            "-" if record["nested_in"] is None else record["nested_in"],
            record["confidence"],
        )
        yield printable_row(" ".join(str(value).split()) for value in row)
