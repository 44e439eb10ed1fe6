"""`rawi entities`: named entities of the corpus as JSON lines or a table."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.options import GlobalOptions, article_listing, global_options, pass_options
from tui.printable import printable_json, printable_row

TABLE_COLUMNS = ("article", "start", "end", "label", "origin", "confidence", "text")


@click.command("entities")
@global_options
@article_listing("entity")
@click.option(
    "--decisions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file of more analyst decisions ([{surface|key, label}], label null for never); "
    "the annotator's decisions in the database always apply.",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence shown.")
@pass_options
def entities_command(
    options: GlobalOptions,
    article_ids: tuple[str, ...],
    output_format: str,
    decisions: Path | None,
    min_confidence: float | None,
) -> None:
    """List the named entities of the given articles (all articles by default)."""
    from annotations.entities import DEFAULT_MIN_CONFIDENCE, load_decisions, recognise

    articles = options.articles(article_ids)
    chosen = [*analyst_decisions(options), *(load_decisions(decisions) if decisions else [])]
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    results = options.precomputed() if threshold == DEFAULT_MIN_CONFIDENCE else None
    if output_format == "table":
        click.echo("\t".join(TABLE_COLUMNS))
    for article in articles:
        rows = results.entities(article.sha256, chosen) if results else None
        if rows is None:
            found = recognise(article.text, chosen, min_confidence=threshold)
            rows = [entity.record(article.id) for entity in found]
        for row in rows:
            row["article"] = article.id
            if output_format == "jsonl":
                click.echo(printable_json(row))
            else:
                click.echo(printable_row(row[column] for column in TABLE_COLUMNS))


def analyst_decisions(options: GlobalOptions) -> list:
    """The annotator's entity decisions from the database (none when there is no database yet)."""
    if not options.db_path.exists():
        return []
    from annotations.session.entity_marks import entity_decisions

    with options.open_store() as store:
        return entity_decisions(store, options.annotator_name)
