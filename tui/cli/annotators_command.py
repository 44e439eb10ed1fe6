"""`rawi annotators`: who has what in the database (no Textual)."""

from __future__ import annotations

import click

from annotations.model import LABELS
from annotations.store.annotators import annotator_work
from tui.cli.options import GlobalOptions, global_options, pass_options
from tui.printable import printable_json, printable_row

COLUMNS = ("annotator", "articles", "done", *LABELS, "relations", "attributions", "claims", "last")


@click.command("annotators")
@global_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@pass_options
def annotators_command(options: GlobalOptions, as_json: bool) -> None:
    """Per annotator: articles (and how many done), spans by label, relations, attributions,
    claims and the time of their last change."""
    with options.open_store(read_only=True) as store:
        work = annotator_work(store)
    if as_json:
        click.echo(printable_json([w.as_json() for w in work], indent=2))
        return
    click.echo("\t".join(COLUMNS))
    for w in work:
        counts = (w.articles, w.done, *(w.spans[label] for label in LABELS))
        links = (w.relations, w.attributions, w.claims)
        cells = (w.annotator, *map(str, counts), *map(str, links), w.last_activity or "-")
        click.echo(printable_row(cells))
