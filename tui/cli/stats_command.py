"""`rawi stats`: how far the annotation has come, per article (no Textual)."""

from __future__ import annotations

import click

from annotations.model import LABELS
from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.printable import printable_json, printable_row

#: Columns after the span labels: linked records and orphans.
LINKS = ("attributions", "relations", "orphans")


@click.command("stats")
@global_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option(
    "--all-annotators", is_flag=True, help="Count every annotator's work, not just yours."
)
@pass_options
def stats_command(options: GlobalOptions, as_json: bool, all_annotators: bool) -> None:
    """Annotations per article: status, spans per label, attributions, relations, orphans."""
    annotator = None if all_annotators else options.annotator_name
    with options.open_store(read_only=True) as store:
        counts = store.counts_by_article(annotator)
        rows = [
            {
                "id": article.id,
                "title": article.title,
                "status": store.status(article.id, annotator) if annotator else None,
                **{name: counts.get(article.id, {}).get(name, 0) for name in LABELS + LINKS},
            }
            for article in options.corpus()
        ]
    if as_json:
        click.echo(printable_json(rows, indent=2))
        return
    click.echo("\t".join(("id", "status", *LABELS, *LINKS)))
    for row in rows:
        cells = (row["id"], row["status"] or "-", *(str(row[name]) for name in LABELS + LINKS))
        click.echo(printable_row(cells))
    totals = [sum(row[name] for row in rows) for name in LABELS + LINKS]
    click.echo("\t".join(("total", "", *map(str, totals))))
